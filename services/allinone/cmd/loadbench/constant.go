package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/allinone/benchkit"
	"github.com/motcua/motcua/services/allinone/cluster"
)

// serveConstant is the baseline server of (b): chi and a handler returning a constant.
func serveConstant(addr string) {
	r := chi.NewRouter()
	r.Get("/constant", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	})
	srv := &http.Server{Addr: addr, Handler: r, ReadHeaderTimeout: 5 * time.Second}
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// constantBaseline runs serveConstant in a process of its own, as status runs in one,
// and measures it with the same client and concurrency as the lookups.
func (b *bench) constantBaseline(ctx context.Context, dir string) (rate, error) {
	self, err := os.Executable()
	if err != nil {
		return rate{}, err
	}
	port, err := cluster.FreePort()
	if err != nil {
		return rate{}, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	cmd := exec.CommandContext(ctx, self, "constant-server", addr)
	if err := cmd.Start(); err != nil {
		return rate{}, err
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	url := "http://" + addr + "/constant"
	wait, cancel := context.WithTimeout(ctx, 5*time.Second)
	err = cluster.WaitOK(wait, url)
	cancel()
	if err != nil {
		return rate{}, fmt.Errorf("constant server did not start: %w", err)
	}
	start := time.Now()
	err = benchkit.Parallel(ctx, b.s.lookups, b.s.concurrency, func(ctx context.Context, _ int) error {
		return benchkit.Get(ctx, b.client.HTTP, url, nil)
	})
	return newRate(b.s.lookups, time.Since(start)), err
}
