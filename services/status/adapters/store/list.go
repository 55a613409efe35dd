package store

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/status/app/stafflist"
)

var _ stafflist.Dossiers = (*Store)(nil)

// listSQL selects the dossiers of a staff list, but for their status, and starts after
// a position of the order (queue_at, id): the first page after the earliest there is.
// A dossier without an appointment is never due before anything nor late.
const listSQL = `SELECT ` + summaryColumns + `, d.channel, d.queue_at
	FROM dossiers d
	WHERE offices && $1::text[]
		AND ($2::timestamptz IS NULL OR due_at < $2)
		AND (NOT $3::bool
			OR (finished_at IS NOT NULL AND timing = 'late')
			OR (finished_at IS NULL AND COALESCE(paused_at, $4) > due_at))
		AND (queue_at, id) > (COALESCE($5::timestamptz, '-infinity'), $6::uuid)`

// listOrderSQL orders and cuts a staff list.
const listOrderSQL = ` ORDER BY queue_at, id LIMIT $7`

// List returns up to f.Limit dossiers matching f, in the order of stafflist.Position:
// by queue_at (the appointment, or the submission of a dossier no desk has received
// yet), then id. The offices filter is served by the GIN index on offices, the order and
// the paging by the index on (queue_at, id), or on (status, queue_at, id) for the list
// of one status, or on the running dossiers' (queue_at, id) for those at risk: the
// status and the at-risk conditions are written into the statement only when asked
// for, so that its plan keeps to that index whatever the parameters.
func (s *Store) List(ctx context.Context, f stafflist.Filter) ([]stafflist.Dossier, error) {
	var afterAt *time.Time
	var afterID uuid.UUID
	if f.After != nil {
		afterAt, afterID = &f.After.At, f.After.ID
	}
	query, args := listSQL, []any{f.Offices, f.DueBefore, f.Late, f.Now, afterAt, afterID, f.Limit}
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if f.Status != "" {
		query += ` AND status = ` + arg(f.Status)
	}
	if f.AtRisk {
		query += ` AND ` + atRiskSQL("$4", arg(f.AtRiskUntil))
	}
	rows, err := s.pool.Query(ctx, query+listOrderSQL, args...)
	if err != nil {
		return nil, fmt.Errorf("list dossiers: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (stafflist.Dossier, error) {
		var d stafflist.Dossier
		err := row.Scan(append(summaryTargets(&d.Summary), &d.Channel, &d.QueueAt)...)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("list dossiers: %w", err)
	}
	return out, nil
}
