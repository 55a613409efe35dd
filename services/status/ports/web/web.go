// Package web is status's pages for citizens, server-rendered with html/template: the
// lookup of a dossier by its code and the PIN printed on the receipt (GET / and GET
// /tra-cuu, which the receipt's QR code opens with ?code=&pin=), and the rating of the
// service once the result is returned (POST /tra-cuu/danh-gia). Vietnamese first,
// English with ?lang=en. No JavaScript: every page works as plain HTML forms; the
// templates fill the platform's one layout, and the citizen's own style sheet, embedded
// in the binary, comes after the base sheet status serves for all its pages.
//
// The pages go through app/citizen as the JSON API does: the same PIN check, the same
// answer for an unknown code and a wrong PIN (404), the same failure limits (429); its
// errors become pages in one place (fail, in errors.go).
package web

import (
	"embed"
	"log/slog"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/status/app/citizen"
)

// The pages' addresses.
const (
	// LookupPath is the lookup page; the receipt's QR code opens it.
	LookupPath = "/tra-cuu"
	// RatingPath receives the rating form.
	RatingPath = "/tra-cuu/danh-gia"
	// StylePath serves the style sheet.
	StylePath = "/assets/status/citizen.css"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/citizen.css
var style []byte

// styleAsset is the style sheet, its address versioned by its content.
var styleAsset = htmlpage.NewAsset(StylePath, "text/css; charset=utf-8", style)

// styles are the pages' style sheets: the base one, then the citizen's own.
var styles = []string{layout.BaseStyle("status").URL(), styleAsset.URL()}

var pageTemplate = layout.New(nil, templateFS, "templates/*.html")

// Pages serves the citizen's pages.
type Pages struct {
	Log *slog.Logger
	// Citizen looks dossiers up and rates them, as the JSON API does.
	Citizen *citizen.Service
}

// Mount adds the pages to r, each path spelled out whole (as the API does) so that the
// all-in-one command can mount every service on one router.
func (p *Pages) Mount(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(htmlpage.Headers(htmlpage.NoScript), htmlpage.SameOrigin)
		r.Get("/", p.lookup)
		r.Get(LookupPath, p.lookup)
		r.Post(RatingPath, p.rate)
		r.Get(StylePath, styleAsset.ServeHTTP)
	})
}

// language is English when ?lang=en (or the form's lang) asks for it, Vietnamese
// otherwise: the page a QR code opens is Vietnamese whatever the phone's settings.
func language(r *http.Request) vocabulary.Lang {
	if strings.HasPrefix(strings.ToLower(r.FormValue("lang")), "en") {
		return vocabulary.English
	}
	return vocabulary.Vietnamese
}

// render writes the page with status. Every page may hold the PIN (in its address or a
// hidden field), so none is stored by the browser or a proxy.
func (p *Pages) render(w http.ResponseWriter, status int, pg *page) {
	htmlpage.Render(w, p.Log, pageTemplate, layout.Name, pg, pg.Lang, status)
}
