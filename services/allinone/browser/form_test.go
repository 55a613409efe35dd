package browser

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// submit fills the form matching form with fill, sends it with its submit button and
// waits for the page that answers to show an element matching landed: the next page,
// or the same form back with a message beside a field.
func submit(t *testing.T, ctx context.Context, what, form, landed string, fill ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	actions := append(fill[:len(fill):len(fill)], clickLoad(form+` button[type="submit"]`), chromedp.WaitVisible(chromedp.CSS(landed)))
	step(t, ctx, what, actions...)
}

// formValue is the value of the form control matching the CSS selector sel.
func formValue(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("value of %s: %v", sel, err)
	}
	return v
}
