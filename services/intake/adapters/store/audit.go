package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
)

var _ app.ReadStore = (*Dossiers)(nil)

// ReadsOfDossier are the audited reads of the dossier with code, oldest first.
func (s *Dossiers) ReadsOfDossier(ctx context.Context, code string, limit int) ([]app.Read, bool, error) {
	var exists bool
	if err := s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM dossiers WHERE code = $1)", code).Scan(&exists); err != nil {
		return nil, false, fmt.Errorf("audited reads: %w", err)
	}
	if !exists {
		return nil, false, nil
	}
	reads, err := s.reads(ctx, "d.code = $1", code, limit)
	return reads, true, err
}

// ReadsBy are the audited reads by username from since, oldest first.
func (s *Dossiers) ReadsBy(ctx context.Context, username string, since time.Time, limit int) ([]app.Read, error) {
	return s.reads(ctx, "r.username = $1 AND r.at >= $3", username, limit, since)
}

func (s *Dossiers) reads(ctx context.Context, where string, arg any, limit int, more ...any) ([]app.Read, error) {
	rows, err := s.pool.Query(ctx, `SELECT r.at, r.username, r.purpose, d.code FROM personal_data_reads r
		JOIN dossiers d ON d.id = r.dossier_id WHERE `+where+` ORDER BY r.at, r.id LIMIT $2`,
		append([]any{arg, limit}, more...)...)
	if err != nil {
		return nil, fmt.Errorf("audited reads: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (app.Read, error) {
		var x app.Read
		err := r.Scan(&x.At, &x.Username, &x.Purpose, &x.DossierCode)
		return x, err
	})
}
