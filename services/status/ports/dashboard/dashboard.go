// Package dashboard is the supervisors' pages, served by status from its read model:
// the indicators of domain.md §6 (Decision 766/QĐ-TTg) over a period, for all the
// supervisor's offices or one of them and for all procedures or one, as big figures
// beside their targets; charts drawn on the server as inline SVG (the on-time rate
// week by week or month by month, the channel mix, late dossiers per handling office),
// each with a table saying the same; the time the post took per post office, for the
// pickups and the results it delivered in the period; how many dossiers are at risk
// now (due within MOTCUA_AT_RISK_HOURS working hours); the dossiers overdue now, the
// latest first; and the indicators and the overdue dossiers as CSV files for a
// spreadsheet.
//
// The pages need no JavaScript (the content security policy allows none); they fill the
// platform's one layout, and their own style sheet (the figures, the charts, the
// tables) comes after the base sheet status serves for all its pages. The session
// is the staff token in its HttpOnly cookie (platform/web/session), signed in at
// intake's sign-in page; only supervisors and administrators may see the dashboard,
// each over the dossiers of their own offices only. Vietnamese first, English on
// request (remembered in a cookie).
package dashboard

import (
	"embed"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/platform/web/session"
	"github.com/motcua/motcua/services/status/app/indicators"
)

// The dashboard's addresses.
const (
	// HomePath is the dashboard, where a supervisor lands after signing in.
	HomePath = session.SupervisorHome
	// IndicatorsCSVPath is the period's indicators as a CSV file.
	IndicatorsCSVPath = HomePath + "/chi-so.csv"
	// OverdueCSVPath is the overdue dossiers as a CSV file.
	OverdueCSVPath = HomePath + "/qua-han.csv"
	// StylePath serves the style sheet.
	StylePath = "/assets/status/dashboard.css"
)

// How many overdue dossiers the page lists, and the CSV file holds.
const (
	overduePageLimit = 50
	overdueCSVLimit  = 10000
)

// viewerRoles may see the dashboard: supervisors, and administrators (who may also
// call the statistics API); each sees only the dossiers of their offices.
var viewerRoles = []string{auth.RoleSupervisor, auth.RoleAdmin}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/dashboard.css
var style []byte

var styleAsset = htmlpage.NewAsset(StylePath, "text/css; charset=utf-8", style)

// styles are the dashboard's style sheets: the base one, then its own.
var styles = []string{layout.BaseStyle("status").URL(), styleAsset.URL()}

var pageTemplate = layout.New(template.FuncMap{
	"deref": func(x *float64) float64 { return *x },
	"sum":   func(a, b int64) int64 { return a + b },
}, templateFS, "templates/*.html")

// Pages serves the dashboard.
type Pages struct {
	Log      *slog.Logger
	Verifier *auth.Verifier
	// Location is the offices' time zone: periods are whole days in it.
	Location *time.Location
	Now      func() time.Time
	// Indicators computes the figures, as for the statistics API.
	Indicators *indicators.Service
}

// Mount adds the dashboard to r, each path spelled out whole so that the all-in-one
// command can mount every service on one router.
func (p *Pages) Mount(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(htmlpage.Headers(htmlpage.NoScript), htmlpage.SameOrigin)
		r.Get(StylePath, styleAsset.ServeHTTP)
		r.Group(func(r chi.Router) {
			r.Use(session.RequireRole(p.Verifier, p.refuse, viewerRoles...))
			r.Get(HomePath, p.dashboard)
			r.Get(IndicatorsCSVPath, p.indicatorsCSV)
			r.Get(OverdueCSVPath, p.overdueCSV)
		})
	})
}

// refuse tells a member of staff of another role that the dashboard is the
// supervisors', with a link to the pages of their role.
func (p *Pages) refuse(w http.ResponseWriter, r *http.Request, who *auth.Principal) {
	pg := p.newPage(w, r)
	pg.Error = problem(pg.Lang, "", "not_a_supervisor", who.Role)
	pg.Home = session.Home(who.Role)
	p.render(w, http.StatusForbidden, pg)
}

// render writes the page with status.
func (p *Pages) render(w http.ResponseWriter, status int, pg *page) {
	htmlpage.Render(w, p.Log, pageTemplate, layout.Name, pg, pg.Lang, status)
}
