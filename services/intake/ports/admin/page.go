package admin

import (
	"net/http"
	"strings"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/web/layout"
)

// page is what the template shows: what every page has (layout.Page, whose Name picks
// the body: home, offices, office, procedures, procedure, calendar, accounts, account,
// webhooks, webhook, sync or refused), and what the administrator's do.
type page struct {
	layout.Page
	// Back is where a refused member of staff works, BackText the link's words when
	// not the usual ones.
	Back, BackText string

	OfficeList    []catalog.Office
	Office        officeForm
	ProcedureList []catalog.Procedure
	Procedure     procedureForm
	// Query is what was typed to find a procedure.
	Query       string
	Calendar    calendarView
	AccountList []app.Account
	Account     accountForm
	// Hooks and Sync are what the webhooks' and the national sync's pages show.
	Hooks hooksView
	Sync  syncView
	// Choices of the forms' selects and checkboxes.
	Kinds       []option
	Parents     []option
	PostOffices []option
	OfficeBoxes []option
	Roles       []option
}

// option is a choice of a select or a checkbox.
type option struct {
	Value, Label string
	Selected     bool
}

// newPage starts the page called name for r, with its CSRF token and language switch.
func (p *Pages) newPage(w http.ResponseWriter, r *http.Request, name string) *page {
	pg := &page{Page: layout.NewPage(w, r, name)}
	if key := r.URL.Query().Get("ok"); notices[key] {
		pg.Notice = pg.T("ok." + key)
	}
	return pg
}

// Chrome is the page's frame: who is signed in, their role in words.
func (pg *page) Chrome() layout.Chrome {
	c := pg.Frame(pg.T, HomePath, styles...)
	if pg.Who != nil {
		c.Who = pg.T("signed.in.as", pg.Who.Username, pg.Role(pg.Who.Role))
	}
	return c
}

// notices are the successes a redirect may announce with ?ok=.
var notices = map[string]bool{"created": true, "saved": true, "day": true, "password": true,
	"disabled": true, "enabled": true, "hook.tested": true, "hook.resent": true, "hook.deleted": true, "sync.resent": true}

// T is the page's words for key.
func (pg *page) T(key string, args ...any) string { return texts.T(pg.Lang, key, args...) }

// Role names a role in the page's language.
func (pg *page) Role(role string) string { return pg.T("role." + role) }

// Status names a dossier's status in the page's language.
func (pg *page) Status(status string) string { return vocabulary.Status(status).In(pg.Lang) }

// Joined is the event patterns of an endpoint, one after the other.
func (pg *page) Joined(events []string) string { return strings.Join(events, ", ") }

// Kind names a kind of office in the page's language.
func (pg *page) Kind(kind catalog.OfficeKind) string { return pg.T("kind." + string(kind)) }

// Problem is what is wrong with field, as code says, in the page's language.
func (pg *page) Problem(field, code string) string {
	return vocabulary.Problem(field, code).In(pg.Lang)
}

// invalid puts the codes of an app.Invalid in words beside their fields; a refusal
// that is about no field (a stale calendar, one's own account) is the page's error.
func (pg *page) invalid(bad map[string]string) {
	pg.Error = pg.T("fix.fields")
	for field, code := range bad {
		if field == "revision" || field == "disabled" {
			pg.Error = pg.Problem(field, code)
			continue
		}
		pg.Errors[field] = pg.Problem(field, code)
	}
}

// choices is the options of values labelled by label, chosen marked.
func choices(values []string, label func(string) string, chosen ...string) []option {
	out := make([]option, 0, len(values))
	for _, v := range values {
		o := option{Value: v, Label: label(v)}
		for _, c := range chosen {
			o.Selected = o.Selected || c == v
		}
		out = append(out, o)
	}
	return out
}
