package store

import (
	"context"
	"fmt"

	"github.com/motcua/motcua/services/status/app/indicators"
)

var _ indicators.AtRiskDossiers = (*Store)(nil)

// atRiskSQL keeps the dossiers d at risk (worktime.Calendar.AtRisk): open, not
// withdrawn, their clock started and running, due at or after the instant of the
// placeholder now and no later than the cut-off of the placeholder until. The
// appointment is read as queue_at, which it is once there is one, so that the partial
// index of migration 0009 (whose predicate the first three conditions repeat) gives the
// range in the lists' order.
func atRiskSQL(now, until string) string {
	return `d.finished_at IS NULL AND d.paused_at IS NULL AND d.due_at IS NOT NULL AND d.status <> 'withdrawn'
		AND d.queue_at >= ` + now + `::timestamptz AND d.queue_at <= ` + until + `::timestamptz`
}

// CountAtRisk counts the dossiers at risk of f among open_dossiers (open, received, not
// withdrawn: the work in hand, narrow rows): those whose clock runs, due from f.Now to
// f.Until, of the offices, office and procedure asked for; the same dossiers as atRiskSQL
// keeps in the staff lists.
func (s *Store) CountAtRisk(ctx context.Context, f indicators.AtRiskFilter) (int64, error) {
	if len(f.Within) == 0 {
		return 0, nil
	}
	var n int64
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM open_dossiers o
		WHERE o.paused_at IS NULL AND o.due_at >= $1 AND o.due_at <= $2
			AND o.offices && $3::text[]
			AND ($4::text = '' OR o.offices @> ARRAY[$4::text])
			AND ($5::text = '' OR o.procedure_code = $5)`,
		f.Now, f.Until, f.Within, f.Office, f.Procedure).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count dossiers at risk: %w", err)
	}
	return n, nil
}
