// Package csrf protects the pages' forms against cross-site request forgery with a
// double-submit token: a random token in a cookie only this site can send
// (SameSite=Strict, HttpOnly, Path=/), and the same token in a hidden field of each
// form. A forged request from another site carries neither the cookie nor a way to read
// it, so the two cannot match. Nothing is kept on the server.
package csrf

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"

	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// CookieName is the cookie holding the token; FieldName the form field repeating it.
const (
	CookieName = "motcua_csrf"
	FieldName  = "csrf_token"
)

// tokenBytes is the token's randomness: 256 bits.
const tokenBytes = 32

// tokenLength is the length of an encoded token.
var tokenLength = base64.RawURLEncoding.EncodedLen(tokenBytes)

// Token returns the token to put in the hidden field of the forms of the page answering
// r: the one the browser already holds when it is well formed, otherwise a new one,
// set as the cookie on w (so call it before writing the body). Keeping the browser's
// token lets two pages open side by side both submit.
func Token(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(CookieName); err == nil && wellFormed(c.Value) {
		return c.Value
	}
	b := make([]byte, tokenBytes)
	_, _ = rand.Read(b) // never fails: crypto/rand crashes the program instead
	tok := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{
		Name:     CookieName,
		Value:    tok,
		Path:     "/",
		HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
		// Secure when the page came over HTTPS (or through a gateway ending it); a plain-HTTP demo on the loopback
		// address must still work.
		Secure: htmlpage.OverHTTPS(r),
	})
	return tok
}

// Valid reports whether the form of r (parsed by the caller, or parsed here) repeats
// the token of its cookie. The comparison takes constant time.
func Valid(r *http.Request) bool {
	c, err := r.Cookie(CookieName)
	if err != nil || !wellFormed(c.Value) {
		return false
	}
	field := r.PostFormValue(FieldName)
	if !wellFormed(field) {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(c.Value), []byte(field)) == 1
}

// wellFormed reports whether s could be a token this package made.
func wellFormed(s string) bool {
	if len(s) != tokenLength {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil
}
