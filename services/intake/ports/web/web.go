// Package web is intake's pages for the one-stop desk and the offices, server-rendered
// with html/template: sign-in and sign-out, the desk's home, registering a dossier, the
// dossier with its printable forms and the actions the rules allow now. Vietnamese
// first, English with ?lang=en (kept in a cookie while the officer works). No
// JavaScript: plain HTML forms, each POST protected by a double-submit CSRF token; the
// templates and the one style sheet are embedded in the binary.
//
// The session is the staff access token in an HttpOnly cookie (platform/web/session);
// the pages call the same use cases as the JSON API, so the rules, office checks and
// audit are the same.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/ratelimit"
	"github.com/motcua/motcua/services/platform/web/session"
	"github.com/motcua/motcua/services/worktime"
)

// The pages' addresses.
const (
	SignInPath   = session.SignInPath
	SignOutPath  = "/dang-xuat"
	HomePath     = "/mot-cua"
	RegisterPath = "/mot-cua/tiep-nhan"
	DossierPath  = "/mot-cua/ho-so/"
	StylePath    = "/assets/intake/desk.css"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/desk.css
var style []byte

var styleVersion = func() string {
	sum := sha256.Sum256(style)
	return hex.EncodeToString(sum[:6])
}()

var pageTemplate = template.Must(template.New("").Funcs(template.FuncMap{
	"list":     func(s ...string) []string { return s },
	"inc":      func(i int) int { return i + 1 },
	"docField": func(i int, f string) string { return "documents[" + strconv.Itoa(i) + "]." + f },
	// args are an input's: the page, the input's name, its label's key, the field its
	// errors are reported for, its value and its type.
	"args": func(p *page, name, label, errField, value, typ string) inputArgs {
		return inputArgs{P: p, N: name, L: label, E: errField, V: value, Type: typ}
	},
	"actionArgs": func(p *page, a actionForm) actionArgs { return actionArgs{P: p, A: a} },
}).ParseFS(templateFS, "templates/*.html"))

type inputArgs struct {
	P                *page
	N, L, E, V, Type string
}

type actionArgs struct {
	P *page
	A actionForm
}

// Pages serves the desk's pages.
type Pages struct {
	Log       *slog.Logger
	Store     *store.Store
	Registrar *app.Registrar
	Processor *app.Processor
	Reader    *app.Reader
	SignIn    *app.SignIn
	Verifier  *auth.Verifier
	Calendar  *worktime.Live
	// PublicURL is the address citizens reach the product at, for the receipt's QR
	// code; empty means the address each request came to.
	PublicURL string
	// SignInByClient and SignInByUser are the API's limiters of failed sign-ins,
	// shared so that the pages are no way around them.
	SignInByClient *ratelimit.Limiter
	SignInByUser   *ratelimit.Limiter
}

// staffRoles may use the desk's pages.
var staffRoles = []string{auth.RoleDesk, auth.RoleOfficer}

// Mount adds the pages to r, each path spelled out whole.
func (p *Pages) Mount(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(securityHeaders)
		r.Get(StylePath, serveStyle)
		r.Get(SignInPath, p.signInForm)
		r.Post(SignInPath, p.signIn)
		r.Post(SignOutPath, p.signOut)
		r.Group(func(r chi.Router) {
			r.Use(session.Require(p.Verifier), p.requireStaff)
			r.Get(HomePath, p.home)
			r.Get(RegisterPath, p.registerForm)
			r.Post(RegisterPath, p.register)
			r.Get(DossierPath+"{code}", p.dossier)
			r.Get(DossierPath+"{code}/in/{form}", p.printForm)
			r.Post(DossierPath+"{code}/{action}", p.act)
		})
	})
}

// requireStaff lets through the desk and the offices' officers; others see why not.
func (p *Pages) requireStaff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		who := auth.FromContext(r.Context())
		if !slices.Contains(staffRoles, who.Role) {
			pg := p.newPage(w, r, "message")
			pg.Error = pg.T("role.refused", who.Role)
			p.render(w, http.StatusForbidden, pg)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy allows the page's own style sheet and forms posting to itself.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
	"base-uri 'none'; frame-ancestors 'none'"

// printPolicy is the printed forms' policy: their style is inline and the QR code a
// data: image; they hold no form and no script.
const printPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; " +
	"base-uri 'none'; frame-ancestors 'none'"

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

func serveStyle(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write(style)
}

// langCookie keeps the language the officer switched to.
const langCookie = "motcua_lang"

// language is English when ?lang=en asks for it (remembered in a cookie) or the cookie
// says so, Vietnamese otherwise.
func language(w http.ResponseWriter, r *http.Request) Lang {
	if q := strings.ToLower(r.URL.Query().Get("lang")); q != "" {
		l := Vietnamese
		if strings.HasPrefix(q, "en") {
			l = English
		}
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(l), Path: "/", MaxAge: 365 * 86400,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
		return l
	}
	if c, err := r.Cookie(langCookie); err == nil && c.Value == string(English) {
		return English
	}
	return Vietnamese
}

// render writes the page with status; pages hold personal data, so none is stored.
func (p *Pages) render(w http.ResponseWriter, status int, pg *page) {
	var buf bytes.Buffer
	if err := pageTemplate.ExecuteTemplate(&buf, "page", pg); err != nil {
		p.Log.Error("render desk page", "page", pg.Name, "err", err)
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

// publicURL is the address citizens reach the product at.
func (p *Pages) publicURL(r *http.Request) string {
	if p.PublicURL != "" {
		return p.PublicURL
	}
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
