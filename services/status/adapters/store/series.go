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
	args, err := s.periodArgs(f, monthStarts(starts, s.loc))
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `WITH `+partsSQL+`
	SELECT width_bucket(at, $14::timestamptz[]) AS part, `+countersSQL+`
	FROM parts GROUP BY part`, append(args, f.Now, s.zone, starts)...)
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
