package store

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// ListFilter selects a page of dossiers for staff.
type ListFilter struct {
	// Offices: dossiers that belonged to any of them (never empty in practice).
	Offices []string
	// Status, when set, keeps only dossiers in that status.
	Status string
	// DueBefore, when set, keeps dossiers due strictly before it.
	DueBefore *time.Time
	// Late keeps dossiers finished late, or open and overdue at Now (paused ones judged
	// when their clock stopped).
	Late bool
	Now  time.Time
	// After, when set, starts the page after this position of the order (due_at, id).
	After *Position
	Limit int
}

// Position is a place in the staff lists' order: by appointment, then id.
type Position struct {
	DueAt time.Time
	ID    uuid.UUID
}

// Listed is one dossier of a staff list.
type Listed struct {
	ID                uuid.UUID
	Code              string
	ProcedureCode     string
	ProcedureName     string
	Status            string
	StatusCode        int
	Channel           string
	ReceivedAt        time.Time
	DueAt             time.Time
	FinishedAt        *time.Time
	PausedAt          *time.Time
	Timing            string
	CurrentOfficeCode string
	CurrentOfficeName string
	PendingOfficeCode string
	PendingOfficeName string
	ApplicantMasked   string
}

// List returns up to f.Limit dossiers matching f, by appointment then id. The offices
// filter is served by the GIN index on offices, the order and the paging by
// (due_at, id).
func (s *Store) List(ctx context.Context, f ListFilter) ([]Listed, error) {
	var afterDue *time.Time
	var afterID uuid.UUID
	if f.After != nil {
		afterDue, afterID = &f.After.DueAt, f.After.ID
	}
	rows, err := s.pool.Query(ctx, `SELECT id, code, procedure_code, procedure_name, status, status_code, channel,
		received_at, due_at, finished_at, paused_at, timing, current_office_code, current_office_name,
		COALESCE(pending_office_code, ''), COALESCE(pending_office_name, ''), applicant_masked
		FROM dossiers
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
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Listed, error) {
		var l Listed
		err := row.Scan(&l.ID, &l.Code, &l.ProcedureCode, &l.ProcedureName, &l.Status, &l.StatusCode, &l.Channel,
			&l.ReceivedAt, &l.DueAt, &l.FinishedAt, &l.PausedAt, &l.Timing, &l.CurrentOfficeCode, &l.CurrentOfficeName,
			&l.PendingOfficeCode, &l.PendingOfficeName, &l.ApplicantMasked)
		return l, err
	})
	if err != nil {
		return nil, fmt.Errorf("list dossiers: %w", err)
	}
	return out, nil
}
