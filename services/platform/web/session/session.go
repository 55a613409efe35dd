// Package session keeps a member of staff signed in on the pages: the session is the
// staff access token intake issues (an Ed25519 JWT), held in an HttpOnly cookie and
// verified on every request with auth.Verifier, as the API verifies a bearer token.
// Nothing is kept on the server; signing out clears the cookie, and the token expires
// on its own.
package session

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// CookieName is the cookie holding the token over plain HTTP; over HTTPS it is
// htmlpage.HostPrefix+CookieName (see Name).
const CookieName = "motcua_session"

// Name is the session cookie's name in answer to r: __Host-motcua_session over HTTPS,
// which only this origin can set, motcua_session over plain HTTP.
func Name(r *http.Request) string { return htmlpage.CookieName(r, CookieName) }

// Value is the session cookie r carries as the browser sent it, or "" when none: what
// the pages' CSRF tokens are bound to.
func Value(r *http.Request) string {
	c, err := htmlpage.Cookie(r, CookieName)
	if err != nil {
		return ""
	}
	return c.Value
}

// SignInPath is the sign-in page the middleware sends a visitor without a session to.
const SignInPath = "/dang-nhap"

// Set stores token, valid for ttl, as the session of the browser behind r.
func Set(w http.ResponseWriter, r *http.Request, token string, ttl time.Duration) {
	http.SetCookie(w, &http.Cookie{
		Name:     Name(r),
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
	http.SetCookie(w, &http.Cookie{Name: Name(r), Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: htmlpage.OverHTTPS(r)})
}

// Principal is the member of staff whose valid session r carries, or nil.
func Principal(v *auth.Verifier, r *http.Request) *auth.Principal {
	p, _ := verify(v, r)
	return p
}

// verify is the principal of r's session, or why there is none (auth.ErrSessionEnded
// for a session its account's change ended).
func verify(v *auth.Verifier, r *http.Request) (*auth.Principal, error) {
	tok := Value(r)
	if tok == "" || len(tok) > 8<<10 {
		return nil, auth.ErrBadToken
	}
	return v.Verify(tok)
}

// EndedParam marks the sign-in page's address when a session ended because its account
// was disabled or changed, so the page can say why.
const EndedParam = "ended"

// Require lets through requests with a valid session, their principal in the context
// (auth.FromContext); others are sent to the sign-in page (303), which comes back to
// the page asked for once signed in. A stale cookie is cleared on the way.
func Require(v *auth.Verifier) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			p, err := verify(v, r)
			if p == nil {
				if _, err := htmlpage.Cookie(r, CookieName); err == nil {
					Clear(w, r)
				}
				to := SignInURL(r)
				if errors.Is(err, auth.ErrSessionEnded) {
					to = withEnded(to)
				}
				w.Header().Set("Cache-Control", "no-store")
				http.Redirect(w, r, to, http.StatusSeeOther)
				return
			}
			next.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), p)))
		})
	}
}

// withEnded is the sign-in address to, saying that the session ended.
func withEnded(to string) string {
	if strings.Contains(to, "?") {
		return to + "&" + EndedParam + "=1"
	}
	return to + "?" + EndedParam + "=1"
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
