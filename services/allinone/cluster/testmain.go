package cluster

import (
	"context"
	"flag"
	"fmt"
	"os"
	"testing"
	"time"
)

// RunTests runs the tests of package pkg that start the services as processes: it
// builds the programs into *bin once for them, and skips them in -short mode. A test
// package's TestMain calls it: os.Exit(cluster.RunTests(m, "e2e", &bin)).
func RunTests(m *testing.M, pkg string, bin *Binaries) int {
	flag.Parse()
	if testing.Short() {
		fmt.Fprintf(os.Stderr, "%s: skipped in -short mode (builds and runs every service as a process)\n", pkg)
		return 0
	}
	if os.Getenv("DATABASE_URL") == "" {
		fmt.Fprintf(os.Stderr, "%s: DATABASE_URL is not set; run the tests with 'make test', which starts PostgreSQL\n", pkg)
		return 1
	}
	dir, err := os.MkdirTemp("", "motcua-"+pkg+"-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, pkg+":", err)
		return 1
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	*bin, err = Build(ctx, dir)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, pkg+":", err)
		return 1
	}
	return m.Run()
}
