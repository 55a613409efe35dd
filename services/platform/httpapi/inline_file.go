package httpapi

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
)

// filePolicy is the content security policy of a file a citizen handed in: nothing it
// holds may run or reach anything (sandbox), whatever a browser takes it for.
const filePolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"

// InlineFile is a stored file as it is served: its type judged when it was kept, its
// cleaned name, its size and the SHA-256 of its bytes (lower-case hex).
type InlineFile struct {
	ContentType, Name string
	Size              int64
	SHA256            string
}

// ServeInline sends body as f, to be opened in the browser: exactly as stored, never
// sniffed into something else, never cached, in a sandbox, with its digest.
func ServeInline(ctx context.Context, w http.ResponseWriter, log *slog.Logger, f InlineFile, body io.Reader) {
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Length", strconv.FormatInt(f.Size, 10))
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": f.Name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Security-Policy", filePolicy)
	if sum, err := hex.DecodeString(f.SHA256); err == nil {
		h.Set("Repr-Digest", "sha-256=:"+base64.StdEncoding.EncodeToString(sum)+":")
	}
	w.WriteHeader(http.StatusOK)
	if _, err := io.Copy(w, body); err != nil {
		log.WarnContext(ctx, "file not sent whole", "err", err.Error())
	}
}
