package browser

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/platform/apiclient"
)

// startJourney serves the all-in-one for the test (with its embedded NATS and the demo
// data, on a database of the journey's own), starts a headless Chromium whose tab gives
// up after limit, and returns the tab, the pages' base address and the staff who act
// through the API meanwhile. How long the journey took is logged when it ends.
func startJourney(t *testing.T, limit time.Duration) (ctx context.Context, base string, s *staff) {
	t.Helper()
	return startJourneyWith(t, limit, nil)
}

// startJourneyWith is startJourney with settings added to the all-in-one's (a
// receiver of webhooks, the national portal's address).
func startJourneyWith(t *testing.T, limit time.Duration, settings map[string]string) (ctx context.Context, base string, s *staff) {
	t.Helper()
	start := time.Now()
	served := servertest.Start(t, dbURL, settings)
	addr := strings.TrimPrefix(served.Base, "http://")
	s = &staff{t: t, c: apiclient.NewClient(2), addr: addr, tokens: map[string]string{}, databaseURL: served.DatabaseURL}
	ctx = newBrowser(t, limit)
	t.Logf("server and browser up in %v", time.Since(start).Round(time.Millisecond))
	t.Cleanup(func() { t.Logf("journey took %v", time.Since(start).Round(time.Millisecond)) })
	return ctx, "http://" + addr, s
}
