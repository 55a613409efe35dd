package citizenweb

import (
	"net/http"
	"time"

	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// contactCookie holds the citizen's contact token over plain HTTP; over HTTPS it is
// htmlpage.HostPrefix+contactCookie, which only this origin can set.
const contactCookie = "motcua_contact"

// maxTokenBytes bounds a token read from the cookie.
const maxTokenBytes = 8 << 10

// keepContact stores token, valid for ttl, as the proved address of the browser behind
// r: HttpOnly, and Strict, because nothing another site links to needs it (a link
// from a mail opens the procedure, and the form then asks again); Secure over HTTPS.
func keepContact(w http.ResponseWriter, r *http.Request, token string, ttl time.Duration) {
	http.SetCookie(w, &http.Cookie{Name: htmlpage.CookieName(r, contactCookie), Value: token, Path: "/",
		MaxAge: max(int(ttl/time.Second), 1), HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: htmlpage.OverHTTPS(r)})
}

// forgetContact clears the proved address of the browser behind r.
func forgetContact(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: htmlpage.CookieName(r, contactCookie), Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: htmlpage.OverHTTPS(r)})
}

// citizen is the citizen whose valid contact token r's cookie holds, with the address
// it proves; nil when there is none (or it expired, or it is no citizen's).
func (p *Pages) citizen(r *http.Request) (*auth.Citizen, *contact.Address) {
	c, err := htmlpage.Cookie(r, contactCookie)
	if err != nil || c.Value == "" || len(c.Value) > maxTokenBytes {
		return nil, nil
	}
	who, err := p.Verifier.VerifyCitizen(c.Value)
	if err != nil {
		return nil, nil
	}
	address, ok := contact.ParseSubject(who.Subject)
	if !ok {
		return nil, nil
	}
	return who, &address
}

// hasContactCookie reports whether r carries a contact cookie, valid or not.
func hasContactCookie(r *http.Request) bool {
	_, err := htmlpage.Cookie(r, contactCookie)
	return err == nil
}
