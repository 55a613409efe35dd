// Package csrf protects the pages' forms against cross-site request forgery with a
// double-submit token bound to the session: a random secret in a cookie only this site
// can send (SameSite=Strict, HttpOnly, Path=/, and over HTTPS named with the __Host-
// prefix, so that neither a sibling domain nor a plain-HTTP answer can plant it), and in
// a hidden field of each form a token derived from that secret and the browser's staff
// session cookie (an HMAC of the session under the secret). A forged request from
// another site carries neither the cookie nor a way to read it; a token minted for one
// session is refused with another; and a planted secret is of no use without the
// victim's session. The citizen's pages, which have no session, get a token bound to
// the secret alone, which never appears in a page itself. Nothing is kept on the server.
//
// The pages also stand behind htmlpage.SameOrigin, which refuses what a browser says
// came from another origin before any token is looked at.
package csrf

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"

	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/session"
)

// CookieName is the cookie holding the secret over plain HTTP (over HTTPS it is
// htmlpage.HostPrefix+CookieName); FieldName the form field holding the token.
const (
	CookieName = "motcua_csrf"
	FieldName  = "csrf_token"
)

// tokenBytes is the secret's randomness: 256 bits, as is a token (an HMAC-SHA256).
const tokenBytes = 32

// tokenLength is the length of an encoded secret or token.
var tokenLength = base64.RawURLEncoding.EncodedLen(tokenBytes)

// Name is the CSRF cookie's name in answer to r: __Host-motcua_csrf over HTTPS,
// motcua_csrf over plain HTTP.
func Name(r *http.Request) string { return htmlpage.CookieName(r, CookieName) }

// Token returns the token to put in the hidden field of the forms of the page answering
// r, bound to the session r carries: from the secret the browser already holds when it
// is well formed, otherwise from a new one, set as the cookie on w (so call it before
// writing the body). Keeping the browser's secret lets two pages open side by side both
// submit.
func Token(w http.ResponseWriter, r *http.Request) string {
	if c, err := htmlpage.Cookie(r, CookieName); err == nil && wellFormed(c.Value) {
		return Field(c.Value, session.Value(r))
	}
	b := make([]byte, tokenBytes)
	_, _ = rand.Read(b) // never fails: crypto/rand crashes the program instead
	secret := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{
		Name:     Name(r),
		Value:    secret,
		Path:     "/",
		HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
		// Secure when the page came over HTTPS (or through a trusted gateway ending it); a
		// plain-HTTP demo on the loopback address must still work.
		Secure: htmlpage.OverHTTPS(r),
	})
	return Field(secret, session.Value(r))
}

// Field is the token of the forms of a browser holding the CSRF cookie secret and the
// session cookie sess ("" for none).
func Field(secret, sess string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("motcua csrf v2\x00"))
	m.Write([]byte(sess))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// Valid reports whether the form of r (parsed by the caller, or parsed here) holds the
// token of the secret of its cookie and of the session it carries now. The comparison
// takes constant time.
func Valid(r *http.Request) bool { return ValidField(r, r.PostFormValue(FieldName)) }

// ValidField reports whether field, the FieldName value of a form the caller read
// itself (a multipart form read as a stream, whose files are not to be parsed into
// memory first), is the token of r's cookie secret and of the session r carries now.
func ValidField(r *http.Request, field string) bool {
	c, err := htmlpage.Cookie(r, CookieName)
	if err != nil || !wellFormed(c.Value) || !wellFormed(field) {
		return false
	}
	return hmac.Equal([]byte(Field(c.Value, session.Value(r))), []byte(field))
}

// wellFormed reports whether s could be a secret or a token this package made.
func wellFormed(s string) bool {
	if len(s) != tokenLength {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil
}
