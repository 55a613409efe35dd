package web

import (
	"net/url"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/status/app/citizen"
	"github.com/motcua/motcua/services/worktime"
)

// page is what the template shows: what every page has (layout.Page: no one is signed
// in, and its CSRF token is the rating form's), the lookup form, and the dossier or the
// reason there is none, and the rating form or its outcome.
type page struct {
	layout.Page
	// Code is the code as typed, to fill the form again.
	Code string
	// ErrorField is the input the page's error is about (code or pin), if any.
	ErrorField string
	View       *citizen.View
	// PIN is the PIN the dossier was found with, for the rating form's hidden field.
	PIN    string
	Rating rating
	// SupplementSent is set when the lookup opens again after intake took the
	// supplement its form sent: the page says so instead of offering the form.
	SupplementSent bool
	// Payment is how asking to pay online went, as intake or the gateway sent the
	// browser back (PaymentParam): paid, failed, off or none; "" otherwise.
	Payment string
}

// rating is the state of the rating form.
type rating struct {
	// Done is set once the rating is stored; Message says it, or why it cannot be.
	Done    bool
	Message string
	// Error says what to correct in the form, filled again with Form.
	Error string
	Form  ratingForm
}

// ratingForm is the rating as the citizen filled it.
type ratingForm struct {
	Score    int
	Criteria map[string]int
	Trips    string
	Comment  string
}

// newPage starts a page in lang whose other-language link keeps query.
func newPage(lang vocabulary.Lang, path string, query url.Values) *page {
	q := url.Values{}
	for _, k := range []string{"code", "pin"} {
		if v := query.Get(k); v != "" {
			q.Set(k, v)
		}
	}
	if lang == vocabulary.Vietnamese {
		q.Set("lang", "en")
	}
	sw := path
	if len(q) > 0 {
		sw += "?" + q.Encode()
	}
	return &page{Page: layout.Page{Lang: lang, Switch: sw}}
}

// Chrome is the page's frame: the dossier's code in the title, a brand that keeps the
// language, and no one signed in, so the top bar holds only the language switch.
func (p *page) Chrome() layout.Chrome {
	home := "/"
	if p.English() {
		home += "?lang=en"
	}
	c := p.Frame(p.T, home, styles...)
	c.Menu = vocabulary.Words{VI: "Ngôn ngữ", EN: "Language"}.In(p.Lang)
	if p.View != nil {
		c.Title = p.T("dossier") + " " + p.View.Code + " · " + c.Title
	}
	return c
}

// T is the page's words for key.
func (p *page) T(key string, args ...any) string { return texts.T(p.Lang, key, args...) }

// Problem is the catalogue's words for the problem of field and code, in the page's
// language.
func (p *page) Problem(field, code string, args ...any) string {
	return vocabulary.Problem(field, code, args...).In(p.Lang)
}

// When shows a time as the citizen's view gives it, in the offices' zone.
func (p *page) When(t time.Time) string { return when(p.Lang, t) }

// Timing says how the dossier stands against its appointment.
func (p *page) Timing() string { return vocabulary.CitizenTiming(string(p.View.Timing)).In(p.Lang) }

// Open reports whether the dossier is still being handled (it has time left, or is
// overdue): not finished, not withdrawn.
func (p *page) Open() bool {
	return p.View.Timing == worktime.WithinDeadline || p.View.Timing == worktime.Overdue
}

// Remaining says the working time left, or overdue.
func (p *page) Remaining() string {
	h := p.View.RemainingHours
	if h < 0 {
		return p.T("hours.over", htmlpage.Decimal(p.Lang, -h, -1))
	}
	return p.T("hours.left", htmlpage.Decimal(p.Lang, h, -1))
}

// ResultURL is where the citizen downloads the electronic result, with the code and PIN
// the dossier was found with, as the contract gives it.
func (p *page) ResultURL() string { return citizen.ResultURL(p.View.Code, p.PIN) }

// FileSize says a file's size in kilobytes, or megabytes from one.
func (p *page) FileSize(n int64) string {
	if n >= 1<<20 {
		return p.T("size.mb", htmlpage.Decimal(p.Lang, float64(n)/(1<<20), 1))
	}
	return p.T("size.kb", htmlpage.Decimal(p.Lang, max(float64(n)/(1<<10), 0.1), 1))
}

// Leg names a postal leg.
func (p *page) Leg(kind string) string { return vocabulary.Leg(kind).In(p.Lang) }

// HolderKind names a kind of holder of the dossier: an office, a post office.
func (p *page) HolderKind(kind string) string { return vocabulary.HolderKind(kind).In(p.Lang) }

// Scores are the choices of a score, 1 to 5.
func (p *page) Scores() []int { return []int{1, 2, 3, 4, 5} }

// Criteria are the criteria rated beside the overall score.
func (p *page) Criteria() []string { return citizen.ScoredCriteria }
