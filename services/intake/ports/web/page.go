package web

import (
	"net/http"
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/app"
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

// page is what the template shows: what every page has (layout.Page, whose Name picks
// the body: signin, home, register, dossier, counter, counter-done or message), and
// what the desk's and the counter's do.
type page struct {
	layout.Page

	// The sign-in form.
	Username string
	Next     string

	// The registration form.
	// Query is what was typed to find the procedure.
	Query      string
	Procedures []option
	Offices    []option
	Form       regForm
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
	// CheckBy is when the desk's check of a dossier submitted online is due, while it
	// awaits that check; LateToCheck whether that time has passed.
	CheckBy     time.Time
	LateToCheck bool

	// Counter is a page of the post office's counter, which a postal worker uses.
	Counter *counterPage
}

// option is a choice of a <select>.
type option struct {
	Value, Label string
	Selected     bool
}

// newPage starts the page called name for r, with its CSRF token and language switch.
func (p *Pages) newPage(w http.ResponseWriter, r *http.Request, name string) *page {
	return &page{Page: layout.NewPage(w, r, name)}
}

// Chrome is the page's frame: a dossier's code in the title.
func (pg *page) Chrome() layout.Chrome {
	if pg.Counter != nil {
		return pg.counterChrome()
	}
	c := pg.Frame(pg.T, HomePath, styles...)
	if pg.Dossier != nil {
		c.Title = pg.T("dossier") + " " + pg.Dossier.Code + " · " + c.Title
	}
	return c
}

// T is the page's words for key.
func (pg *page) T(key string, args ...any) string { return text(pg.Lang, key, args...) }

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

// text is the pages' words for key in lang.
func text(lang Lang, key string, args ...any) string { return texts.T(lang, key, args...) }
