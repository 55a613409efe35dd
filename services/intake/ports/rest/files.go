package rest

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
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
	httpapi.ServeInline(r.Context(), w, a.Log, httpapi.InlineFile{ContentType: f.ContentType, Name: f.Name, Size: f.Size, SHA256: f.SHA256}, f.Body)
}
