// Command loadbench measures motcua on this machine, each figure beside a baseline
// measured in the same run: (a) registrations per second, every event folded by status,
// beside single-row INSERT transactions per second on the same PostgreSQL; (b) citizen
// lookups per second beside a bare chi handler returning a constant; (c) p50 and p99
// from intake's commit to status's commit at a fixed 200 registrations per second; (d)
// the peak memory of each service process; (e) submissions online with a file each
// beside writing those files durably to the same disk, and intake's peak memory while
// 20 uploads run at once, for two file sizes; (f) notices mailed per second for 10 000
// events beside the SMTP server's own rate, and the lag from event to the server's
// acceptance. It prints a table and writes JSON.
//
// Usage: loadbench -database-url URL [-out results.json]   (make bench runs it)
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/motcua/motcua/services/allinone/benchkit"
	"github.com/motcua/motcua/services/allinone/cluster"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/mailpit"
	"github.com/motcua/motcua/services/platform/pgtest"
)

type settings struct {
	databaseURL   string
	out           string
	concurrency   int
	registrations int
	lookups       int
	latencyRate   int
	latencyFor    time.Duration
	profile       bool
	online        int
	onlineBytes   int
	notices       int
}

func main() {
	if len(os.Args) == 3 && os.Args[1] == "constant-server" {
		serveConstant(os.Args[2]) // the baseline of (b), run as a process of its own
		return
	}
	var s settings
	flag.StringVar(&s.databaseURL, "database-url", os.Getenv("DATABASE_URL"), "PostgreSQL server to measure on (a fresh database is created)")
	flag.StringVar(&s.out, "out", ".bench/results.json", "where to write the figures as JSON")
	flag.IntVar(&s.concurrency, "concurrency", 16, "clients at once in (a) and (b)")
	flag.IntVar(&s.registrations, "registrations", 8000, "registrations in (a)")
	flag.IntVar(&s.lookups, "lookups", 30000, "lookups in (b)")
	flag.IntVar(&s.latencyRate, "latency-rate", 200, "registrations per second in (c)")
	flag.DurationVar(&s.latencyFor, "latency-for", 15*time.Second, "how long (c) runs")
	flag.IntVar(&s.online, "online", 300, "submissions online in (e)")
	flag.IntVar(&s.onlineBytes, "online-file-bytes", 1<<20, "the size of each submission's file in (e)")
	flag.IntVar(&s.notices, "notices", 10000, "events mailed by the notifier in (f)")
	flag.BoolVar(&s.profile, "profile", false, "save 5-second CPU profiles of intake and status in (a) and (b) next to -out")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, s); err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, s settings) error {
	if s.databaseURL == "" {
		return fmt.Errorf("-database-url (or DATABASE_URL) is required")
	}
	if err := os.MkdirAll(filepath.Dir(s.out), 0o755); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "motcua-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	step("building binaries")
	bin, err := cluster.Build(ctx, dir)
	if err != nil {
		return err
	}
	dbURL, drop, err := pgtest.CreateDatabase(ctx, s.databaseURL)
	if err != nil {
		return err
	}
	defer drop()
	step("starting a mail server (Mailpit)")
	mp, err := mailpit.Start(dir)
	if err != nil {
		return err
	}
	defer mp.Stop()
	step("starting nats-server, intake, status and postal as separate processes")
	opts := cluster.Options{Bin: bin, DatabaseURL: dbURL, Dir: dir, ServiceEnv: map[string][]string{}}
	var profiles map[string]string
	if s.profile {
		if opts.ServiceEnv, profiles, err = profilerEnv(); err != nil {
			return err
		}
	}
	opts.ServiceEnv["intake"] = append(opts.ServiceEnv["intake"], "MOTCUA_SMTP_URL="+mp.SMTPURL)
	c, err := cluster.Start(ctx, opts)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := cluster.LoadDemo(ctx, dbURL); err != nil {
		return err
	}
	offices := append([]string{demo.DistrictDesk}, demo.CommuneCodes()...)
	if err := cluster.AddAccount(ctx, dbURL, "bench.desk", "bench-password-1", "desk", offices); err != nil {
		return err
	}
	b := &bench{s: s, c: c, dbURL: dbURL, offices: offices, client: apiclient.NewClient(4 * s.concurrency)}
	if b.token, err = b.client.Token(ctx, c.Intake.Addr, "bench.desk", "bench-password-1"); err != nil {
		return err
	}
	if b.db, err = benchkit.OpenPool(ctx, dbURL, 64); err != nil {
		return err
	}
	defer b.db.Close()

	var r results
	r.Machine = benchkit.Machine()
	step("warming up")
	if _, err := b.registerMany(ctx, 300); err != nil {
		return err
	}
	step("(a) registrations through HTTP, each folded by status")
	stopProfiles := startProfiles(ctx, profiles, filepath.Dir(s.out), "registrations")
	r.Registrations, err = b.registrationThroughput(ctx)
	stopProfiles()
	if err != nil {
		return err
	}
	step("(a) baseline: single-row INSERT transactions")
	if r.InsertBaseline, err = b.insertBaseline(ctx); err != nil {
		return err
	}
	step("(b) citizen lookups")
	stopProfiles = startProfiles(ctx, profiles, filepath.Dir(s.out), "lookups")
	r.Lookups, err = b.lookupThroughput(ctx)
	stopProfiles()
	if err != nil {
		return err
	}
	step("(b) baseline: a bare chi handler returning a constant")
	if r.ConstantBaseline, err = b.constantBaseline(ctx, dir); err != nil {
		return err
	}
	step(fmt.Sprintf("(c) commit-to-visible latency at %d registrations per second", s.latencyRate))
	before := len(b.receipts)
	if r.Latency, err = b.latency(ctx); err != nil {
		return err
	}
	step("(b') first lookups of the dossiers of (c): none in memory")
	if r.ColdLookups, err = b.coldLookups(ctx, b.receipts[before:]); err != nil {
		return err
	}
	if r.CacheHitRate, err = cacheHitRate(c.Status.Addr); err != nil {
		return err
	}
	for _, p := range c.Services() {
		kib, err := p.PeakRSSKiB()
		if err != nil {
			return err
		}
		r.PeakMemoryMiB = append(r.PeakMemoryMiB, memory{Process: p.Name, MiB: float64(kib) / 1024})
	}
	step(fmt.Sprintf("(e) %d submissions online with a %d KiB file each, and the disk's own rate", s.online, s.onlineBytes>>10))
	if r.Online, err = b.onlineThroughput(ctx, dir, s.online, s.onlineBytes); err != nil {
		return err
	}
	if r.Notices, err = b.notices(ctx, mp); err != nil {
		return err
	}
	r.compute()
	r.print(os.Stdout)
	return r.write(s.out)
}

func step(msg string) { fmt.Fprintf(os.Stderr, "· %s\n", msg) }
