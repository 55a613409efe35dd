package servicetest

import (
	"net/http"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
)

// TestSignInFailuresAreLimited: after ten wrong passwords for one account the answer is
// 429 with Retry-After, even to the right password, while other accounts still sign in.
func TestSignInFailuresAreLimited(t *testing.T) {
	t.Parallel()
	e := start(t)
	signIn := func(user, password string) apitest.Reply {
		return e.call(t, "POST", "/api/v1/auth/token", "", apitest.JSON(t, map[string]string{"username": user, "password": password}))
	}
	for i := 0; i < 10; i++ {
		signIn("officer.baohoa", "not the password").ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
	}
	r := signIn("officer.baohoa", demo.Password)
	r.ExpectError(t, http.StatusTooManyRequests, "too_many_requests", "")
	if r.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	if r := signIn("desk.giaray", demo.Password); r.Status != http.StatusOK {
		t.Fatalf("another account was refused: %d %s", r.Status, r.Body)
	}
}
