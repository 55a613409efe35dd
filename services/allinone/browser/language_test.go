package browser

import (
	"context"
	"testing"
)

// languageNames are the languages of the pages, in the words of a step.
var languageNames = map[string]string{"vi": "Vietnamese", "en": "English"}

// switchLanguage follows the page's language switch and waits for the same page in lang
// (vi or en) to show an element matching landed.
func switchLanguage(t *testing.T, ctx context.Context, lang, landed string) {
	t.Helper()
	follow(t, ctx, "switch to "+languageNames[lang], "#lang-switch", `html[lang="`+lang+`"] `+landed)
}
