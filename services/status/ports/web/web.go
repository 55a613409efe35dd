// Package web is status's pages for citizens, server-rendered with html/template: the
// lookup of a dossier by its code and the PIN printed on the receipt (GET / and GET
// /tra-cuu, which the receipt's QR code opens with ?code=&pin=), and the rating of the
// service once the result is returned (POST /tra-cuu/danh-gia). Vietnamese first,
// English with ?lang=en. No JavaScript: every page works as plain HTML forms; the
// templates and the one style sheet are embedded in the binary.
//
// The pages go through app/citizen as the JSON API does: the same PIN check, the same
// answer for an unknown code and a wrong PIN (404), the same failure limits (429).
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"log/slog"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/status/app/citizen"
	"github.com/motcua/motcua/services/status/domain/tracking"
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

// styleVersion changes with the style sheet, so that it can be cached for long.
var styleVersion = func() string {
	sum := sha256.Sum256(style)
	return hex.EncodeToString(sum[:6])
}()

var pageTemplate = template.Must(template.New("").ParseFS(templateFS, "templates/*.html"))

// Pages serves the citizen's pages.
type Pages struct {
	Log     *slog.Logger
	Citizen *citizen.Desk
}

// Mount adds the pages to r, each path spelled out whole (as the API does) so that the
// all-in-one command can mount every service on one router.
func (p *Pages) Mount(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(securityHeaders)
		r.Get("/", p.lookup)
		r.Get(LookupPath, p.lookup)
		r.Post(RatingPath, p.rate)
		r.Get(StylePath, serveStyle)
	})
}

// contentSecurityPolicy allows the page's own style sheet and forms posting to itself,
// and nothing else: no script at all, no frames, no other origin.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
	"base-uri 'none'; frame-ancestors 'none'"

// securityHeaders are set on every page. The lookup's address carries the PIN, so no
// referrer is ever sent from these pages.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

func serveStyle(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write(style)
}

// language is English when ?lang=en (or the form's lang) asks for it, Vietnamese
// otherwise: the page a QR code opens is Vietnamese whatever the phone's settings.
func language(r *http.Request) tracking.Lang {
	if strings.HasPrefix(strings.ToLower(r.FormValue("lang")), "en") {
		return tracking.English
	}
	return tracking.Vietnamese
}

// render writes the page with status. Every page may hold the PIN (in its address or a
// hidden field), so none is stored by the browser or a proxy.
func (p *Pages) render(w http.ResponseWriter, status int, pg *page) {
	var buf bytes.Buffer
	if err := pageTemplate.ExecuteTemplate(&buf, "page", pg); err != nil {
		p.Log.Error("render citizen page", "err", err)
		http.Error(w, "Internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(pg.Lang))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
