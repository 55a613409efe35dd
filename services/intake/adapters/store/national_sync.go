package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/delivery"
)

// NationalSync reads the records owed to the national portal.
type NationalSync struct{ pool *pgxpool.Pool }

var _ app.NationalSyncStore = NationalSync{}

// NewNationalSync reads the records in the pool's schema.
func NewNationalSync(pool *pgxpool.Pool) NationalSync { return NationalSync{pool: pool} }

// SyncBacklog counts the records waiting and dead.
func (s NationalSync) SyncBacklog(ctx context.Context) (app.SyncBacklog, error) {
	b, err := delivery.Count(ctx, s.pool, NationalSyncRecords)
	if err != nil {
		return app.SyncBacklog{}, err
	}
	out := app.SyncBacklog{Pending: b.Pending, Failed: b.Dead}
	if !b.LastSentAt.IsZero() {
		out.LastSentAt = &b.LastSentAt
	}
	return out, nil
}

// FailedSyncRecords returns the oldest limit dead records.
func (s NationalSync) FailedSyncRecords(ctx context.Context, limit int) ([]app.SyncRecord, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, dossier_code, status, status_code, tries, last_error, created_at
		FROM national_sync WHERE state = 'dead' ORDER BY seq LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("list failed sync records: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (app.SyncRecord, error) {
		var s app.SyncRecord
		err := r.Scan(&s.ID, &s.DossierCode, &s.Status, &s.StatusCode, &s.Tries, &s.LastError, &s.CreatedAt)
		return s, err
	})
	if err != nil {
		return nil, fmt.Errorf("list failed sync records: %w", err)
	}
	return list, nil
}

// ResendSyncRecord puts the record id back to be sent now.
func (s NationalSync) ResendSyncRecord(ctx context.Context, id uuid.UUID) error {
	err := delivery.Again(ctx, s.pool, NationalSyncRecords, id)
	if errors.Is(err, delivery.ErrNotFound) {
		return app.ErrNoSyncRecord
	}
	return err
}
