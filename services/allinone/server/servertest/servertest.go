// Package servertest runs the all-in-one (server.Run) for the tests of other packages:
// the browser journeys and the security suite.
package servertest

import (
	"context"
	"log/slog"
	"maps"
	"net"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/allinone/server"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// Served is an all-in-one running until its test ends.
type Served struct {
	// Base is its address, http://host:port.
	Base string
	// Routes is the router it serves, every route mounted.
	Routes chi.Routes
	// DatabaseURL is its database, made for it next to the tests' own.
	DatabaseURL string
}

// Start runs the all-in-one with its embedded NATS and the demo data, on a database of
// its own made beside adminURL's and a data directory of its own (each run makes its own
// keys, so a database shared between runs would hold data a run cannot open), with
// extra added to the settings, until the test ends.
func Start(t *testing.T, adminURL string, extra map[string]string) Served {
	t.Helper()
	db := pgtest.NewDatabase(t, adminURL)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	done := make(chan error, 1)
	env := map[string]string{"DATABASE_URL": db, "MOTCUA_DATA_DIR": t.TempDir(), "MOTCUA_HTTP_ADDR": "127.0.0.1:0"}
	maps.Copy(env, extra)
	var routes chi.Routes
	go func() {
		done <- server.Run(ctx, server.Options{Env: env, Demo: true, Ready: func(a net.Addr) { ready <- a },
			Routes: func(r chi.Routes) { routes = r }}, slog.New(slog.DiscardHandler))
	}()
	select {
	case a := <-ready:
		t.Cleanup(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("the all-in-one returned %v after a clean stop", err)
			}
		})
		return Served{Base: "http://" + a.String(), Routes: routes, DatabaseURL: db}
	case err := <-done:
		cancel()
		t.Fatalf("the all-in-one stopped before serving: %v", err)
	case <-time.After(90 * time.Second):
		cancel()
		t.Fatal("the all-in-one did not start within 90s")
	}
	return Served{}
}
