package scaledata

import (
	"context"
	"flag"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/motcua/motcua/services/allinone/cluster"
)

// bin are the services' programs, built once for the package: the loaded dossiers are
// checked through the services as they run.
var bin cluster.Binaries

func TestMain(m *testing.M) { os.Exit(run(m)) }

func run(m *testing.M) int {
	flag.Parse()
	if testing.Short() {
		fmt.Fprintln(os.Stderr, "scaledata: skipped in -short mode (builds and runs every service as a process)")
		return 0
	}
	if os.Getenv("DATABASE_URL") == "" {
		fmt.Fprintln(os.Stderr, "scaledata: DATABASE_URL is not set; run the tests with 'make test', which starts PostgreSQL")
		return 1
	}
	dir, err := os.MkdirTemp("", "motcua-scaledata-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "scaledata:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	bin, err = cluster.Build(ctx, dir)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "scaledata:", err)
		return 1
	}
	return m.Run()
}
