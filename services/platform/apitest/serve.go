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

// Serve runs svc as its binary would, until the test ends: its workers (relays,
// consumers) in the background, and its API with the operations endpoints on a test HTTP
// server, whose URL it returns. The workers stop before the server closes.
func Serve(t testing.TB, name string, svc lifecycle.Service, log *slog.Logger) string {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, w := range svc.Workers() {
		wg.Go(func() { w(ctx) })
	}
	t.Cleanup(func() { stop(); wg.Wait() })
	r := httpapi.NewRouter(name, log)
	httpapi.MountOps(r, svc.Checks(), log)
	svc.Mount(r)
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return srv.URL
}
