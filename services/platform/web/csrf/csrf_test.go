package csrf

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/web/session"
)

// issue asks for a token on a request carrying cookie (when not nil) and returns it
// with the cookie set on the answer (nil when none was set).
func issue(t *testing.T, cookie *http.Cookie) (string, *http.Cookie) {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, "/tra-cuu", nil)
	if cookie != nil {
		r.AddCookie(cookie)
	}
	w := httptest.NewRecorder()
	tok := Token(w, r)
	cookies := w.Result().Cookies()
	if len(cookies) == 0 {
		return tok, nil
	}
	return tok, cookies[0]
}

func TestTokenSetsAStrictHttpOnlyCookie(t *testing.T) {
	tok, c := issue(t, nil)
	if c == nil {
		t.Fatal("no cookie set")
	}
	if c.Name != CookieName || c.Path != "/" || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Secure {
		t.Fatalf("cookie %+v for token %q", c, tok)
	}
	if !wellFormed(tok) || !wellFormed(c.Value) {
		t.Fatalf("token %q or secret %q is not well formed", tok, c.Value)
	}
	if tok == c.Value || tok != Field(c.Value, "") {
		t.Fatalf("the page's token %q is not the secret %q's", tok, c.Value)
	}
	other, _ := issue(t, nil)
	if other == tok {
		t.Fatal("two new tokens are the same")
	}
	// The browser's token is kept, without setting the cookie again.
	again, c2 := issue(t, c)
	if again != tok || c2 != nil {
		t.Fatalf("kept token %q (cookie %v), want %q and no new cookie", again, c2, tok)
	}
	// A cookie that is not a token is replaced.
	fresh, c3 := issue(t, &http.Cookie{Name: CookieName, Value: "forged"})
	if c3 == nil || c3.Value == "forged" || fresh != Field(c3.Value, "") {
		t.Fatalf("a malformed cookie was kept: %q %v", fresh, c3)
	}
}

func TestValid(t *testing.T) {
	tok, c := issue(t, nil)
	other, c2 := issue(t, nil)
	secret, otherSecret := c.Value, c2.Value
	post := func(cookie, field string, withField bool) *http.Request {
		form := url.Values{"score": {"5"}}
		if withField {
			form.Set(FieldName, field)
		}
		r := httptest.NewRequest(http.MethodPost, "/tra-cuu/danh-gia", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if cookie != "" {
			r.AddCookie(&http.Cookie{Name: CookieName, Value: cookie})
		}
		return r
	}
	for _, tc := range []struct {
		name      string
		cookie    string
		field     string
		withField bool
		want      bool
	}{
		{"the secret's token", secret, tok, true, true},
		{"no cookie", "", tok, true, false},
		{"no field", secret, "", false, false},
		{"empty field", secret, "", true, false},
		{"another secret's token", secret, other, true, false},
		{"the secret itself", secret, secret, true, false},
		{"the other secret", otherSecret, tok, true, false},
		{"both forged alike", "forged", "forged", true, false},
		{"a prefix", secret, tok[:len(tok)-1], true, false},
	} {
		if got := Valid(post(tc.cookie, tc.field, tc.withField)); got != tc.want {
			t.Errorf("%s: Valid = %v, want %v", tc.name, got, tc.want)
		}
	}
	// The token in the query string does not count: only the form body.
	r := httptest.NewRequest(http.MethodPost, "/tra-cuu/danh-gia?"+FieldName+"="+tok, nil)
	r.AddCookie(&http.Cookie{Name: CookieName, Value: secret})
	if Valid(r) {
		t.Error("a token in the query string was accepted")
	}
}

// TestValidField: a token read from a multipart form by its handler counts as the form
// field would, bound to the cookie's secret and to the session.
func TestValidField(t *testing.T) {
	tok, c := issue(t, nil)
	other, _ := issue(t, nil)
	r := httptest.NewRequest(http.MethodPost, "/nop-truc-tuyen/bo-sung", nil)
	r.AddCookie(c)
	if !ValidField(r, tok) || ValidField(r, other) || ValidField(r, "") || ValidField(r, c.Value) {
		t.Error("the field is judged unlike the form's")
	}
	r.AddCookie(&http.Cookie{Name: session.CookieName, Value: "a staff session"})
	if ValidField(r, tok) {
		t.Error("a token minted without a session holds with one")
	}
}

// post is a form posted with token in its field and cookies.
func post(token string, cookies ...*http.Cookie) *http.Request {
	form := url.Values{FieldName: {token}}
	r := httptest.NewRequest(http.MethodPost, "/dang-xuat", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range cookies {
		r.AddCookie(c)
	}
	return r
}

// TestTokenIsBoundToTheSession: a token minted for one member of staff's session is
// refused with another session's cookie, or with none, even with the same CSRF cookie
// (one an attacker planted, or their own).
func TestTokenIsBoundToTheSession(t *testing.T) {
	a := &http.Cookie{Name: session.CookieName, Value: "session-of-desk-a"}
	b := &http.Cookie{Name: session.CookieName, Value: "session-of-desk-b"}
	_, secret := issue(t, nil)
	r := httptest.NewRequest(http.MethodGet, "/mot-cua", nil)
	r.AddCookie(secret)
	r.AddCookie(a)
	tokA := Token(httptest.NewRecorder(), r)
	if !Valid(post(tokA, secret, a)) {
		t.Fatal("the token is refused with its own session")
	}
	if Valid(post(tokA, secret, b)) {
		t.Error("a token minted for session a is accepted with session b's cookie")
	}
	if Valid(post(tokA, secret)) {
		t.Error("a token minted for session a is accepted without a session")
	}
	anonymous, _ := issue(t, secret)
	if Valid(post(anonymous, secret, a)) {
		t.Error("a token minted without a session is accepted with session a")
	}
}

// TestHostPrefixOverHTTPS: served over HTTPS (the public address is https://), the
// secret's cookie is Secure and named __Host-motcua_csrf, and only that name counts:
// a plain-named cookie, which a sibling domain or a plain-HTTP answer could plant, is
// ignored.
func TestHostPrefixOverHTTPS(t *testing.T) {
	var tok string
	var w *httptest.ResponseRecorder
	overHTTPS := func(r *http.Request, f func(*http.Request)) {
		httpapi.Secure("https://motcua.example.vn", nil)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
			f(r)
		})).ServeHTTP(httptest.NewRecorder(), r)
	}
	overHTTPS(httptest.NewRequest(http.MethodGet, "/tra-cuu", nil), func(r *http.Request) {
		w = httptest.NewRecorder()
		tok = Token(w, r)
	})
	cookies := w.Result().Cookies()
	if len(cookies) != 1 || cookies[0].Name != "__Host-motcua_csrf" || !cookies[0].Secure || cookies[0].Path != "/" ||
		cookies[0].Domain != "" {
		t.Fatalf("cookies over HTTPS: %+v", cookies)
	}
	secret := cookies[0]
	valid := func(cookies ...*http.Cookie) (ok bool) {
		overHTTPS(post(tok, cookies...), func(r *http.Request) { ok = Valid(r) })
		return ok
	}
	if !valid(secret) {
		t.Fatal("the __Host- cookie's token is refused")
	}
	if valid(&http.Cookie{Name: CookieName, Value: secret.Value}) {
		t.Error("a plain-named cookie counts over HTTPS")
	}
	// Over plain HTTP, the plain name is the one.
	if !Valid(post(tok, &http.Cookie{Name: CookieName, Value: secret.Value})) {
		t.Error("the plain-named cookie is refused over HTTP")
	}
}
