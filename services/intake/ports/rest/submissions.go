package rest

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"os"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/attachment"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/ports/upload"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// applicationPart names the part of a submission that carries the registration (JSON).
const applicationPart = "application"

// maxApplicationBytes bounds the registration part; the files have their own limits.
const maxApplicationBytes = 256 << 10

// submit answers POST /public/dossiers (multipart/form-data): a citizen with a verified
// address submits a dossier and its files (201). Files are streamed to a spool on disk
// while they are counted and hashed, never held whole in memory.
func (a *API) submit(w http.ResponseWriter, r *http.Request) {
	key, err := httpapi.IdempotencyKey(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	application, uploads, done, err := a.readMultipart(w, r, applicationPart)
	defer done()
	if err == nil && application == nil {
		err = httpapi.Problem(http.StatusUnprocessableEntity, applicationPart, "required")
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var reg dossier.Registration
	if err := httpapi.UnmarshalJSON(application, &reg); err != nil {
		a.fail(w, r, err)
		return
	}
	hashed := [][]byte{application}
	for _, u := range uploads {
		hashed = append(hashed, []byte(u.Part), u.SHA256)
	}
	answer, replayed, err := a.Online.Submit(r.Context(), auth.CitizenFrom(r.Context()), reg, uploads,
		app.Idempotency{Key: key, RequestHash: httpapi.RequestHash(hashed...)}, httpapi.Language(r))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteAnswer(w, http.StatusCreated, answer, replayed)
}

// readMultipart reads a multipart request: its text part named text and its files,
// spooled to disk within the limits. done removes the spool.
func (a *API) readMultipart(w http.ResponseWriter, r *http.Request, text string) (textValue []byte, uploads []app.Upload, done func(), err error) {
	done = func() {}
	r.Body = http.MaxBytesReader(w, r.Body, attachment.MaxTotalBytes+maxApplicationBytes+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, done, httpapi.Problem(http.StatusBadRequest, "", "multipart_expected")
	}
	spool, err := os.MkdirTemp(a.SpoolDir, "upload-")
	if err != nil {
		return nil, nil, done, err
	}
	textValue, uploads, err = readParts(mr, spool, text)
	return textValue, uploads, func() { upload.Close(uploads); os.RemoveAll(spool) }, err
}

// readParts reads the parts of a multipart request: the text part named text (the
// registration, a note), nil when absent, and each file, spooled into dir. A file over
// the limit, or a body over the total, stops the reading at once (413); a torn request
// is malformed (400).
func readParts(mr *multipart.Reader, dir, text string) (textValue []byte, uploads []app.Upload, err error) {
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, uploads, bodyProblem(err)
		}
		switch {
		case part.FormName() == text && part.FileName() == "":
			if textValue != nil {
				return nil, uploads, httpapi.Problem(http.StatusBadRequest, text, "part_twice")
			}
			textValue, err = io.ReadAll(io.LimitReader(part, maxApplicationBytes+1))
			if err != nil {
				return nil, uploads, bodyProblem(err)
			}
			if len(textValue) > maxApplicationBytes {
				return nil, uploads, httpapi.Problem(http.StatusRequestEntityTooLarge, text, "too_large")
			}
		case part.FileName() == "":
			return nil, uploads, httpapi.Problem(http.StatusBadRequest, part.FormName(), "unexpected_part")
		default:
			if len(uploads) == attachment.MaxFiles {
				return nil, uploads, dossier.Invalid("files", "too_many", attachment.MaxFiles)
			}
			u, err := spoolFile(part, dir)
			if u.Body != nil {
				uploads = append(uploads, u)
			}
			if err != nil {
				return nil, uploads, err
			}
		}
	}
	return textValue, uploads, nil
}

// spoolFile copies a file part into a file of dir (upload.Spool), a file over the limit
// being too large (413) and a torn request malformed (400).
func spoolFile(part *multipart.Part, dir string) (app.Upload, error) {
	u, err := upload.Spool(part, dir)
	switch {
	case errors.Is(err, upload.ErrTooLarge):
		return u, httpapi.Problem(http.StatusRequestEntityTooLarge, "files", "file_too_large", part.FileName(), attachment.MaxFileBytes>>20)
	case errors.Is(err, upload.ErrTorn):
		return u, bodyProblem(err)
	}
	return u, err
}

// bodyProblem says what went wrong reading a request's body: too large (413) or torn
// or malformed (400).
func bodyProblem(err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return httpapi.Problem(http.StatusRequestEntityTooLarge, "files", "files_too_large", attachment.MaxTotalBytes>>20)
	}
	return httpapi.Problem(http.StatusBadRequest, "", "malformed_multipart")
}
