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
// how many there are in all. They are chosen among open_dossiers (open, received, not
// withdrawn: the work in hand, narrow rows), and only the page is read from the
// dossiers.
func (s *Store) Overdue(ctx context.Context, f indicators.OverdueFilter) ([]indicators.OverdueDossier, int64, error) {
	if len(f.Within) == 0 {
		return nil, 0, nil
	}
	rows, err := s.pool.Query(ctx, `WITH o AS (
		SELECT o.id, o.code, COALESCE(o.paused_at, $1) - o.due_at AS late, count(*) OVER () AS total
		FROM open_dossiers o
		WHERE o.due_at < $1 AND COALESCE(o.paused_at, $1) > o.due_at
			AND o.offices && $2::text[]
			AND ($3::text = '' OR o.offices @> ARRAY[$3::text])
			AND ($4::text = '' OR o.procedure_code = $4)
		ORDER BY late DESC, o.code
		LIMIT $5
	)
	SELECT d.code, d.procedure_code, d.procedure_name, d.handling_office_code, d.handling_office_name,
		d.current_office_code, d.current_office_name, d.status, d.channel, d.received_at, d.due_at, d.paused_at, o.total
	FROM o JOIN dossiers d ON d.id = o.id
	ORDER BY o.late DESC, o.code`, f.Now, f.Within, f.Office, f.Procedure, f.Limit)
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
