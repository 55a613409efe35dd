package web

import (
	"net/http"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
)

// Lang is a page's language.
type Lang = htmlpage.Lang

// The languages of the pages.
const (
	Vietnamese = htmlpage.Vietnamese
	English    = htmlpage.English
)

// page is what the template shows. Name picks the body: signin, home, register,
// dossier or message.
type page struct {
	Lang   Lang
	Name   string
	Who    *auth.Principal
	CSRF   string
	Switch string
	// Error is the page's error in words; Notice a success to tell.
	Error  string
	Notice string

	// The sign-in form.
	Username string
	Next     string

	// The registration form.
	// Query is what was typed to find the procedure.
	Query      string
	Procedures []option
	Offices    []option
	Form       regForm
	Errors     map[string]string
	Idem       string

	// The dossier.
	Dossier *app.Whole
	Prints  []option
	// Destinations are the offices a transfer may go to.
	Destinations []option
	Actions      []actionForm

	// The work list, and the length of a working day to count time left in.
	List *workList
	Day  time.Duration
	// Left is the open dossier's working time to its appointment, or past it when
	// overdue; for a paused clock, as of when it stopped.
	Left time.Duration
}

// option is a choice of a <select>.
type option struct {
	Value, Label string
	Selected     bool
}

// newPage starts the page called name for r, with its CSRF token and language switch.
func (p *Pages) newPage(w http.ResponseWriter, r *http.Request, name string) *page {
	lang := htmlpage.Language(w, r)
	return &page{Lang: lang, Name: name, Who: auth.FromContext(r.Context()), CSRF: csrf.Token(w, r),
		Switch: htmlpage.SwitchURL(r, lang), Errors: map[string]string{}}
}

// Chrome is the page's frame: a dossier's code in the title, who is signed in.
func (pg *page) Chrome() layout.Chrome {
	c := layout.NewChrome(pg.Lang, pg.T, HomePath, pg.Switch, styles...)
	c.Menu = vocabulary.Words{VI: "Trình đơn", EN: "Menu"}.In(pg.Lang)
	if pg.Dossier != nil {
		c.Title = pg.T("dossier") + " " + pg.Dossier.Code + " · " + c.Title
	}
	if pg.Who != nil {
		c.SignedIn(pg.Who.Username, pg.T("signed.in.as", pg.Who.Username, pg.Who.Role), pg.CSRF)
	}
	c.Error, c.Notice = pg.Error, pg.Notice
	return c
}

// T is the page's words for key.
func (pg *page) T(key string, args ...any) string { return text(pg.Lang, key, args...) }

// English reports whether the page is in English.
func (pg *page) English() bool { return pg.Lang == English }

// Err is the error beside the field named name, if any.
func (pg *page) Err(name string) string { return pg.Errors[name] }

// When shows a time in the calendar's zone.
func (pg *page) When(t time.Time) string { return htmlpage.When(pg.Lang, t) }

// Status is the dossier's status in the page's language.
func (pg *page) Status() string {
	if pg.Lang == English {
		return pg.Dossier.StatusLabelEN
	}
	return pg.Dossier.StatusLabel
}

// Step names a step's action.
func (pg *page) Step(action string) string { return vocabulary.Action(action).In(pg.Lang) }

// DocumentKind names a kind of copy in the page's language.
func (pg *page) DocumentKind(kind string) string {
	return vocabulary.DocumentKind(kind).In(pg.Lang)
}

// Money shows a sum of đồng.
func (pg *page) Money(vnd int64) string { return htmlpage.Money(vnd) }

// text is the pages' words for key in lang.
func text(lang Lang, key string, args ...any) string { return texts.T(lang, key, args...) }
