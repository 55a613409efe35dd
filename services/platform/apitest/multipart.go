package apitest

import (
	"bytes"
	"mime/multipart"
	"slices"
	"testing"
)

// File is a file part of a multipart body.
type File struct {
	// Part is the part's name, which a document's "file" names; Name the file's own.
	Part, Name string
	Body       []byte
}

// PDF is a small file a submission takes as a PDF (judged by its first bytes), saying
// text.
func PDF(text string) []byte { return []byte("%PDF-1.7\n% " + text + "\n%%EOF\n") }

// Multipart is a multipart/form-data body, as a citizen's browser sends a submission:
// the text parts of fields (in name order: "application", "note"), then the files. It
// returns the body and its Content-Type.
func Multipart(t testing.TB, fields map[string]string, files ...File) (body []byte, contentType string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := mw.WriteField(name, fields[name]); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		w, err := mw.CreateFormFile(f.Part, f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(f.Body); err != nil {
			t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), mw.FormDataContentType()
}
