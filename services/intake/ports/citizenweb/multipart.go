package citizenweb

import (
	"errors"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/attachment"
	"github.com/motcua/motcua/services/intake/ports/upload"
	"github.com/motcua/motcua/services/platform/web/csrf"
)

// Limits on a form sent as multipart/form-data, besides its files'.
const (
	// maxFieldBytes bounds one text field (a note of 1000 characters of up to four bytes
	// each, and more).
	maxFieldBytes = 16 << 10
	// maxFieldsBytes bounds the text fields together, and maxFields their number.
	maxFieldsBytes = 64 << 10
	maxFields      = 100
)

// errForged is a form whose CSRF token is missing or wrong, or comes after a file.
var errForged = errors.New("the form's CSRF token is missing or wrong")

// errUnreadable is a form that is not multipart, or torn, or malformed.
var errUnreadable = errors.New("the form could not be read")

// errTooLarge is a form over the limit of the whole body: reading stopped there.
var errTooLarge = errors.New("the form is too large")

// sentForm is a multipart form as it was read: its text fields, its files spooled (in
// order, each named by its input, an input that takes many files numbering them) and
// the file inputs whose file was over the limit, by input, with the file's name.
type sentForm struct {
	values   map[string]string
	files    []app.Upload
	tooLarge map[string]string
	spool    string
}

// get is the text field name, trimmed.
func (f *sentForm) get(name string) string { return strings.TrimSpace(f.values[name]) }

// attached is the set of file inputs that hold a file.
func (f *sentForm) attached() map[string]bool {
	out := make(map[string]bool, len(f.files))
	for _, u := range f.files {
		out[u.Part] = true
	}
	return out
}

// remove closes and deletes the spooled files.
func (f *sentForm) remove() {
	upload.Close(f.files)
	if f.spool != "" {
		_ = os.RemoveAll(f.spool)
	}
}

// readForm reads r's multipart form as it streams in, within the limits of a
// submission. Its CSRF token must come before any file, and be valid (errForged
// otherwise, so a forged request spools nothing). isFile tells the inputs of
// files: a file over the limit is noted and its bytes skipped, so the rest of the form
// is still read and every problem can be told; an empty file input (no file chosen) is
// no file. many names the inputs that take several files. The caller removes the form.
func (p *Pages) readForm(w http.ResponseWriter, r *http.Request, isFile func(string) bool, many string) (*sentForm, error) {
	f := &sentForm{values: map[string]string{}, tooLarge: map[string]string{}}
	r.Body = http.MaxBytesReader(w, r.Body, attachment.MaxTotalBytes+maxFieldsBytes+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		return f, errUnreadable
	}
	textBytes, checked, seq := 0, false, 0
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return f, bodyError(err)
		}
		name := part.FormName()
		if !checked && isFile(name) {
			return f, errForged
		}
		if !isFile(name) {
			b, err := io.ReadAll(io.LimitReader(part, maxFieldBytes+1))
			if err != nil {
				return f, bodyError(err)
			}
			if textBytes += len(b); len(b) > maxFieldBytes || textBytes > maxFieldsBytes || len(f.values) == maxFields {
				return f, errTooLarge
			}
			if name == csrf.FieldName {
				if !csrf.ValidField(r, string(b)) {
					return f, errForged
				}
				checked = true
			}
			f.values[name] = string(b)
			continue
		}
		if part.FileName() == "" {
			if _, err := io.Copy(io.Discard, part); err != nil {
				return f, bodyError(err)
			}
			continue
		}
		if len(f.files) == attachment.MaxFiles {
			return f, errTooLarge
		}
		if f.spool == "" {
			if f.spool, err = os.MkdirTemp(p.SpoolDir, "page-upload-"); err != nil {
				return f, err
			}
		}
		u, err := upload.Spool(part, f.spool)
		if name == many {
			seq++
			u.Part = name + "-" + strconv.Itoa(seq)
		}
		if errors.Is(err, upload.ErrTooLarge) {
			upload.Close([]app.Upload{u})
			f.tooLarge[name] = part.FileName()
			if _, err := io.Copy(io.Discard, part); err != nil {
				return f, bodyError(err)
			}
			continue
		}
		if u.Body != nil {
			f.files = append(f.files, u)
		}
		switch {
		case errors.Is(err, upload.ErrTorn):
			return f, bodyError(err)
		case err != nil:
			return f, err
		}
	}
	if !checked {
		return f, errForged
	}
	return f, nil
}

// bodyError is what a failure to read the body means: over the limit, or torn.
func bodyError(err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return errTooLarge
	}
	return errUnreadable
}
