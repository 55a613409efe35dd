package browser

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/apiclient"
)

// startJourney serves the all-in-one for the test, starts a headless Chromium whose tab
// gives up after limit, and returns the tab, the pages' base address and the staff who
// act through the API meanwhile. How long the journey took is logged when it ends.
func startJourney(t *testing.T, limit time.Duration) (ctx context.Context, base string, s *staff) {
	t.Helper()
	start := time.Now()
	addr := serve(t)
	s = &staff{t: t, c: apiclient.NewClient(2), addr: addr, tokens: map[string]string{}}
	ctx = newBrowser(t, limit)
	t.Logf("server and browser up in %v", time.Since(start).Round(time.Millisecond))
	t.Cleanup(func() { t.Logf("journey took %v", time.Since(start).Round(time.Millisecond)) })
	return ctx, "http://" + addr, s
}
