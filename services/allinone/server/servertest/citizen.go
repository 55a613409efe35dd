package servertest

import (
	"net/http"
	"regexp"
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
