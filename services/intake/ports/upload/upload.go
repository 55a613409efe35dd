// Package upload keeps the files citizens hand in while their request is read: each
// file part is copied to a spool on disk as it streams in, counted, hashed and its first
// bytes kept for judging its kind, never held whole in memory. The API's submissions
// and supplements and the citizen's pages read their files through it alike; what a
// file may be is the app's to judge (attachment's rules), once the request is read.
package upload

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"os"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/attachment"
)

// The ways a file part cannot be kept.
var (
	// ErrTooLarge: the file is over attachment.MaxFileBytes; the rest of the part is
	// left unread.
	ErrTooLarge = errors.New("file too large")
	// ErrTorn: the request could not be read to the file's end: cut off, malformed, or
	// over the limit of the whole body (an *http.MaxBytesError in the chain).
	ErrTorn = errors.New("request torn")
)

// Spool copies the file part into a new file of dir and returns it as an upload whose
// Body reads the spooled file from its start. On an error the upload's Body, when set,
// is still to be closed (its file is in dir, which the caller removes).
func Spool(part *multipart.Part, dir string) (app.Upload, error) {
	f, err := os.CreateTemp(dir, "file-")
	if err != nil {
		return app.Upload{}, err
	}
	u := app.Upload{Part: part.FormName(), Name: part.FileName(), Body: f}
	hash := sha256.New()
	head := &headWriter{max: attachment.SniffBytes}
	n, err := io.Copy(io.MultiWriter(f, hash, head), io.LimitReader(part, attachment.MaxFileBytes+1))
	if err != nil {
		return u, fmt.Errorf("%w: %w", ErrTorn, err)
	}
	if n > attachment.MaxFileBytes {
		return u, ErrTooLarge
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return u, err
	}
	u.Size, u.SHA256, u.Head = n, hash.Sum(nil), head.buf.Bytes()
	return u, nil
}

// Close closes the spooled files of uploads.
func Close(uploads []app.Upload) {
	for _, u := range uploads {
		if c, ok := u.Body.(io.Closer); ok {
			_ = c.Close()
		}
	}
}

// headWriter keeps the first max bytes written to it.
type headWriter struct {
	buf bytes.Buffer
	max int
}

func (h *headWriter) Write(p []byte) (int, error) {
	if room := h.max - h.buf.Len(); room > 0 {
		h.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}
