// Package admin is intake's pages for administrators, under /quan-tri: offices,
// procedures, the holiday calendar, staff accounts, webhooks and the national sync. Server-rendered with
// html/template, Vietnamese first with an English switch, no JavaScript; every POST
// carries a CSRF token; the templates fill the platform's one layout, and their own
// style sheet, embedded in the binary, comes after the base sheet intake serves.
//
// Only the admin role uses them; the pages call intake's use cases (app.Offices,
// app.Procedures, app.Calendars, app.Accounts), so an office saved here is published
// to the other services and a calendar edit gets its revision and event as through the
// API.
package admin

import (
	"embed"
	"html/template"
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/platform/web/session"
	"github.com/motcua/motcua/services/worktime"
)

// The pages' addresses.
const (
	HomePath       = session.AdminHome
	OfficesPath    = HomePath + "/co-quan"
	ProceduresPath = HomePath + "/thu-tuc"
	CalendarPath   = HomePath + "/lich"
	AccountsPath   = HomePath + "/tai-khoan"
	WebhooksPath   = HomePath + "/webhook"
	SyncPath       = HomePath + "/dong-bo"
	StylePath      = "/assets/intake/admin.css"
)

// maxForm bounds a form's body: the longest, an account's, lists its offices.
const maxForm = 64 << 10

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/admin.css
var style []byte

var styleAsset = htmlpage.NewAsset(StylePath, "text/css; charset=utf-8", style)

// styles are the pages' style sheets: the base one, then the administrator's own.
var styles = []string{layout.BaseStyle("intake").URL(), styleAsset.URL()}

var pageTemplate = layout.New(template.FuncMap{
	// in is an input's arguments: the page, the input's name (its id and the field
	// its error is reported for), its label's key, its value and its type.
	"in": func(p *page, name, label, value, typ string) input {
		return input{Page: p, Name: name, Label: label, Value: value, Type: typ}
	},
	// state is an endpoint's state for the page to say.
	"state": func(p *page, h app.Webhook) hookState { return hookState{Page: p, Hook: h} },
}, templateFS, "templates/*.html")

type hookState struct {
	Page *page
	Hook app.Webhook
}

type input struct {
	Page *page
	// Name is the input's name; Label the key of its label's words; Value what it holds;
	// Type its HTML type.
	Name, Label, Value, Type string
}

// Pages serves the administrator's pages.
type Pages struct {
	Log        *slog.Logger
	Verifier   *auth.Verifier
	Offices    *app.Offices
	Procedures *app.Procedures
	Calendars  *app.Calendars
	Accounts   *app.Accounts
	// Calendar is the calendar in force, whose years the calendar page shows.
	Calendar *worktime.Live
	// Webhooks and NationalSync are the pages of the parties outside; SyncOn tells
	// whether a portal is set up (MOTCUA_NATIONAL_SYNC_URL).
	Webhooks     *app.Webhooks
	NationalSync *app.NationalSync
	SyncOn       bool
}

// Mount adds the pages to r, each path spelled out whole.
func (p *Pages) Mount(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(htmlpage.Headers(htmlpage.NoScript), htmlpage.SameOrigin)
		r.Get(StylePath, styleAsset.ServeHTTP)
		r.Group(func(r chi.Router) {
			r.Use(session.RequireRole(p.Verifier, p.refuse, auth.RoleAdmin), p.requireAdminStill)
			r.Get(HomePath, p.home)
			r.Get(OfficesPath, p.offices)
			r.Post(OfficesPath, p.saveOffice)
			r.Get(OfficesPath+"/{code}", p.office)
			r.Post(OfficesPath+"/{code}", p.saveOffice)
			r.Get(ProceduresPath, p.procedures)
			r.Post(ProceduresPath, p.saveProcedure)
			r.Get(ProceduresPath+"/{code}", p.procedure)
			r.Post(ProceduresPath+"/{code}", p.saveProcedure)
			r.Get(CalendarPath, p.calendar)
			r.Post(CalendarPath, p.changeDay)
			r.Get(AccountsPath, p.accounts)
			r.Post(AccountsPath, p.createAccount)
			r.Get(AccountsPath+"/{username}", p.account)
			r.Post(AccountsPath+"/{username}", p.changeAccount)
			r.Post(AccountsPath+"/{username}/mat-khau", p.resetPassword)
			r.Post(AccountsPath+"/{username}/trang-thai", p.setDisabled)
			r.Get(WebhooksPath, p.webhooks)
			r.Post(WebhooksPath, p.createWebhook)
			r.Get(WebhooksPath+"/{webhook_id}", p.webhook)
			r.Post(WebhooksPath+"/{webhook_id}/thu", p.testWebhook)
			r.Post(WebhooksPath+"/{webhook_id}/gui-lai", p.resendDelivery)
			r.Post(WebhooksPath+"/{webhook_id}/bi-mat", p.rotateSecret)
			r.Post(WebhooksPath+"/{webhook_id}/xoa", p.deleteWebhook)
			r.Get(SyncPath, p.nationalSync)
			r.Post(SyncPath+"/gui-lai", p.resendRecord)
		})
	})
}

// refuse tells a member of staff of another role that these pages are for
// administrators, and where their own pages are.
func (p *Pages) refuse(w http.ResponseWriter, r *http.Request, who *auth.Principal) {
	pg := p.newPage(w, r, "refused")
	pg.Error = pg.T("role.refused", pg.Role(who.Role))
	pg.Back = session.Home(who.Role)
	p.render(w, http.StatusForbidden, pg)
}

// requireAdminStill lets through administrators whose account still is one. The
// session is a signed token that outlives a change of its account, so the account is
// looked up on every request: one disabled or no longer an administrator since
// signing in is signed out here, rather than keeping the power to change accounts (and
// lock the others out) until the token expires.
func (p *Pages) requireAdminStill(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		who := auth.FromContext(r.Context())
		acc, ok, err := p.Accounts.Get(r.Context(), who.Username)
		if err != nil {
			p.fail(w, p.newPage(w, r, "message"), err)
			return
		}
		if !ok || acc.Disabled || acc.Role != auth.RoleAdmin {
			session.Clear(w, r)
			pg := p.newPage(w, r, "refused")
			pg.Who = nil
			pg.Error = pg.T("role.revoked")
			pg.Back, pg.BackText = session.SignInPath, pg.T("sign.in.again")
			p.render(w, http.StatusForbidden, pg)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// render writes the page with status.
func (p *Pages) render(w http.ResponseWriter, status int, pg *page) {
	htmlpage.Render(w, p.Log, pageTemplate, layout.Name, pg, pg.Lang, status)
}
