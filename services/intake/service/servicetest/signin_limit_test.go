package servicetest

import (
	"net/http"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
)

// TestSignInFailuresAreLimited: after ten wrong passwords for one account the client that
// sent them gets 429 with Retry-After, even with the right password, while other
// accounts still sign in from it; the account's owner, from another client, is never
// locked out.
func TestSignInFailuresAreLimited(t *testing.T) {
	t.Parallel()
	e := start(t)
	signIn := func(c *http.Client, user, password string) apitest.Reply {
		return apitest.Call(t, c, "POST", e.URL, "/api/v1/auth/token", "",
			apitest.JSON(t, map[string]string{"username": user, "password": password}))
	}
	attacker, owner := apitest.From("127.0.0.1"), apitest.From("127.0.0.2")
	for i := 0; i < 10; i++ {
		signIn(attacker, "officer.baohoa", "not the password").ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
	}
	r := signIn(attacker, "officer.baohoa", demo.Password)
	r.ExpectError(t, http.StatusTooManyRequests, "too_many_requests", "")
	if r.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	if r := signIn(attacker, "desk.giaray", demo.Password); r.Status != http.StatusOK {
		t.Fatalf("another account was refused: %d %s", r.Status, r.Body)
	}
	if r := signIn(owner, "officer.baohoa", demo.Password); r.Status != http.StatusOK {
		t.Fatalf("the owner, from another client, was locked out: %d %s", r.Status, r.Body)
	}
}
