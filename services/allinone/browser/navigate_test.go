package browser

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// clickLoad clicks the element matching sel, a link or a form's button that leads to a
// new page, and waits until that page has replaced the current one. The current page is
// marked first, so that a wait that follows finds its element on the new page, not on
// the old one while the browser is leaving it (whose context then vanishes mid-read).
func clickLoad(sel string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		if _, err := chromedp.Evaluate[string](`document.documentElement.dataset.left = 'yes'`)(ctx, t); err != nil {
			return chromedp.Void{}, err
		}
		if _, err := chromedp.Click(chromedp.CSS(sel))(ctx, t); err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.WaitReady(chromedp.CSS(`html:not([data-left]) body`))(ctx, t)
	}
}

// follow clicks the element matching click and waits for the next page to show one
// matching landed.
func follow(t *testing.T, ctx context.Context, what, click, landed string) {
	t.Helper()
	step(t, ctx, what, clickLoad(click), chromedp.WaitVisible(chromedp.CSS(landed)))
}

// open goes to the page at address and waits for it to show an element matching landed.
func open(t *testing.T, ctx context.Context, what, address, landed string) {
	t.Helper()
	step(t, ctx, what, chromedp.Navigate(address), chromedp.WaitVisible(chromedp.CSS(landed)))
}
