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

// CountAtRisk counts the dossiers at risk of f: one range of the index of running
// dossiers between f.Now and f.Until, kept to the offices, office and procedure asked
// for, as the staff list filters them.
func (s *Store) CountAtRisk(ctx context.Context, f indicators.AtRiskFilter) (int64, error) {
	if len(f.Within) == 0 {
		return 0, nil
	}
	var n int64
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM dossiers d
		WHERE `+atRiskSQL("$1", "$2")+`
			AND d.offices && $3::text[]
			AND ($4::text = '' OR d.offices @> ARRAY[$4::text])
			AND ($5::text = '' OR d.procedure_code = $5)`,
		f.Now, f.Until, f.Within, f.Office, f.Procedure).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count dossiers at risk: %w", err)
	}
	return n, nil
}
