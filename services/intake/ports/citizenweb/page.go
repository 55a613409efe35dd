package citizenweb

import (
	"net/http"
	"net/url"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
)

// page is what the templates show: what every page has (layout.Page, whose Name picks
// the body: find, procedure, code, done, supplement or payment), and what these pages do.
type page struct {
	layout.Page

	// Query is what was typed to find a procedure; Found the procedures it matches.
	Query string
	Found []catalog.Procedure

	// Procedure is the procedure shown, applied for or verified for.
	Procedure *catalog.Procedure
	// Contact is the address the citizen proved, nil before.
	Contact *contact.Address
	// Verify is the form that sends a code, or takes it.
	Verify verifyForm
	// Form is the application as filled; Desks the desks that may receive it.
	Form  applyForm
	Desks []option

	// Submitted is the answer once the dossier is submitted.
	Submitted *app.Submission

	// Supplement is the supplement's form as sent.
	Supplement supplementForm

	// PaymentFor is the code of the dossier a payment form was sent for.
	PaymentFor string
}

// option is a choice of a <select>.
type option struct {
	Value, Label string
	Selected     bool
}

// newPage starts the page called name for r, with its CSRF token and language switch.
func newPage(w http.ResponseWriter, r *http.Request, name string) *page {
	return &page{Page: layout.NewPage(w, r, name)}
}

// Chrome is the page's frame: the procedure's or the dossier's name in the title, no one
// signed in.
func (pg *page) Chrome() layout.Chrome {
	c := pg.Frame(pg.T, FindPath, styles...)
	c.Menu = pg.T("menu")
	switch {
	case pg.Submitted != nil:
		c.Title = pg.T("dossier") + " " + pg.Submitted.Code + " · " + c.Title
	case pg.Procedure != nil:
		c.Title = pg.Procedure.Name + " · " + c.Title
	}
	return c
}

// T is the page's words for key.
func (pg *page) T(key string, args ...any) string { return texts.T(pg.Lang, key, args...) }

// Problem is the catalogue's words for the problem of field and code in the page's
// language.
func (pg *page) Problem(field, code string, args ...any) string {
	return vocabulary.Problem(field, code, args...).In(pg.Lang)
}

// Kind names a kind of copy.
func (pg *page) Kind(kind string) string { return vocabulary.DocumentKind(kind).In(pg.Lang) }

// Status names a dossier's status.
func (pg *page) Status(status string) string { return vocabulary.Status(status).In(pg.Lang) }

// Limit says a procedure's time limit in working days or hours.
func (pg *page) Limit(hours int) string {
	switch {
	case hours == 0:
		return pg.T("limit.same.day")
	case hours%8 == 0:
		return pg.T("limit.days", hours/8)
	}
	return pg.T("limit.hours", hours)
}

// Fee says a procedure's fee.
func (pg *page) Fee(p catalog.Procedure) string {
	switch {
	case p.FeeVaries:
		return pg.T("fee.varies")
	case p.FeeVND == 0:
		return pg.T("fee.none")
	}
	return pg.Money(p.FeeVND)
}

// LookupURL is status's lookup of the dossier with code, in the page's language.
func (pg *page) LookupURL(code string) string {
	q := url.Values{"code": {code}}
	if pg.English() {
		q.Set("lang", string(htmlpage.English))
	}
	return LookupPath + "?" + q.Encode()
}

// AddressWords says the proved address as the citizen typed it.
func (pg *page) AddressWords() string {
	if pg.Contact == nil {
		return ""
	}
	return pg.T("contact."+string(pg.Contact.Channel), pg.Contact.Value)
}

// Size says a file's size in kilobytes, rounded up.
func (pg *page) Size(bytes int64) string { return pg.T("bytes.kb", (bytes+1023)/1024) }
