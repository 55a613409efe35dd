// Package session keeps a member of staff signed in on the pages: the session is the
// staff access token intake issues (an Ed25519 JWT), held in an HttpOnly cookie and
// verified on every request with auth.Verifier, as the API verifies a bearer token.
// Nothing is kept on the server; signing out clears the cookie, and the token expires
// on its own.
package session

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// CookieName is the cookie holding the token.
const CookieName = "motcua_session"

// SignInPath is the sign-in page the middleware sends a visitor without a session to.
const SignInPath = "/dang-nhap"

// Set stores token, valid for ttl, as the session of the browser behind r.
func Set(w http.ResponseWriter, r *http.Request, token string, ttl time.Duration) {
	http.SetCookie(w, &http.Cookie{
		Name:     CookieName,
		Value:    token,
		Path:     "/",
		MaxAge:   max(int(ttl/time.Second), 1),
		HttpOnly: true,
		// Lax, not Strict: a link from another site (mail, chat) to a dossier page
		// must arrive signed in; every change is a POST, which Lax does not send
		// cross-site, and is also CSRF-protected.
		SameSite: http.SameSiteLaxMode,
		Secure:   htmlpage.OverHTTPS(r),
	})
}

// Clear ends the session of the browser behind r.
func Clear(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: htmlpage.OverHTTPS(r)})
}

// Principal is the member of staff whose valid session r carries, or nil.
func Principal(v *auth.Verifier, r *http.Request) *auth.Principal {
	c, err := r.Cookie(CookieName)
	if err != nil || c.Value == "" || len(c.Value) > 8<<10 {
		return nil
	}
	p, err := v.Verify(c.Value)
	if err != nil {
		return nil
	}
	return p
}

// Require lets through requests with a valid session, their principal in the context
// (auth.FromContext); others are sent to the sign-in page (303), which comes back to
// the page asked for once signed in. A stale cookie is cleared on the way.
func Require(v *auth.Verifier) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			p := Principal(v, r)
			if p == nil {
				if _, err := r.Cookie(CookieName); err == nil {
					Clear(w, r)
				}
				w.Header().Set("Cache-Control", "no-store")
				http.Redirect(w, r, SignInURL(r), http.StatusSeeOther)
				return
			}
			next.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), p)))
		})
	}
}

// SignInURL is the sign-in page's address that comes back to r's page (a GET's
// address; after a refused POST, the page it came from is not known, so none).
func SignInURL(r *http.Request) string {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return SignInPath
	}
	next := r.URL.EscapedPath()
	if r.URL.RawQuery != "" {
		next += "?" + r.URL.RawQuery
	}
	if !LocalPath(next) {
		return SignInPath
	}
	return SignInPath + "?" + url.Values{"next": {next}}.Encode()
}

// LocalPath reports whether next is a path on this site to go to after signing in: it
// starts with one slash and names no other host or scheme ("//evil", "/\evil" and
// "https://…" are refused), and holds no control character.
func LocalPath(next string) bool {
	if next == "" || next[0] != '/' || len(next) > 2000 {
		return false
	}
	if len(next) > 1 && (next[1] == '/' || next[1] == '\\') {
		return false
	}
	if strings.ContainsAny(next, "\\") {
		return false
	}
	for _, c := range next {
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	u, err := url.Parse(next)
	return err == nil && u.Scheme == "" && u.Host == "" && u.User == nil
}

// Next is the page to go to after signing in: next when it is local, else fallback.
func Next(next, fallback string) string {
	if LocalPath(next) {
		return next
	}
	return fallback
}
