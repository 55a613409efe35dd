package sessiontest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/session"
)

func TestCookieIsASessionTheVerifierAccepts(t *testing.T) {
	iss, v := Keys(t)
	r := httptest.NewRequest(http.MethodGet, "/mot-cua", nil)
	r.AddCookie(Cookie(t, iss, auth.Principal{Username: "desk.a", Role: auth.RoleDesk}))
	if p := session.Principal(v, r); p == nil || p.Username != "desk.a" || p.Role != auth.RoleDesk {
		t.Fatalf("principal %+v", p)
	}
	_, other := Keys(t)
	if session.Principal(other, r) != nil {
		t.Fatal("another key pair's verifier accepts the session")
	}
}
