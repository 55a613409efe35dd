// Package lifecycle runs a process's HTTP server and background workers and stops them in
// the right order: stop accepting and drain requests, then stop workers (consumers finish
// their batch, relays flush the outbox), then the caller closes its pools.
package lifecycle

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/motcua/motcua/services/platform/httpapi"
)

// Worker is a background loop that returns when its context ends.
type Worker func(ctx context.Context)

// Run serves srv and runs workers until ctx ends, then shuts down in order. ready, when
// not nil, receives the bound address.
func Run(ctx context.Context, srv *http.Server, workers []Worker, drain time.Duration, log *slog.Logger, ready func(net.Addr)) error {
	workCtx, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Go(func() { w(workCtx) })
	}
	err := httpapi.Serve(ctx, srv, drain, log, ready)
	stopWork()
	wg.Wait()
	return err
}
