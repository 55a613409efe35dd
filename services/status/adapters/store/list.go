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

// List returns up to f.Limit dossiers matching f, by appointment then id. The offices
// filter is served by the GIN index on offices, the order and the paging by
// (due_at, id).
func (s *Store) List(ctx context.Context, f stafflist.Filter) ([]stafflist.Dossier, error) {
	var afterDue *time.Time
	var afterID uuid.UUID
	if f.After != nil {
		afterDue, afterID = &f.After.DueAt, f.After.ID
	}
	rows, err := s.pool.Query(ctx, `SELECT `+summaryColumns+`, d.channel
		FROM dossiers d
		WHERE offices && $1::text[]
			AND ($2::text = '' OR status = $2)
			AND ($3::timestamptz IS NULL OR due_at < $3)
			AND (NOT $4::bool
				OR (finished_at IS NOT NULL AND timing = 'late')
				OR (finished_at IS NULL AND COALESCE(paused_at, $5) > due_at))
			AND ($6::timestamptz IS NULL OR (due_at, id) > ($6, $7::uuid))
		ORDER BY due_at, id
		LIMIT $8`, f.Offices, f.Status, f.DueBefore, f.Late, f.Now, afterDue, afterID, f.Limit)
	if err != nil {
		return nil, fmt.Errorf("list dossiers: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (stafflist.Dossier, error) {
		var d stafflist.Dossier
		err := row.Scan(append(summaryTargets(&d.Summary), &d.Channel)...)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("list dossiers: %w", err)
	}
	return out, nil
}
