package layout

import (
	"net/http"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// Page is what every page knows of itself whatever it shows: its language, who asked
// for it, the token of its forms, its error and notice. Each page package embeds it in
// its own page, beside what that package's templates show, so that the templates and
// the frame read the same fields and methods in every service.
type Page struct {
	Lang htmlpage.Lang
	// Name picks the body, for a package whose pages share one template.
	Name string
	// Who is the member of staff signed in, nil on a page for anyone.
	Who *auth.Principal
	// CSRF is the token of the page's forms, the sign-out form's too.
	CSRF string
	// Switch is the same page in the other language.
	Switch string
	// Error is the page's error in words; Notice a success to tell; Errors the
	// message beside each field, by the field's name.
	Error  string
	Notice string
	Errors map[string]string
}

// NewPage starts the page called name for r: in the language asked for (remembered in
// a cookie), with whoever is signed in, the CSRF token and the language switch.
func NewPage(w http.ResponseWriter, r *http.Request, name string) Page {
	lang := htmlpage.Language(w, r)
	return Page{Lang: lang, Name: name, Who: auth.FromContext(r.Context()), CSRF: csrf.Token(w, r),
		Switch: htmlpage.SwitchURL(r, lang), Errors: map[string]string{}}
}

// Frame is the page's frame: words' "site" as its title and "site.short" as the brand
// leading to home, styles its sheets, whoever is signed in said by words'
// "signed.in.as" (given the user name and the role), and the page's error and notice.
// A package's Chrome starts from it and adds what only its pages have.
func (p *Page) Frame(words Words, home string, styles ...string) Chrome {
	c := NewChrome(p.Lang, words, home, p.Switch, styles...)
	if p.Who != nil {
		c.SignedIn(p.Who.Username, words("signed.in.as", p.Who.Username, p.Who.Role), p.CSRF)
	}
	c.Error, c.Notice = p.Error, p.Notice
	return c
}

// English reports whether the page is in English.
func (p *Page) English() bool { return p.Lang == htmlpage.English }

// Err is the error beside the field named name, if any.
func (p *Page) Err(name string) string { return p.Errors[name] }

// When shows a time in Vietnam's zone.
func (p *Page) When(t time.Time) string { return htmlpage.When(p.Lang, t) }

// Money shows a sum of đồng.
func (p *Page) Money(vnd int64) string { return htmlpage.Money(vnd) }
