// Package layout is the one frame of every service's pages: the head with the style
// sheets, the skip link, the top bar (brand, who is signed in, the language switch,
// the sign-out form), the error and notice alerts and the main frame, as one embedded
// template that each page package's own templates fill; and the one base style sheet
// those pages share, each page package adding a small sheet of its own.
package layout

import (
	_ "embed"
	"html/template"
	"io/fs"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

//go:embed layout.html
var layoutHTML string

//go:embed base.css
var baseCSS []byte

// Name is the template that writes a whole page, for htmlpage.Render.
const Name = "page"

// Chrome is what the layout shows around a page's content.
type Chrome struct {
	Lang htmlpage.Lang
	// Title is the window's title.
	Title string
	// Styles are the addresses of the page's style sheets, the base one first; Scripts
	// those of its scripts, run once the page is read.
	Styles  []string
	Scripts []string
	// Brand leads to the home of the pages; Switch to the same page in the other
	// language.
	Brand  Link
	Switch Link
	// Menu names the top bar's navigation for screen readers; Skip is the words of
	// the link that skips it.
	Menu string
	Skip string
	// User is the user name of whoever is signed in, empty when no one is; Who says it
	// in words. With a user the top bar has the sign-out form, its button saying
	// SignOut and carrying the CSRF token.
	User    string
	Who     string
	SignOut string
	CSRF    string
	// Error is the page's error in words, under ErrorTitle, with ErrorLink as a way on
	// when it has one (where a refused visitor works); Notice a success to tell.
	Error      string
	ErrorTitle string
	ErrorLink  Link
	Notice     string
}

// Link is an address and the words that lead to it.
type Link struct {
	Href string
	Text string
}

// Words are a page package's words for a key, formatted with args.
type Words func(key string, args ...any) string

// NewChrome is the frame of a page in lang with words' "site" as its title and
// "site.short" as the brand leading to home; the layout's own words (the skip link,
// the switch, the sign-out button, the error's heading, the menu's name) are the
// catalogue's, the same on every page. switchURL is the same page in the other
// language, styles the page's style sheets.
func NewChrome(lang htmlpage.Lang, words Words, home, switchURL string, styles ...string) Chrome {
	frame := func(part string) string { return vocabulary.PageFrame(part).In(lang) }
	return Chrome{Lang: lang, Title: words("site"), Styles: styles,
		Brand: Link{Href: home, Text: words("site.short")}, Switch: Link{Href: switchURL, Text: frame("switch")},
		Menu: frame("menu"), Skip: frame("skip"), SignOut: frame("signout"), ErrorTitle: frame("error.title")}
}

// SignedIn puts user in the top bar, said by who, with the sign-out form carrying the
// CSRF token csrf.
func (c *Chrome) SignedIn(user, who, csrf string) {
	c.User, c.Who, c.CSRF = user, who, csrf
}

// New is a page package's templates: the layout's, then funcs and the package's own
// templates read from fsys by patterns, which define "content" and, if they wish,
// "sections", "lead" and "foot". Their data has a method Chrome, the page's frame;
// everything else it holds is for the package's own templates.
func New(funcs template.FuncMap, fsys fs.FS, patterns ...string) *template.Template {
	t := template.Must(template.New(Name).Funcs(funcs).Parse(layoutHTML))
	return template.Must(t.ParseFS(fsys, patterns...))
}

// BaseStyle is the base style sheet served by the service named service, at
// /assets/<service>/base.css: beside the service's other assets, so that each service
// serves its own pages' sheets whether the services run apart or all in one, and the
// all-in-one mounts no path twice.
func BaseStyle(service string) *htmlpage.Asset {
	return htmlpage.NewAsset("/assets/"+service+"/base.css", "text/css; charset=utf-8", baseCSS)
}

// MountBaseStyle serves BaseStyle(service) on r, once for all the service's pages.
func MountBaseStyle(r chi.Router, service string) {
	style := BaseStyle(service)
	r.With(htmlpage.Headers(htmlpage.NoScript)).Get(style.Path, style.ServeHTTP)
}
