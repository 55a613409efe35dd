// Package sessiontest gives the tests of the page packages signed sessions of their
// own, without intake: a fresh key pair's issuer and verifier, and the session cookie
// of a member of staff.
package sessiontest

import (
	"crypto/ed25519"
	"crypto/rand"
	"net/http"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/session"
)

// Keys is the issuer of staff tokens valid for an hour, and the verifier of its
// tokens, of a key pair made for the test.
func Keys(t testing.TB) (*auth.Issuer, *auth.Verifier) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return auth.NewIssuer(priv, time.Hour), auth.NewVerifier(pub)
}

// Cookie is the session cookie of who, its token issued by iss now.
func Cookie(t testing.TB, iss *auth.Issuer, who auth.Principal) *http.Cookie {
	t.Helper()
	tok, err := iss.Issue(who, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return &http.Cookie{Name: session.CookieName, Value: tok}
}
