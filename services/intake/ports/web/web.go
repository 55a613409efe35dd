// Package web is intake's pages for the one-stop desk and the offices, server-rendered
// with html/template: sign-in and sign-out, the desk's home and work list (with the
// dossiers submitted online awaiting the desk's check), registering a dossier, the
// dossier with its files, its printable forms and the actions the rules allow now; and
// the post office's counter, where a postal worker registers a dossier their post
// office takes for an authority and prints its dispatch slip (the registration is
// intake's, so its page is too, under the postal workers' addresses).
// Vietnamese first, English with ?lang=en (kept in a cookie while the officer works). No
// JavaScript: plain HTML forms, each POST protected by a double-submit CSRF token; the
// templates fill the platform's one layout, and the desk's own style sheet, embedded in
// the binary, comes after the base sheet that intake serves for all its pages.
//
// The session is the staff access token in an HttpOnly cookie (platform/web/session);
// the pages call the same use cases as the JSON API, so the rules, office checks and
// audit are the same.
package web

import (
	"embed"
	"html/template"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/ratelimit"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/platform/web/session"
	"github.com/motcua/motcua/services/worktime"
)

// The pages' addresses.
const (
	SignInPath   = session.SignInPath
	SignOutPath  = "/dang-xuat"
	HomePath     = session.DeskHome
	RegisterPath = "/mot-cua/tiep-nhan"
	DossierPath  = "/mot-cua/ho-so/"
	StylePath    = "/assets/intake/desk.css"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/desk.css
var style []byte

var styleAsset = htmlpage.NewAsset(StylePath, "text/css; charset=utf-8", style)

// styles are the pages' style sheets: the base one, then the desk's own.
var styles = []string{layout.BaseStyle("intake").URL(), styleAsset.URL()}

var pageTemplate = layout.New(template.FuncMap{
	"list":     func(s ...string) []string { return s },
	"inc":      func(i int) int { return i + 1 },
	"docField": func(i int, f string) string { return "documents[" + strconv.Itoa(i) + "]." + f },
	// args are an input's: the page, the input's name, its label's key, the field its
	// errors are reported for, its value and its type.
	"args": func(p *page, name, label, errField, value, typ string) inputArgs {
		return inputArgs{Page: p, Name: name, Label: label, ErrorField: errField, Value: value, Type: typ}
	},
	"actionArgs": func(p *page, a actionForm) actionArgs { return actionArgs{Page: p, Form: a} },
	"cfield":     newCounterField,
	// fieldArgs are an action form's input: the form, the input's name, and whether a
	// hint describes it.
	"fieldArgs": func(a actionForm, f string, hint ...bool) fieldArgs {
		return fieldArgs{Form: a, Field: f, Hint: len(hint) > 0 && hint[0]}
	},
}, templateFS, "templates/*.html")

type inputArgs struct {
	Page *page
	// Name is the input's name; Label the key of its label's words; ErrorField the field
	// its error is reported for; Value what it holds; Type its HTML type.
	Name, Label, ErrorField, Value, Type string
}

// fieldArgs are an action form's input: the form and the input's name.
type fieldArgs struct {
	Form  actionForm
	Field string
	Hint  bool
}

type actionArgs struct {
	Page *page
	Form actionForm
}

// Pages serves the desk's pages.
type Pages struct {
	Log *slog.Logger
	// Catalog lists the offices and procedures.
	Catalog   app.CatalogStore
	Registrar *app.Registrar
	Processor *app.Processor
	Reader    *app.Reader
	SignIn    *app.SignIn
	Verifier  *auth.Verifier
	Calendar  *worktime.Live
	// PublicURL is the address citizens reach the product at, for the receipt's QR
	// code (MOTCUA_PUBLIC_URL), never the address a request names.
	PublicURL string
	// SignInGuard is the API's guard of failed sign-ins, shared so that the pages are
	// no way around it.
	SignInGuard *ratelimit.Guard
}

// staffRoles may use the desk's pages.
var staffRoles = []string{auth.RoleDesk, auth.RoleOfficer}

// Mount adds the pages to r, each path spelled out whole.
func (p *Pages) Mount(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(htmlpage.Headers(htmlpage.NoScript), htmlpage.SameOrigin)
		r.Get(StylePath, styleAsset.ServeHTTP)
		r.Get(SignInPath, p.signInForm)
		r.Post(SignInPath, p.signIn)
		r.Post(SignOutPath, p.signOut)
		r.Group(func(r chi.Router) {
			r.Use(session.RequireRole(p.Verifier, p.refuse, staffRoles...))
			r.Get(HomePath, p.home)
			r.Get(RegisterPath, p.registerForm)
			r.Post(RegisterPath, p.register)
			r.Get(DossierPath+"{code}", p.dossier)
			r.Get(DossierPath+"{code}/in/{form}", p.printForm)
			r.Get(DossierPath+"{code}/tep/{file_id}", p.file)
			r.Post(DossierPath+"{code}/{action}", p.act)
		})
		// The post office's counter: a postal worker registers a dossier there.
		r.Group(func(r chi.Router) {
			r.Use(session.RequireRole(p.Verifier, p.refuseCounter, auth.RolePostal))
			r.Get(CounterPath, p.counter)
			r.Post(CounterPath, p.counterRegister)
			r.Get(CounterPath+"/{code}"+slipSuffix, p.counterSlip)
		})
	})
}

// refuse tells a member of staff of another role that these pages are the desk's
// and the offices'.
func (p *Pages) refuse(w http.ResponseWriter, r *http.Request, who *auth.Principal) {
	pg := p.newPage(w, r, "message")
	pg.Error = pg.T("role.refused", who.Role)
	p.render(w, http.StatusForbidden, pg)
}

// render writes the page with status.
func (p *Pages) render(w http.ResponseWriter, status int, pg *page) {
	htmlpage.Render(w, p.Log, pageTemplate, layout.Name, pg, pg.Lang, status)
}
