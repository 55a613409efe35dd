// Package web is postal's pages for the postal worker, on a phone in a commune with a
// poor connection: the day's run sheet of the worker's post office, finding a shipment
// by its number or the dossier's code (typed, or scanned with the camera), and
// confirming its steps: pickup with the seal number, delivery with the recipient's
// name, relation, the identity document checked and a signature drawn on the screen,
// or a failed attempt with its reason and action. Vietnamese first, English with
// ?lang=en.
//
// The hand-over records (biên bản giao nhận) have pages of both sides: the worker lists
// the items for a desk or an office in one box, typed, pasted or scanned one after
// another (/buu-chinh/ban-giao); the staff of either side read the records of their
// offices and print them (/ban-giao), and the receiving desk's or office's clerk, whose
// own pages intake serves, signs on the screen and confirms there, led home to the desk.
//
// The pages are server-rendered with html/template in the platform's one layout (their
// own style sheet after the base one postal serves) and work as plain forms; a small
// embedded script adds the signature pad, the camera scan and the offline queue: a
// confirmation that cannot reach the server is kept on the phone with the event id it
// was made with, and sent when the connection returns; the same id sent again is the
// same event, so a resend is never counted twice. The pages call the same use cases as
// the JSON API (app.Shipments), so the rules, the post office checks and the audit of
// reads are the same; every POST is protected by a double-submit CSRF token.
package web

import (
	"embed"
	"html/template"
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/platform/web/session"
	"github.com/motcua/motcua/services/postal/app"
)

// The pages' addresses.
const (
	HomePath     = session.PostalHome
	FindPath     = "/buu-chinh/tim"
	ShipmentPath = "/buu-chinh/buu-gui/"
	StylePath    = "/assets/postal/postal.css"
	ScriptPath   = "/assets/postal/postal.js"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/postal.css
var style []byte

//go:embed assets/postal.js
var script []byte

var (
	styleAsset  = htmlpage.NewAsset(StylePath, "text/css; charset=utf-8", style)
	scriptAsset = htmlpage.NewAsset(ScriptPath, "text/javascript; charset=utf-8", script)
)

// styles are the pages' style sheets: the base one postal serves, then the postal
// worker's own.
var styles = []string{layout.BaseStyle("postal").URL(), styleAsset.URL()}

var pageTemplate = layout.New(template.FuncMap{
	"args": func(p *page, list []app.View, id string) listArgs { return listArgs{Page: p, List: list, ID: id} },
	"form": func(p *page, f confirmForm) formArgs { return formArgs{Page: p, Form: f} },
	"field": func(p *page, typ, name, kind string, required bool) fieldArgs {
		return fieldArgs{Page: p, Type: typ, Name: name, Kind: kind, Required: required}
	},
	"choice": func(p *page, typ, name string, codes []string, labels string) choiceArgs {
		return choiceArgs{Page: p, Type: typ, Name: name, Codes: codes, Labels: labels}
	},
}, templateFS, "templates/*.html")

// listArgs are a list of shipments' (element id ID).
type listArgs struct {
	Page *page
	List []app.View
	ID   string
}

// formArgs are a confirmation form's.
type formArgs struct {
	Page *page
	Form confirmForm
}

// fieldArgs are a text input's: the form's type, the field's name, its kind (text or
// id) and whether it is required.
type fieldArgs struct {
	Page             *page
	Type, Name, Kind string
	Required         bool
}

// choiceArgs are a select's: its codes, and which labels they take (reason, action or
// relation).
type choiceArgs struct {
	Page               *page
	Type, Name, Labels string
	Codes              []string
}

// Pages serves the postal worker's pages, and the hand-over records' pages of both
// sides.
type Pages struct {
	Log       *slog.Logger
	Shipments *app.Shipments
	Handovers *app.Handovers
	Verifier  *auth.Verifier
}

// Mount adds the pages and their assets to r, each path spelled out whole.
func (p *Pages) Mount(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(htmlpage.Headers(htmlpage.OwnScript), htmlpage.SameOrigin)
		r.Get(StylePath, styleAsset.ServeHTTP)
		r.Get(ScriptPath, scriptAsset.ServeHTTP)
		r.Group(func(r chi.Router) {
			r.Use(session.RequireRole(p.Verifier, p.refuse, auth.RolePostal))
			r.Get(HomePath, p.manifest)
			r.Get(FindPath, p.find)
			r.Get(ShipmentPath+"{tracking}", p.shipment)
			r.Post(ShipmentPath+"{tracking}", p.confirm)
			r.Get(GivePath, p.give)
			r.Post(GivePath, p.giveSubmit)
		})
		// The hand-over records: both sides read them; the receiving side, a desk's or
		// an office's staff, confirms them.
		r.Group(func(r chi.Router) {
			r.Use(session.RequireRole(p.Verifier, p.refuseHandover, auth.RoleDesk, auth.RoleOfficer, auth.RolePostal))
			r.Get(HandoversPath, p.handoverList)
			r.Get(HandoversPath+"/{id}", p.handoverPage)
			r.Get(HandoversPath+"/{id}/in", p.printHandover)
		})
		r.With(session.RequireRole(p.Verifier, p.refuseHandover, auth.RoleDesk, auth.RoleOfficer)).
			Post(HandoversPath+"/{id}", p.confirmHandover)
	})
}

// refuse tells a member of staff of another role that these pages are the postal
// workers', and where their own pages are.
func (p *Pages) refuse(w http.ResponseWriter, r *http.Request, who *auth.Principal) {
	pg := p.newPage(w, r, "message")
	pg.Error = pg.T("role.refused", who.Role)
	pg.Home = session.Home(who.Role)
	p.render(w, http.StatusForbidden, pg)
}

// render writes the page with status.
func (p *Pages) render(w http.ResponseWriter, status int, pg *page) {
	htmlpage.Render(w, p.Log, pageTemplate, layout.Name, pg, pg.Lang, status)
}
