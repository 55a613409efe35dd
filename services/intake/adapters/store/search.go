package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
)

// Search returns the newest dossiers matching q, newest first.
func (s *Dossiers) Search(ctx context.Context, q app.SearchQuery) ([]app.Found, error) {
	var name any
	if q.NameFolded != "" {
		name = "%" + likeEscaper.Replace(q.NameFolded) + "%"
	}
	rows, err := s.pool.Query(ctx, `SELECT id, code, procedure_code, status, received_at, due_at, applicant_name, current_office
		FROM dossiers
		WHERE (receiving_office = ANY($1) OR handling_office = ANY($1) OR current_office = ANY($1) OR pending_office = ANY($1))
		AND ($2::text IS NULL OR applicant_name_folded LIKE $2)
		AND ($3::bytea IS NULL OR applicant_id_index = $3)
		AND ($4::bytea IS NULL OR applicant_phone_index = $4)
		ORDER BY received_at DESC LIMIT $5`, q.Offices, name, q.IDIndex, q.PhoneIndex, q.Limit)
	if err != nil {
		return nil, fmt.Errorf("search dossiers: %w", err)
	}
	found, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (f app.Found, err error) {
		err = r.Scan(&f.ID, &f.Code, &f.ProcedureCode, &f.Status, orZero(&f.ReceivedAt), orZero(&f.DueAt), &f.ApplicantName, &f.CurrentOffice)
		return f, err
	})
	if err != nil {
		return nil, fmt.Errorf("search dossiers: %w", err)
	}
	return found, nil
}

// likeEscaper makes a text match itself in LIKE.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// RecordReads audits the reads of several dossiers at once.
func (s *Dossiers) RecordReads(ctx context.Context, ids []uuid.UUID, username, purpose string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO personal_data_reads (dossier_id, username, purpose)
		SELECT unnest($1::uuid[]), $2, $3`, ids, username, purpose)
	if err != nil {
		return fmt.Errorf("audit personal data reads: %w", err)
	}
	return nil
}
