package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/status/app/indicators"
)

var _ indicators.OverdueDossiers = (*Store)(nil)

// Overdue returns up to f.Limit open dossiers overdue at f.Now, the latest first (by
// the time between their appointment and Now, or the moment their clock stopped), and
// how many there are in all. Only open dossiers are read, through the partial index on
// their appointments; only received ones, as in every figure (a dossier has an
// appointment once received, but its events may be folded out of order).
func (s *Store) Overdue(ctx context.Context, f indicators.OverdueFilter) ([]indicators.OverdueDossier, int64, error) {
	if len(f.Within) == 0 {
		return nil, 0, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT code, procedure_code, procedure_name, handling_office_code,
		handling_office_name, current_office_code, current_office_name, status, channel, received_at, due_at,
		paused_at, count(*) OVER ()
		FROM dossiers
		WHERE finished_at IS NULL AND due_at < $1 AND status <> 'withdrawn' AND received_at IS NOT NULL
			AND COALESCE(paused_at, $1) > due_at
			AND offices && $2::text[]
			AND ($3::text = '' OR offices @> ARRAY[$3::text])
			AND ($4::text = '' OR procedure_code = $4)
		ORDER BY COALESCE(paused_at, $1) - due_at DESC, code
		LIMIT $5`, f.Now, f.Within, f.Office, f.Procedure, f.Limit)
	if err != nil {
		return nil, 0, fmt.Errorf("overdue dossiers: %w", err)
	}
	var total int64
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (indicators.OverdueDossier, error) {
		var d indicators.OverdueDossier
		err := row.Scan(&d.Code, &d.ProcedureCode, &d.ProcedureName, &d.HandlingOfficeCode, &d.HandlingOfficeName,
			&d.CurrentOfficeCode, &d.CurrentOfficeName, &d.Status, &d.Channel, &d.ReceivedAt, &d.DueAt, &d.PausedAt, &total)
		return d, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("overdue dossiers: %w", err)
	}
	return out, total, nil
}
