// Package pagetest serves a page package's requests in its tests as a browser sends
// them: a GET with the browser's cookies, and a form posted with the CSRF token its page
// gave, or without one.
package pagetest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"

	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/session"
)

// Token is the CSRF secret the tests' browsers hold in its cookie; their forms carry
// the token csrf.Field derives from it and their session.
var Token = strings.Repeat("A", 43)

// Get is h's answer to a GET of path with cookies.
func Get(h http.Handler, path string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	return Serve(h, httptest.NewRequest(http.MethodGet, path, nil), cookies...)
}

// Post is h's answer to form posted to path with cookies, the form carrying the token
// of Token and of the session among cookies (if any) as its page gave it.
func Post(h http.Handler, path string, form url.Values, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	form.Set(csrf.FieldName, FieldFor(cookies...))
	return PostWithoutToken(h, path, form, append(cookies, &http.Cookie{Name: csrf.CookieName, Value: Token})...)
}

// FieldFor is the CSRF field of a page shown to a browser holding Token and cookies:
// bound to the session among them, if any.
func FieldFor(cookies ...*http.Cookie) string {
	sess := ""
	for _, c := range cookies {
		if c != nil && c.Name == session.CookieName {
			sess = c.Value
		}
	}
	return csrf.Field(Token, sess)
}

// PostWithoutToken is h's answer to form posted to path with cookies as they are: the
// form carries whatever token it has, if any.
func PostWithoutToken(h http.Handler, path string, form url.Values, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return Serve(h, r, cookies...)
}

// Serve is h's answer to r sent with cookies.
func Serve(h http.Handler, r *http.Request, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	for _, c := range cookies {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}
