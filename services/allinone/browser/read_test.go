package browser

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// text is the visible text of the first element matching the CSS selector sel.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// expectStatus checks the status the page shows, a dossier's or a shipment's; when says
// at which point of the journey.
func expectStatus(t *testing.T, ctx context.Context, when, want string) {
	t.Helper()
	if got := text(t, ctx, "#status"); got != want {
		t.Errorf("%s: status %q, want %q", when, got, want)
	}
}

// shown is what a page should show: what it is, where (a CSS selector), and its text.
type shown struct{ what, sel, want string }

// expectShown checks that the page reads each of want's texts exactly; page names the
// page in the messages.
func expectShown(t *testing.T, ctx context.Context, page string, want ...shown) {
	t.Helper()
	for _, w := range want {
		if got := text(t, ctx, w.sel); got != w.want {
			t.Errorf("%s, %s: %q, want %q", page, w.what, got, w.want)
		}
	}
}

// count is how many elements of the current page match the CSS selector sel.
func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
	if err != nil {
		t.Fatalf("count %s: %v", sel, err)
	}
	return n
}
