package servertest

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"regexp"
	"slices"
	"testing"

	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// codeIn finds the 6-digit verification code in a mail.
var codeIn = regexp.MustCompile(`\b(\d{6})\b`)

// ContactToken proves address as a citizen does, from client c: it asks for a code,
// reads it from mails (the Mailpit that MOTCUA_SMTP_URL names) and trades it for the
// citizen's contact token, which it returns. Each call asks for a new code; an address
// is sent at most 5 in an hour.
func (s Served) ContactToken(t testing.TB, c *http.Client, mails *mailtest.Server, address string) string {
	t.Helper()
	before := len(mails.To(t, address))
	var started struct {
		ID string `json:"verification_id"`
	}
	apitest.Call(t, c, http.MethodPost, s.Base, "/api/v1/public/verifications", "",
		apitest.JSON(t, map[string]string{"email": address})).Expect(t, http.StatusAccepted).Decode(t, &started)
	var got []mailtest.Mail
	waitfor.Until(t, "the verification code's mail to "+address, func() bool {
		got = mails.To(t, address)
		return len(got) > before
	})
	code := codeIn.FindString(got[0].Text) // newest first
	var tok struct {
		Token string `json:"contact_token"`
	}
	apitest.Call(t, c, http.MethodPost, s.Base, "/api/v1/public/verifications/"+started.ID, "",
		apitest.JSON(t, map[string]string{"code": code})).Expect(t, http.StatusOK).Decode(t, &tok)
	if tok.Token == "" {
		t.Fatalf("no contact token for %s", address)
	}
	return tok.Token
}

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
