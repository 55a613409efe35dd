package apitest

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/lifecycle"
)

// Serve runs svc as its binary would, until the test ends (see Run), and returns the
// URL of its API.
func Serve(t testing.TB, name string, svc lifecycle.Service, log *slog.Logger) string {
	t.Helper()
	url, stop := Run(name, svc, log)
	t.Cleanup(stop)
	return url
}

// Run runs svc as its binary would: its workers (relays, consumers) in the background,
// and its API with the operations endpoints on a test HTTP server, whose URL it returns.
// stop closes the server, then stops the workers and waits for them, for a test that
// stops a service and starts it again.
func Run(name string, svc lifecycle.Service, log *slog.Logger) (url string, stop func()) {
	ctx, stopWork := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, w := range svc.Workers() {
		wg.Go(func() { w(ctx) })
	}
	r := httpapi.NewRouter(name, log)
	httpapi.MountOps(r, svc.Checks(), log)
	svc.Mount(r)
	srv := httptest.NewServer(r)
	return srv.URL, func() {
		srv.Close()
		stopWork()
		wg.Wait()
	}
}
