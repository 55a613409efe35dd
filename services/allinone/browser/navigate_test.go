package browser

import (
	"context"

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
