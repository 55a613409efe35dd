package rest

import (
	"encoding/base64"
	"encoding/hex"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
)

// file answers GET /dossiers/{code}/files/{file_id}: the bytes of a file handed in, as
// they were stored, to the staff of the dossier's offices (a read of personal data,
// audited). Shown inline (PDF and images open in the page), never sniffed into
// something else, never cached.
func (a *API) file(w http.ResponseWriter, r *http.Request) {
	id, err := uuid.Parse(chi.URLParam(r, "file_id"))
	if err != nil {
		a.fail(w, r, app.ErrNotFound)
		return
	}
	f, err := a.Reader.ReadFile(r.Context(), auth.FromContext(r.Context()), chi.URLParam(r, "code"), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	defer f.Body.Close()
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Length", strconv.FormatInt(f.Size, 10))
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": f.Name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
	if sum, err := hex.DecodeString(f.SHA256); err == nil {
		h.Set("Repr-Digest", "sha-256=:"+base64.StdEncoding.EncodeToString(sum)+":")
	}
	w.WriteHeader(http.StatusOK)
	if _, err := io.Copy(w, f.Body); err != nil {
		a.Log.WarnContext(r.Context(), "file not sent whole", "file", id, "err", err.Error())
	}
}
