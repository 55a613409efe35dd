package upload

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/attachment"
)

// part is the first part of a multipart body holding body as the file name named.
func part(t *testing.T, name string, body io.Reader) *multipart.Part {
	t.Helper()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		w, _ := mw.CreateFormFile("scan", name)
		_, err := io.Copy(w, body)
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	p, err := multipart.NewReader(pr, mw.Boundary()).NextPart()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSpool: a file comes back whole from its start, with its size, its SHA-256 and
// its first bytes; one over the limit is too large; a request cut off is torn.
func TestSpool(t *testing.T) {
	dir := t.TempDir()
	body := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("x"), 5000)...)
	u, err := Spool(part(t, "scan", bytes.NewReader(body)), dir)
	defer Close([]app.Upload{u})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(u.Body)
	sum := sha256.Sum256(body)
	if u.Part != "scan" || u.Name != "scan" || u.Size != int64(len(body)) || !bytes.Equal(u.SHA256, sum[:]) ||
		!bytes.Equal(got, body) || !bytes.Equal(u.Head, body[:attachment.SniffBytes]) {
		t.Errorf("spooled %+v", u)
	}

	big, err := Spool(part(t, "big.pdf", io.LimitReader(zeros{}, attachment.MaxFileBytes+1)), dir)
	Close([]app.Upload{big})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("a file over the limit: %v", err)
	}

	cut := multipart.NewReader(strings.NewReader("--b\r\nContent-Disposition: form-data; name=\"scan\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 and then nothing"), "b")
	p, err := cut.NextPart()
	if err != nil {
		t.Fatal(err)
	}
	torn, err := Spool(p, dir)
	Close([]app.Upload{torn})
	if !errors.Is(err, ErrTorn) {
		t.Errorf("a request cut off: %v", err)
	}
}

// zeros reads as endless zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }
