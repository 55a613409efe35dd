package web

import (
	"net/http"
	"slices"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// officeCookie remembers the office whose work list a member of staff of several
// offices last chose, so that the home opens on it again.
const officeCookie = "motcua_office"

// rememberedOffice is the office last chosen by who in this browser, when it is still
// one of theirs; "" otherwise.
func rememberedOffice(r *http.Request, who *auth.Principal) string {
	c, err := r.Cookie(officeCookie)
	if err != nil || who == nil || !slices.Contains(who.Offices, c.Value) {
		return ""
	}
	return c.Value
}

// rememberOffice keeps office as the one to open next time.
func rememberOffice(w http.ResponseWriter, r *http.Request, office string) {
	http.SetCookie(w, &http.Cookie{Name: officeCookie, Value: office, Path: HomePath, MaxAge: 180 * 86400,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: htmlpage.OverHTTPS(r)})
}
