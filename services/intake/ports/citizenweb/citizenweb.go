// Package citizenweb is intake's pages for citizens who hand a dossier in online
// (/nop-truc-tuyen), server-rendered with html/template: finding the procedure by a few
// words with or without accents, its documents, time limit and fee; proving an e-mail
// address or a phone number with the code sent to it (the contact token then kept in an
// HttpOnly, SameSite=Strict cookie, __Host- and Secure over HTTPS); the application
// with the receiving desk and one file per document (a phone's camera through the file
// input); the code and PIN once submitted; and the supplement a dossier waits for and
// the payment of its fee online, both asked for from status's lookup page. Vietnamese first, English with ?lang=en (kept in a cookie).
//
// No JavaScript: plain HTML forms, each POST with the double-submit CSRF token; the
// multipart forms are read as they stream in, their files spooled to disk as the API
// spools them (ports/upload). The pages call the API's use cases (app.Verifications,
// app.Online) under the API's limits per client, so they are no way around either.
package citizenweb

import (
	"embed"
	"html/template"
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/ratelimit"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
)

// The pages' addresses.
const (
	// FindPath finds a procedure (?q=): the way in, linked from the citizen's home.
	FindPath = "/nop-truc-tuyen"
	// ProcedurePath + code shows a procedure and, to a citizen whose address is
	// proved, its application form; a POST there submits it.
	ProcedurePath = "/nop-truc-tuyen/thu-tuc/"
	// VerifyPath sends a code to an address (POST); GET ?id=&thu-tuc= is the form for it.
	VerifyPath = "/nop-truc-tuyen/xac-minh"
	// ConfirmPath takes the code (POST); ForgetPath forgets the address proved (POST).
	ConfirmPath = "/nop-truc-tuyen/xac-minh/ma"
	ForgetPath  = "/nop-truc-tuyen/xac-minh/xoa"
	// SupplementPath takes a supplement sent from status's lookup page (POST).
	SupplementPath = "/nop-truc-tuyen/bo-sung"
	// PaymentPath takes the form of status's lookup page that pays what a dossier still
	// owes (POST), and sends the browser to the payment gateway.
	PaymentPath = "/nop-truc-tuyen/thanh-toan"
	// LookupPath is status's lookup page, where a citizen follows a dossier.
	LookupPath = "/tra-cuu"
	// StylePath serves the pages' own style sheet.
	StylePath = "/assets/intake/online.css"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/online.css
var style []byte

var styleAsset = htmlpage.NewAsset(StylePath, "text/css; charset=utf-8", style)

// styles are the pages' style sheets: the base one, then their own.
var styles = []string{layout.BaseStyle("intake").URL(), styleAsset.URL()}

var pageTemplate = layout.New(template.FuncMap{
	"procedurePath": func(code string) string { return ProcedurePath + code },
	// list gathers a template's arguments.
	"list": func(v ...any) []any { return v },
}, templateFS, "templates/*.html")

// Pages serves the citizen's pages.
type Pages struct {
	Log *slog.Logger
	// Catalog lists the offices and procedures.
	Catalog app.CatalogReader
	// Verifications prove addresses; Online takes submissions and supplements.
	Verifications *app.Verifications
	Online        *app.Online
	// Payments send the citizen to the payment gateway to pay a dossier's fee.
	Payments *app.Payments
	// Verifier checks the contact token the cookie holds.
	Verifier *auth.Verifier
	// CodesAsked, WrongCodes and WrongPINs are the API's limits per client (codes asked
	// for, wrong codes, wrong codes and PINs of a dossier), shared so that the pages
	// are no way around them.
	CodesAsked, WrongCodes, WrongPINs *ratelimit.Limiter
	// SpoolDir holds the files of a request while it is read (the system's temporary
	// directory when empty).
	SpoolDir string
}

// Mount adds the pages to r, each path spelled out whole.
func (p *Pages) Mount(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(htmlpage.Headers(htmlpage.NoScript), htmlpage.SameOrigin)
		r.Get(StylePath, styleAsset.ServeHTTP)
		r.Get(FindPath, p.find)
		r.Get(ProcedurePath+"{code}", p.procedure)
		r.Post(ProcedurePath+"{code}", p.submit)
		r.Get(VerifyPath, p.codeForm)
		r.Post(VerifyPath, p.startVerification)
		r.Post(ConfirmPath, p.confirm)
		r.Post(ForgetPath, p.forget)
		r.Post(SupplementPath, p.supplement)
		r.Post(PaymentPath, p.pay)
	})
}

// render writes the page with status.
func (p *Pages) render(w http.ResponseWriter, status int, pg *page) {
	htmlpage.Render(w, p.Log, pageTemplate, layout.Name, pg, pg.Lang, status)
}
