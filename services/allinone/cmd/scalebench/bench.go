package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/allinone/benchkit"
	"github.com/motcua/motcua/services/allinone/cluster"
	"github.com/motcua/motcua/services/allinone/scaledata"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// bench holds what the sizes share: the processes, the loader, the accounts' tokens and
// the dossiers kept for lookups.
type bench struct {
	s      settings
	dir    string
	c      *cluster.Cluster
	drop   func()
	db     *pgxpool.Pool
	loader *scaledata.Loader
	client *apiclient.Client
	// desk works at the district desk; supervisor watches every office.
	desk, supervisor string
	// samples are loaded dossiers not looked up yet, in a random order.
	samples []scaledata.Dossier
	rng     *rand.Rand
}

const password = "scale-bench-password-1"

// start builds the services, starts them on a fresh database with the demo data and the
// bench's accounts, and prepares the loader with the services' keys.
func start(ctx context.Context, s settings) (*bench, error) {
	b := &bench{s: s, client: apiclient.NewClient(4 * s.clients), rng: rand.New(rand.NewPCG(s.seed, 0))}
	var err error
	if b.dir, err = os.MkdirTemp("", "motcua-scale-"); err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			b.close()
		}
	}()
	step("building binaries")
	bin, err := cluster.Build(ctx, b.dir)
	if err != nil {
		return nil, err
	}
	dbURL, drop, err := pgtest.CreateDatabase(ctx, s.databaseURL)
	if err != nil {
		return nil, err
	}
	b.drop = drop
	step("starting nats-server, intake, status and postal as separate processes")
	if b.c, err = cluster.Start(ctx, cluster.Options{Bin: bin, DatabaseURL: dbURL, Dir: b.dir}); err != nil {
		return nil, err
	}
	if err := cluster.LoadDemo(ctx, dbURL); err != nil {
		return nil, err
	}
	all := append([]string{demo.DistrictDesk, demo.LandOffice}, demo.CommuneCodes()...)
	for _, a := range []struct {
		user, role string
		offices    []string
	}{{"scale.desk", "desk", []string{demo.DistrictDesk}}, {"scale.supervisor", "supervisor", all}} {
		if err := cluster.AddAccount(ctx, dbURL, a.user, password, a.role, a.offices); err != nil {
			return nil, err
		}
	}
	if b.desk, err = b.client.Token(ctx, b.c.Intake.Addr, "scale.desk", password); err != nil {
		return nil, err
	}
	if b.supervisor, err = b.client.Token(ctx, b.c.Intake.Addr, "scale.supervisor", password); err != nil {
		return nil, err
	}
	if b.db, err = benchkit.OpenPool(ctx, dbURL, 8); err != nil {
		return nil, err
	}
	keys, err := scaledata.KeysOf(b.c.Keys)
	if err != nil {
		return nil, err
	}
	b.loader, err = scaledata.New(ctx, b.db, scaledata.Options{Seed: s.seed, Keys: keys, Progress: progress()})
	if err != nil {
		return nil, err
	}
	ok = true
	return b, nil
}

// progress prints the number of dossiers loaded every ten seconds.
func progress() func(int) {
	last := time.Now()
	return func(n int) {
		if time.Since(last) >= 10*time.Second {
			last = time.Now()
			fmt.Fprintf(os.Stderr, "  %d dossiers loaded\n", n)
		}
	}
}

func (b *bench) close() {
	if b.db != nil {
		b.db.Close()
	}
	if b.c != nil {
		b.c.Close()
	}
	if b.drop != nil {
		b.drop()
	}
	os.RemoveAll(b.dir)
}

// samplesPerLoad is how many of the dossiers each load adds are kept for lookups: more
// than the lookups of every size to come need, spread over all the dossiers.
const samplesPerLoad = 2000

// size loads dossiers up to n and measures every figure at that size.
func (b *bench) size(ctx context.Context, n int) (sizeResult, error) {
	r := sizeResult{Dossiers: n}
	step(fmt.Sprintf("loading up to %d dossiers", n))
	added, err := b.loader.Load(ctx, n, max(1, (n-b.loader.Loaded())/samplesPerLoad))
	if err != nil {
		return r, err
	}
	r.LoadSeconds, r.SettleSeconds, r.Rows = added.Took.Seconds(), added.Settled.Seconds(), added.Rows
	b.samples = append(b.samples, added.Samples...)
	b.rng.Shuffle(len(b.samples), func(i, j int) { b.samples[i], b.samples[j] = b.samples[j], b.samples[i] })
	step(fmt.Sprintf("%d dossiers loaded in %.0fs, VACUUM ANALYZE %.0fs", added.To-added.From, r.LoadSeconds, r.SettleSeconds))
	if err := b.db.QueryRow(ctx, "SELECT pg_database_size(current_database()) / 1048576.0").Scan(&r.DatabaseMiB); err != nil {
		return r, err
	}
	r.ResidentAtStartByProcess = map[string]float64{}
	for _, p := range b.c.Services() {
		if err := cluster.ResetPeakRSS(p); err != nil {
			return r, err
		}
		if r.ResidentAtStartByProcess[p.Name], err = residentMiB(p.Pid()); err != nil {
			return r, err
		}
	}
	if err := b.measureAll(ctx, &r); err != nil {
		return r, err
	}
	r.PeakRSSByProcess = map[string]float64{}
	for _, p := range b.c.Services() {
		kib, err := p.PeakRSSKiB()
		if err != nil {
			return r, err
		}
		mib := float64(kib) / 1024
		r.PeakRSSByProcess[p.Name] = mib
		r.PeakRSSMiB = max(r.PeakRSSMiB, mib)
	}
	r.summarize()
	return r, nil
}
