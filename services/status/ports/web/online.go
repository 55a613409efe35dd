package web

import (
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// The citizen's online pages, which intake serves on the same site: the submission of
// a dossier, and the supplement the lookup page's form sends.
const (
	// OnlinePath is where a citizen submits a dossier online.
	OnlinePath = "/nop-truc-tuyen"
	// SupplementPath takes the supplement form; once it is taken, the lookup opens again
	// with SentParam=1.
	SupplementPath = "/nop-truc-tuyen/bo-sung"
	SentParam      = "bo-sung"
)

// OnlineURL is the online submission's page in the page's language.
func (p *page) OnlineURL() string { return inLanguage(OnlinePath, p.Lang) }

// SupplementURL is where the supplement form goes, in the page's language.
func (p *page) SupplementURL() string { return inLanguage(SupplementPath, p.Lang) }

// SupplementKey is a fresh idempotency key for the supplement form, drawn with it: the
// form sent twice hands the papers in once.
func (p *page) SupplementKey() string { return htmlpage.FormKey() }

// inLanguage is path asked for in lang: English says so, Vietnamese is the default.
func inLanguage(path string, lang htmlpage.Lang) string {
	if lang == htmlpage.English {
		return path + "?lang=en"
	}
	return path
}
