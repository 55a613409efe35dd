package pagetest

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/session"
)

// TestPostCarriesAValidToken: the form posted with Post passes the CSRF check, the one
// posted without a token does not, and both keep the caller's cookies.
func TestPostCarriesAValidToken(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("who"); err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if r.Method == http.MethodPost && !csrf.Valid(r) {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		_, _ = w.Write([]byte(r.Method + " " + r.URL.Path + " " + r.FormValue("name")))
	})
	who := &http.Cookie{Name: "who", Value: "desk.a"}
	if w := Post(h, "/form", url.Values{"name": {"An"}}, who); w.Code != http.StatusOK || w.Body.String() != "POST /form An" {
		t.Errorf("with the token: %d %q", w.Code, w.Body)
	}
	signedIn := &http.Cookie{Name: session.CookieName, Value: "session-of-desk-a"}
	if w := Post(h, "/form", url.Values{"name": {"An"}}, who, signedIn); w.Code != http.StatusOK {
		t.Errorf("with the token, signed in: %d %q", w.Code, w.Body)
	}
	if w := PostWithoutToken(h, "/form", url.Values{"name": {"An"}}, who); w.Code != http.StatusForbidden {
		t.Errorf("without a token: %d", w.Code)
	}
	if w := Get(h, "/page", who); w.Code != http.StatusOK || w.Body.String() != "GET /page " {
		t.Errorf("get: %d %q", w.Code, w.Body)
	}
	if w := Get(h, "/page"); w.Code != http.StatusUnauthorized {
		t.Errorf("get without the cookie: %d", w.Code)
	}
}
