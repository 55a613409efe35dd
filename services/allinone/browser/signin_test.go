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
	open(t, ctx, "open the sign-in page", base+"/dang-nhap", "#signin-form")
	submit(t, ctx, "sign in as "+user, "#signin-form", landed,
		chromedp.SendKeys(chromedp.CSS("#username"), user),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password))
}

// signOut signs the user of the tab out and waits for the sign-in page.
func signOut(t *testing.T, ctx context.Context) {
	t.Helper()
	follow(t, ctx, "sign out", "#signout button", "#signin-form")
}
