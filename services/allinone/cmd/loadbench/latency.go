package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/allinone/benchkit"
)

// latency is figure (c): registrations paced at a fixed rate; for each, the time from
// intake's commit to status's commit, both read from PostgreSQL's commit timestamps
// (track_commit_timestamp), so no client clock or polling enters the figure.
func (b *bench) latency(ctx context.Context) (latencyResult, error) {
	every := time.Second / time.Duration(b.s.latencyRate)
	n := int(b.s.latencyFor / every)
	ids := make([]uuid.UUID, 0, n)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr error
	tick := time.NewTicker(every)
	defer tick.Stop()
	before := len(b.receipts)
	for i := 0; i < n; i++ {
		<-tick.C
		wg.Go(func() {
			r, err := b.registerOne(ctx)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = err
			}
			if err == nil {
				ids = append(ids, uuid.MustParse(r.ID))
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return latencyResult{}, firstErr
	}
	if err := b.waitFolded(ctx, before+n); err != nil {
		return latencyResult{}, err
	}
	ms, err := b.commitToVisible(ctx, ids)
	if err != nil {
		return latencyResult{}, fmt.Errorf("read commit timestamps (is track_commit_timestamp on?): %w", err)
	}
	if len(ms) != n {
		return latencyResult{}, fmt.Errorf("found %d of %d dossiers in both schemas", len(ms), n)
	}
	sort.Float64s(ms)
	return latencyResult{Rate: b.s.latencyRate, Count: n, P50ms: benchkit.Percentile(ms, 0.50), P99ms: benchkit.Percentile(ms, 0.99), MaxMs: ms[len(ms)-1]}, nil
}

// commitToVisible reads, for each dossier of ids that both schemas hold, the
// milliseconds from intake's commit of it to status's.
func (b *bench) commitToVisible(ctx context.Context, ids []uuid.UUID) ([]float64, error) {
	rows, err := b.db.Query(ctx, `SELECT extract(epoch FROM pg_xact_commit_timestamp(s.xmin) - pg_xact_commit_timestamp(i.xmin)) * 1000
		FROM status.dossiers s JOIN intake.dossiers i ON i.id = s.id WHERE s.id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[float64])
}
