// Command scalebench measures how motcua's read paths grow with the data. It starts
// nats-server, intake, status and postal as separate processes on a fresh database,
// loads the demo data, and then, for each size in turn (10⁴, 10⁵, 10⁶ dossiers by
// default), loads dossiers with the histories of a working system straight into the
// three schemas (package scaledata: COPY, not the API, adding what the size before did
// not have), VACUUM ANALYZEs them and measures, through HTTP against the running
// processes, with several clients at once, the p50 and p99 of: a citizen's lookup of a
// dossier never looked up before; an office's work list, its first page and its 40th
// (following the cursors), with a filter, in status's API and on intake's page; a desk's
// search by a common name and by a rarer one; a supervisor's year on the dashboard for
// one office and for all; the year's statistics as the dashboard's CSV and from the API;
// and each process's peak memory over those measurements. It prints a table, one row
// per figure, one column per size, with a verdict against the targets, and writes JSON.
//
// Usage: scalebench -database-url URL [-sizes 10000,100000,1000000] [-out .bench/scale.json]
// (make bench-scale runs it); scalebench -print .bench/scale.json prints a run's table again.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/motcua/motcua/services/allinone/benchkit"
)

type settings struct {
	databaseURL string
	out         string
	sizes       []int
	requests    int
	clients     int
	warmup      int
	figureTime  time.Duration
	seed        uint64
}

func main() {
	var s settings
	var sizes, printOnly string
	flag.StringVar(&s.databaseURL, "database-url", os.Getenv("DATABASE_URL"), "PostgreSQL server to measure on (a fresh database is created)")
	flag.StringVar(&s.out, "out", ".bench/scale.json", "where to write the figures as JSON")
	flag.StringVar(&sizes, "sizes", "10000,100000,1000000", "the numbers of dossiers to measure at, ascending")
	flag.IntVar(&s.requests, "requests", 300, "requests per figure and size")
	flag.IntVar(&s.clients, "clients", 4, "clients at once")
	flag.IntVar(&s.warmup, "warmup", 20, "requests before each figure's, not counted")
	flag.DurationVar(&s.figureTime, "figure-time", time.Minute, "the time after which a slow figure stops (after 20 requests at least)")
	flag.Uint64Var(&s.seed, "seed", 16, "the seed the dossiers are drawn from")
	flag.StringVar(&printOnly, "print", "", "print the table of the figures in this file (a run's -out) and measure nothing")
	flag.Parse()
	if printOnly != "" {
		r, err := read(printOnly)
		if err != nil {
			fmt.Fprintln(os.Stderr, "scalebench:", err)
			os.Exit(1)
		}
		r.print(os.Stdout)
		return
	}
	var err error
	if s.sizes, err = parseSizes(sizes); err != nil {
		fmt.Fprintln(os.Stderr, "scalebench: -sizes:", err)
		os.Exit(2)
	}
	// The loader makes many short-lived rows: collecting less often costs memory the
	// machine has, and gives the database the processor.
	debug.SetGCPercent(400)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, s); err != nil {
		fmt.Fprintln(os.Stderr, "scalebench:", err)
		os.Exit(1)
	}
}

// parseSizes reads a list of ascending positive sizes.
func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("%q is not a number of dossiers", f)
		}
		out = append(out, n)
	}
	if !slices.IsSorted(out) || len(slices.Compact(slices.Clone(out))) != len(out) {
		return nil, fmt.Errorf("sizes must ascend: %s", s)
	}
	return out, nil
}

func run(ctx context.Context, s settings) error {
	if s.databaseURL == "" {
		return fmt.Errorf("-database-url (or DATABASE_URL) is required")
	}
	if err := os.MkdirAll(filepath.Dir(s.out), 0o755); err != nil {
		return err
	}
	b, err := start(ctx, s)
	if err != nil {
		return err
	}
	defer b.close()
	r := results{Machine: benchkit.Machine(), Requests: s.requests, Clients: s.clients}
	for _, n := range s.sizes {
		size, err := b.size(ctx, n)
		if err != nil {
			return err
		}
		r.Sizes = append(r.Sizes, size)
		// Written after each size, so that a long run's figures survive its end.
		if err := r.write(s.out); err != nil {
			return err
		}
	}
	r.MeasuredAt = time.Now().UTC()
	r.print(os.Stdout)
	if err := r.write(s.out); err != nil {
		return err
	}
	fmt.Printf("figures written to %s\n", s.out)
	return nil
}

func step(msg string) { fmt.Fprintf(os.Stderr, "· %s\n", msg) }
