package session

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
)

func TestRequireRole(t *testing.T) {
	iss, v := keys(t)
	refuse := func(w http.ResponseWriter, _ *http.Request, who *auth.Principal) {
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte("not for " + who.Role))
	}
	h := RequireRole(v, refuse, auth.RoleDesk, auth.RoleOfficer)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("hello " + auth.FromContext(r.Context()).Username))
	}))
	for _, c := range []struct {
		role, body string
		status     int
	}{
		{auth.RoleDesk, "hello u", http.StatusOK},
		{auth.RoleOfficer, "hello u", http.StatusOK},
		{auth.RolePostal, "not for postal", http.StatusForbidden},
	} {
		tok, err := iss.Issue(auth.Principal{Username: "u", Role: c.role}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest(http.MethodGet, "/mot-cua", nil)
		r.AddCookie(&http.Cookie{Name: CookieName, Value: tok})
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != c.status || w.Body.String() != c.body {
			t.Errorf("%s: %d %q", c.role, w.Code, w.Body)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/mot-cua", nil))
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/dang-nhap?next=%2Fmot-cua" {
		t.Errorf("no session: %d to %q", w.Code, w.Header().Get("Location"))
	}
}
