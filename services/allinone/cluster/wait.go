package cluster

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// WaitReady polls http://addr/readyz until it answers 200 or ctx ends.
func WaitReady(ctx context.Context, addr string) error {
	if err := WaitOK(ctx, "http://"+addr+"/readyz"); err != nil {
		return fmt.Errorf("not ready at %s: %w", addr, err)
	}
	return nil
}

// WaitOK polls url every 50ms until a GET of it answers 200, and returns ctx's error if
// ctx ends first: the wait for a server started as a process of its own (a service, a
// nats-server's monitoring port, a baseline server) to serve.
func WaitOK(ctx context.Context, url string) error {
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}
