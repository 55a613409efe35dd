package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/allinone/benchkit"
	"github.com/motcua/motcua/services/allinone/cluster"
	"github.com/motcua/motcua/services/platform/apiclient"
)

// bench holds what the phases share.
type bench struct {
	s       settings
	c       *cluster.Cluster
	dbURL   string
	db      *pgxpool.Pool
	client  *apiclient.Client
	token   string
	offices []string

	mu       sync.Mutex
	receipts []apiclient.Receipt
}

var serial atomic.Int64

// registerOne registers one dossier and keeps its receipt for the lookups.
func (b *bench) registerOne(ctx context.Context) (apiclient.Receipt, error) {
	i := int(serial.Add(1))
	office := b.offices[i%len(b.offices)]
	r, status, err := b.client.Register(ctx, b.c.Intake.Addr, b.token, "", apiclient.Registration(office, "2.000720", i))
	if err != nil {
		return r, err
	}
	if status != http.StatusCreated {
		return r, fmt.Errorf("registration answered %d", status)
	}
	b.mu.Lock()
	b.receipts = append(b.receipts, r)
	b.mu.Unlock()
	return r, nil
}

func (b *bench) registerMany(ctx context.Context, n int) (time.Duration, error) {
	start := time.Now()
	err := benchkit.Parallel(ctx, n, b.s.concurrency, func(ctx context.Context, _ int) error {
		_, err := b.registerOne(ctx)
		return err
	})
	return time.Since(start), err
}

// folded counts the dossiers status holds.
func (b *bench) folded(ctx context.Context) (int, error) {
	var n int
	err := b.db.QueryRow(ctx, "SELECT count(*) FROM status.dossiers").Scan(&n)
	return n, err
}

// waitFolded waits until status holds want dossiers.
func (b *bench) waitFolded(ctx context.Context, want int) error {
	deadline := time.Now().Add(2 * time.Minute)
	for {
		n, err := b.folded(ctx)
		if err != nil {
			return err
		}
		if n >= want {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("status holds %d dossiers, want %d", n, want)
		}
		time.Sleep(20 * time.Millisecond) // a count scans the table: poll gently
	}
}

// registrationThroughput is figure (a): the clock stops when status has folded them all.
func (b *bench) registrationThroughput(ctx context.Context) (rate, error) {
	if err := b.waitFolded(ctx, len(b.receipts)); err != nil {
		return rate{}, err
	}
	before := len(b.receipts)
	start := time.Now()
	if _, err := b.registerMany(ctx, b.s.registrations); err != nil {
		return rate{}, err
	}
	if err := b.waitFolded(ctx, before+b.s.registrations); err != nil {
		return rate{}, err
	}
	return newRate(b.s.registrations, time.Since(start)), nil
}

// insertBaseline is the baseline of (a): single-row INSERT transactions through pgx at
// the same concurrency on the same server.
func (b *bench) insertBaseline(ctx context.Context) (rate, error) {
	if _, err := b.db.Exec(ctx, `CREATE TABLE IF NOT EXISTS public.bench_baseline (
		id uuid PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return rate{}, err
	}
	n := b.s.registrations
	start := time.Now()
	err := benchkit.Parallel(ctx, n, b.s.concurrency, func(ctx context.Context, i int) error {
		_, err := b.db.Exec(ctx, "INSERT INTO public.bench_baseline (id, payload) VALUES ($1, $2)", uuid.New(), "baseline row")
		return err
	})
	return newRate(n, time.Since(start)), err
}

// lookupThroughput is figure (b): GET /track/{code}?pin= for dossiers registered above,
// each looked up several times (as citizens refresh), so most views come from memory.
func (b *bench) lookupThroughput(ctx context.Context) (rate, error) {
	return b.lookups(ctx, b.receipts, b.s.lookups)
}

// coldLookups looks up, once each, dossiers never looked up before: every view comes
// from the database.
func (b *bench) coldLookups(ctx context.Context, receipts []apiclient.Receipt) (rate, error) {
	return b.lookups(ctx, receipts, len(receipts))
}

// lookups reads each answer whole and checks its status, as the baseline of (b) does;
// every 500th answer is also decoded and its code checked.
func (b *bench) lookups(ctx context.Context, receipts []apiclient.Receipt, n int) (rate, error) {
	start := time.Now()
	err := benchkit.Parallel(ctx, n, b.s.concurrency, func(ctx context.Context, i int) error {
		r := receipts[i%len(receipts)]
		if i%500 == 0 {
			status, body, err := b.client.Track(ctx, b.c.Status.Addr, r.Code, r.LookupPIN)
			if err != nil {
				return err
			}
			if status != http.StatusOK || body["code"] != r.Code {
				return fmt.Errorf("lookup of %s answered %d with code %v", r.Code, status, body["code"])
			}
			return nil
		}
		u := "http://" + b.c.Status.Addr + "/api/v1/track/" + url.PathEscape(r.Code) + "?pin=" + url.QueryEscape(r.LookupPIN)
		return benchkit.Get(ctx, b.client.HTTP, u, nil)
	})
	return newRate(n, time.Since(start)), err
}
