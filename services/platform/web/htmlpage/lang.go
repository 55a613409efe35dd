package htmlpage

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/motcua/motcua/proto/vocabulary"
)

// Lang is a page's language: the catalogue of words' own, so a page asks it directly.
type Lang = vocabulary.Lang

// The languages of the pages.
const (
	Vietnamese = vocabulary.Vietnamese
	English    = vocabulary.English
)

// LangCookie keeps the language a member of staff switched to.
const LangCookie = "motcua_lang"

// Language is English when ?lang=en asks for it (remembered in a cookie) or the cookie
// says so, Vietnamese otherwise.
func Language(w http.ResponseWriter, r *http.Request) Lang {
	if q := strings.ToLower(r.URL.Query().Get("lang")); q != "" {
		l := Vietnamese
		if strings.HasPrefix(q, "en") {
			l = English
		}
		http.SetCookie(w, &http.Cookie{Name: LangCookie, Value: string(l), Path: "/", MaxAge: 365 * 86400,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: OverHTTPS(r)})
		return l
	}
	if c, err := r.Cookie(LangCookie); err == nil && c.Value == string(English) {
		return English
	}
	return Vietnamese
}

// SwitchURL is r's page in the other language than lang: a GET keeps its query, a
// form's answer leads to the bare page.
func SwitchURL(r *http.Request, lang Lang) string {
	q := r.URL.Query()
	if r.Method != http.MethodGet {
		q = url.Values{}
	}
	q.Set("lang", string(lang.Other()))
	return r.URL.Path + "?" + q.Encode()
}
