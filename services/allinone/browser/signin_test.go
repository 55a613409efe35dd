package browser

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/services/intake/demo"
)

// signIn signs user (a demo account) in on the pages of base in the tab of ctx, from
// the sign-in page, and waits for the page that opens after it: the one matching
// landed (CSS), normally the home of the user's role.
func signIn(t *testing.T, ctx context.Context, base, user, landed string) {
	t.Helper()
	step(t, ctx, "sign in as "+user,
		chromedp.Navigate(base+"/dang-nhap"),
		chromedp.WaitVisible(chromedp.CSS("#signin-form")),
		chromedp.SendKeys(chromedp.CSS("#username"), user),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		clickLoad(`#signin-form button[type="submit"]`),
		chromedp.WaitVisible(chromedp.CSS(landed)))
}
