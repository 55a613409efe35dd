package browser

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// step runs actions in the tab of ctx, failing the test with what it was doing.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}
