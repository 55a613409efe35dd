package session

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
)

func keys(t *testing.T) (*auth.Issuer, *auth.Verifier) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return auth.NewIssuer(priv, time.Hour), auth.NewVerifier(pub)
}

func TestSetIsHttpOnlyLaxAndSecureOverTLS(t *testing.T) {
	for _, overTLS := range []bool{false, true} {
		r := httptest.NewRequest(http.MethodPost, "/dang-nhap", nil)
		if overTLS {
			r.TLS = &tls.ConnectionState{}
		}
		w := httptest.NewRecorder()
		Set(w, r, "tok", 90*time.Minute)
		c := w.Result().Cookies()
		if len(c) != 1 {
			t.Fatalf("%d cookies", len(c))
		}
		k := c[0]
		name := CookieName
		if overTLS {
			name = "__Host-" + CookieName
		}
		if k.Name != name || k.Value != "tok" || !k.HttpOnly || k.SameSite != http.SameSiteLaxMode ||
			k.Path != "/" || k.MaxAge != 5400 || k.Secure != overTLS {
			t.Errorf("TLS %v: cookie %+v", overTLS, k)
		}
	}
}

func TestClearExpiresTheCookie(t *testing.T) {
	w := httptest.NewRecorder()
	Clear(w, httptest.NewRequest(http.MethodPost, "/dang-xuat", nil))
	c := w.Result().Cookies()
	if len(c) != 1 || c[0].Name != CookieName || c[0].MaxAge >= 0 || c[0].Value != "" {
		t.Fatalf("cookies %+v", c)
	}
}

func TestRequire(t *testing.T) {
	iss, v := keys(t)
	tok, err := iss.Issue(auth.Principal{Username: "desk.a", Role: auth.RoleDesk, Offices: []string{"X"}}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	other, _ := keys(t)
	forged, _ := other.Issue(auth.Principal{Username: "desk.a", Role: auth.RoleDesk}, time.Now())
	h := Require(v)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(auth.FromContext(r.Context()).Username))
	}))
	for _, c := range []struct {
		name, cookie, method, path string
		ok                         bool
		location                   string
	}{
		{"valid", tok, http.MethodGet, "/mot-cua", true, ""},
		{"none", "", http.MethodGet, "/mot-cua/ho-so/A-1?x=1", false, "/dang-nhap?next=" + url.QueryEscape("/mot-cua/ho-so/A-1?x=1")},
		{"forged", forged, http.MethodGet, "/mot-cua", false, "/dang-nhap?next=%2Fmot-cua"},
		{"garbage", "abc", http.MethodGet, "/mot-cua", false, "/dang-nhap?next=%2Fmot-cua"},
		{"post", "", http.MethodPost, "/mot-cua/ho-so/A-1/accept", false, "/dang-nhap"},
	} {
		r := httptest.NewRequest(c.method, c.path, nil)
		if c.cookie != "" {
			r.AddCookie(&http.Cookie{Name: CookieName, Value: c.cookie})
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if c.ok {
			if w.Code != http.StatusOK || w.Body.String() != "desk.a" {
				t.Errorf("%s: %d %q", c.name, w.Code, w.Body)
			}
			continue
		}
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != c.location {
			t.Errorf("%s: %d to %q, want 303 to %q", c.name, w.Code, w.Header().Get("Location"), c.location)
		}
		if c.cookie != "" && !strings.Contains(w.Header().Get("Set-Cookie"), "Max-Age=0") {
			t.Errorf("%s: the stale cookie is not cleared: %q", c.name, w.Header().Get("Set-Cookie"))
		}
	}
}

func TestLocalPath(t *testing.T) {
	for next, want := range map[string]bool{
		"/mot-cua":                      true,
		"/mot-cua/ho-so/A?x=1":          true,
		"/":                             true,
		"":                              false,
		"mot-cua":                       false,
		"//evil.example/":               false,
		"/\\evil.example":               false,
		"https://evil.example/":         false,
		"/a\nb":                         false,
		"/a\\b":                         false,
		"javascript:alert(1)":           false,
		"/" + strings.Repeat("a", 3000): false,
	} {
		if got := LocalPath(next); got != want {
			t.Errorf("LocalPath(%q) = %v, want %v", next, got, want)
		}
	}
	if got := Next("//evil", "/mot-cua"); got != "/mot-cua" {
		t.Errorf("Next: %q", got)
	}
}

func TestHomeOfEachRole(t *testing.T) {
	want := map[string]string{auth.RoleDesk: DeskHome, auth.RoleOfficer: DeskHome, auth.RolePostal: PostalHome,
		auth.RoleSupervisor: SupervisorHome, auth.RoleAdmin: AdminHome}
	for _, role := range auth.Roles {
		if got := Home(role); got != want[role] {
			t.Errorf("Home(%s) = %s, want %s", role, got, want[role])
		}
	}
}

// through serves r through the router's httpapi.Secure, as a service does, and calls f
// with the request as the pages see it.
func through(publicURL string, trusted []netip.Prefix, r *http.Request, f func(*http.Request)) {
	httpapi.Secure(publicURL, trusted)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { f(r) })).
		ServeHTTP(httptest.NewRecorder(), r)
}

// TestTheSessionIsHostPrefixedOverHTTPS: behind a trusted HTTPS gateway, or when the
// public address is https://, the session cookie is Secure and named with the __Host-
// prefix, and only that name is read (over plain HTTP the prefixed one is read first);
// a client's own X-Forwarded-Proto changes nothing.
func TestTheSessionIsHostPrefixedOverHTTPS(t *testing.T) {
	gateway := []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}
	for _, tc := range []struct {
		name, publicURL, peer string
		https                 bool
	}{
		{"a trusted gateway", "http://motcua.example.vn", "192.0.2.1:4000", true},
		{"an https public address", "https://motcua.example.vn", "198.51.100.7:4000", true},
		{"a client claiming https", "http://motcua.example.vn", "198.51.100.7:4000", false},
	} {
		r := httptest.NewRequest(http.MethodPost, "/dang-nhap", nil)
		r.RemoteAddr = tc.peer
		r.Header.Set("X-Forwarded-Proto", "https")
		w := httptest.NewRecorder()
		through(tc.publicURL, gateway, r, func(r *http.Request) { Set(w, r, "token", time.Hour) })
		c := w.Result().Cookies()
		want := CookieName
		if tc.https {
			want = "__Host-" + CookieName
		}
		if len(c) != 1 || c[0].Name != want || c[0].Secure != tc.https || !c[0].HttpOnly || c[0].Path != "/" || c[0].Domain != "" {
			t.Errorf("%s: session cookie %+v, want %s", tc.name, c, want)
		}
		read := func(cookies ...*http.Cookie) (v string) {
			r := httptest.NewRequest(http.MethodGet, "/mot-cua", nil)
			r.RemoteAddr = tc.peer
			r.Header.Set("X-Forwarded-Proto", "https")
			for _, c := range cookies {
				r.AddCookie(c)
			}
			through(tc.publicURL, gateway, r, func(r *http.Request) { v = Value(r) })
			return v
		}
		planted := &http.Cookie{Name: CookieName, Value: "planted"}
		prefixed := &http.Cookie{Name: "__Host-" + CookieName, Value: "token"}
		// The prefixed cookie, which only an HTTPS answer of this origin can set, wins.
		if got := read(planted, prefixed); got != "token" {
			t.Errorf("%s: the session read is %q, want the __Host- one", tc.name, got)
		}
		wantPlain := "planted"
		if tc.https {
			wantPlain = ""
		}
		if got := read(planted); got != wantPlain {
			t.Errorf("%s: with a plain-named cookie only, the session read is %q, want %q", tc.name, got, wantPlain)
		}
	}
}
