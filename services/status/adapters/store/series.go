package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/status/app/indicators"
)

// Series counts the dossiers of f received in each part of its period, the parts
// beginning at starts (in order; the first at f.From, the last ending at f.To): one
// Counters per part, as Breakdown counts the whole. One pass over partsSQL, grouped by
// width_bucket over the starts; the sums of whole months are read only when every
// part but the first begins a month (parts of weeks read the days).
func (s *Store) Series(ctx context.Context, f indicators.Filter, starts []time.Time) ([]indicators.Counters, error) {
	out := make([]indicators.Counters, len(starts))
	if len(starts) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `WITH `+partsSQL(`NOT EXISTS (SELECT 1 FROM unnest($7::timestamptz[]) WITH ORDINALITY AS t (s, n)
		WHERE t.n > 1 AND t.s AT TIME ZONE zone <> date_trunc('month', t.s AT TIME ZONE zone))`)+`
	SELECT width_bucket(at, $7::timestamptz[]) AS part, `+countersSQL+`
	FROM parts GROUP BY part`, f.From, f.To, f.Now, f.Office, f.Procedure, f.Within, starts)
	if err != nil {
		return nil, fmt.Errorf("series: %w", err)
	}
	var part int
	var c indicators.Counters
	_, err = pgx.ForEachRow(rows, append([]any{&part}, counterTargets(&c)...), func() error {
		if part >= 1 && part <= len(out) {
			out[part-1] = c
		}
		c = indicators.Counters{}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("series: %w", err)
	}
	return out, nil
}
