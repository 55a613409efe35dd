package browser

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// actOnPage fills the action's form on the dossier page with fill, submits it and waits
// for the page that says it is done, with no message of an error on it.
func actOnPage(t *testing.T, ctx context.Context, action string, fill ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	submit(t, ctx, action, `#action-`+action, "#notice", fill...)
	if errs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('#error, .field-error')].map(e => e.textContent.trim())`)); err != nil || len(errs) > 0 {
		t.Fatalf("%s: errors on the page: %q %v", action, errs, err)
	}
}

// expectActions checks that the dossier page offers exactly the forms of want.
func expectActions(t *testing.T, ctx context.Context, when string, want ...string) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('.actions form')].map(f => f.id.replace(/^action-/, ''))`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Errorf("%s: the page offers %q, want %q", when, got, want)
	}
}

// expectPrints checks that the dossier page offers exactly the printable forms of want.
func expectPrints(t *testing.T, ctx context.Context, when string, want ...string) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('#prints a:not(.pdf)')].map(a => a.getAttribute('href').split('/in/')[1])`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: the page prints %q, want %q", when, got, want)
	}
}

// printForm follows the dossier page's link to form and returns the printed page's text.
func printForm(t *testing.T, ctx context.Context, form string) string {
	t.Helper()
	follow(t, ctx, "print "+form, `#prints a[href$="/in/`+form+`"]`, "body")
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + '\n' + document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s, "/in/"+form) {
		t.Fatalf("print %s opened %q", form, strings.SplitN(s, "\n", 2)[0])
	}
	return s
}
