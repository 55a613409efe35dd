package web

import (
	"net/http"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/session"

	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// page is what the template shows: what every page has (layout.Page, whose Name picks
// the body: manifest, found, shipment or message), and what the postal worker's do.
type page struct {
	layout.Page
	// Home is where a member of staff refused here works.
	Home string

	// The run sheet: the post office shown, the others the worker may pick, the day.
	Office   string
	Offices  []option
	Date     string
	RunSheet *app.ManifestView

	// The search: what was typed and the shipments it found.
	Query string
	Found []app.View

	// The shipment and the forms of the steps that may come next. Failed is the form
	// whose fields Errors and Values are about.
	Shipment *app.View
	Forms    []confirmForm
	Failed   string
	Values   map[string]string

	// The hand-over records: one, and whether the member of staff may confirm it now,
	// or a list of them. A new record's form reads Office (the giving post office),
	// Offices (the receiving offices to choose from) and Values.
	Handover   *app.HandoverView
	CanConfirm bool
	Handovers  []app.HandoverView
}

// option is a choice of a <select>.
type option struct {
	Value, Label string
	Selected     bool
}

// confirmForm is the form of one step the worker may record now.
type confirmForm struct {
	Type string
	// EventID is made with the page, so that sending the form twice records it once;
	// the script makes a new one on the phone for each confirmation.
	EventID string
}

// newPage starts the page called name for r, with its CSRF token and language switch.
func (p *Pages) newPage(w http.ResponseWriter, r *http.Request, name string) *page {
	return &page{Page: layout.NewPage(w, r, name), Values: map[string]string{}}
}

// Chrome is the page's frame: the script, a shipment's number in the title, who is
// signed in (whose offline queue the script keeps). The staff of the desks and offices
// who receive hand-overs here are led back to their own home.
func (pg *page) Chrome() layout.Chrome {
	words, home := pg.T, HomePath
	if !pg.Postal() {
		words = func(key string, args ...any) string {
			if key == "site" || key == "site.short" {
				key = "handover." + key
			}
			return pg.T(key, args...)
		}
		if pg.Who != nil {
			home = session.Home(pg.Who.Role)
		}
	}
	c := pg.Frame(words, home, styles...)
	c.Scripts = []string{scriptAsset.URL()}
	switch {
	case pg.Shipment != nil:
		c.Title = pg.Shipment.TrackingNumber + " · " + c.Title
	case pg.Handover != nil:
		c.Title = pg.T("handover.title", pg.Number(pg.Handover.Number)) + " · " + c.Title
	}
	return c
}

// Postal reports whether the page is a postal worker's (anyone's when no one is
// signed in): the offline queue and the post's home are theirs.
func (pg *page) Postal() bool { return pg.Who == nil || pg.Who.Role == auth.RolePostal }

// T is the page's words for key.
func (pg *page) T(key string, args ...any) string { return text(pg.Lang, key, args...) }

// Err is the error beside the field name of the form of type typ, if any.
func (pg *page) Err(typ, name string) string {
	if pg.Failed != typ {
		return ""
	}
	return pg.Errors[name]
}

// Value is what was typed in the field name of the form of type typ, kept when the
// form comes back with an error.
func (pg *page) Value(typ, name string) string {
	if pg.Failed != typ {
		return ""
	}
	return pg.Values[name]
}

// Status is a step of a shipment (its type) in the page's language.
func (pg *page) Status(s string) string { return shipment.Status(s).StepWords().In(pg.Lang) }

// StatusNow is a shipment's current status in the page's language.
func (pg *page) StatusNow(s string) string { return shipment.Status(s).Words().In(pg.Lang) }

// Kind is a shipment's kind in the page's language.
func (pg *page) Kind(k string) string {
	vi, en := shipment.Kind(k).Labels()
	return pick(pg.Lang, vi, en)
}

// Reason is a failure reason in the page's language.
func (pg *page) Reason(code string) string { return pg.label(shipment.ReasonLabels, code) }

// Action is a failure action in the page's language.
func (pg *page) Action(code string) string { return pg.label(shipment.ActionLabels, code) }

// Relation is a recipient's relation in the page's language.
func (pg *page) Relation(code string) string { return pg.label(shipment.RelationLabels, code) }

// label is code in the page's language, from the domain's labels; an unknown code is
// shown as it is.
func (pg *page) label(labels func(code string) (vi, en string, ok bool), code string) string {
	vi, en, ok := labels(code)
	if !ok {
		return code
	}
	return pick(pg.Lang, vi, en)
}

// Reasons are the choices of a failed delivery's reason.
func (pg *page) Reasons() []string { return shipment.FailureReasons }

// Actions are the choices of what was done after a failed delivery.
func (pg *page) Actions() []string { return shipment.FailureActions }

// Relations are the choices of the recipient's relation to the applicant.
func (pg *page) Relations() []string { return shipment.Relations }

// hasForm reports whether the page offers the form of step typ.
func (pg *page) hasForm(typ string) bool {
	for _, f := range pg.Forms {
		if f.Type == typ {
			return true
		}
	}
	return false
}

// Open reports whether the shipment has steps left to record.
func (pg *page) Open() bool {
	return pg.Shipment != nil && !shipment.Status(pg.Shipment.Status).Terminal()
}

// pick is vi or en, by lang.
func pick(lang htmlpage.Lang, vi, en string) string {
	if lang == htmlpage.English {
		return en
	}
	return vi
}

// text is the pages' words for key in lang.
func text(lang htmlpage.Lang, key string, args ...any) string { return texts.T(lang, key, args...) }
