package csrf

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
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
	if c.Name != CookieName || c.Value != tok || c.Path != "/" || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode {
		t.Fatalf("cookie %+v for token %q", c, tok)
	}
	if !wellFormed(tok) {
		t.Fatalf("token %q is not well formed", tok)
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
	if fresh == "forged" || c3 == nil || c3.Value != fresh {
		t.Fatalf("a malformed cookie was kept: %q %v", fresh, c3)
	}
}

func TestValid(t *testing.T) {
	tok, _ := issue(t, nil)
	other, _ := issue(t, nil)
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
		{"cookie and field match", tok, tok, true, true},
		{"no cookie", "", tok, true, false},
		{"no field", tok, "", false, false},
		{"empty field", tok, "", true, false},
		{"another token", tok, other, true, false},
		{"both forged alike", "forged", "forged", true, false},
		{"a prefix", tok, tok[:len(tok)-1], true, false},
	} {
		if got := Valid(post(tc.cookie, tc.field, tc.withField)); got != tc.want {
			t.Errorf("%s: Valid = %v, want %v", tc.name, got, tc.want)
		}
	}
	// The token in the query string does not count: only the form body.
	r := httptest.NewRequest(http.MethodPost, "/tra-cuu/danh-gia?"+FieldName+"="+tok, nil)
	r.AddCookie(&http.Cookie{Name: CookieName, Value: tok})
	if Valid(r) {
		t.Error("a token in the query string was accepted")
	}
}
