package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/pickup"
	"github.com/motcua/motcua/services/worktime"
)

var (
	_ app.PickupStore = (*Store)(nil)
	_ app.PickupTaker = (*Tx)(nil)
)

const pickupColumns = `id, tracking_number, procedure_code, receiving_office, post_office, pickup_date, slot,
	address_sealed, contact_sealed, contact_index, coalesce(idempotency_key, ''), request_hash, asked_at`

func scanPickup(row pgx.Row) (r app.PickupRequest, err error) {
	var day time.Time
	var slot string
	err = row.Scan(&r.ID, &r.TrackingNumber, &r.ProcedureCode, &r.ReceivingOffice, &r.PostOffice, &day, &slot,
		&r.AddressSealed, &r.ContactSealed, &r.ContactIndex, &r.IdempotencyKey, &r.RequestHash, &r.AskedAt)
	r.Day, r.Slot = worktime.DateOf(day), pickup.Slot(slot)
	return r, err
}

// AskPickup keeps a pickup asked for with its message, in one transaction (see
// app.PickupStore).
func (s *Store) AskPickup(ctx context.Context, r app.PickupRequest, msg outbox.Message) (app.PickupRequest, bool, error) {
	kept, asked := r, false
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO pickup_requests (id, tracking_number, procedure_code, receiving_office,
			post_office, pickup_date, slot, address_sealed, contact_sealed, contact_index, idempotency_key, request_hash,
			asked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, nullif($11, ''), $12, $13)
			ON CONFLICT (contact_index, idempotency_key) DO NOTHING`,
			r.ID, r.TrackingNumber, r.ProcedureCode, r.ReceivingOffice, r.PostOffice, r.Day.String(), string(r.Slot),
			r.AddressSealed, r.ContactSealed, r.ContactIndex, r.IdempotencyKey, r.RequestHash, r.AskedAt)
		if err != nil {
			return fmt.Errorf("keep the pickup asked: %w", err)
		}
		if tag.RowsAffected() == 0 {
			kept, err = scanPickup(tx.QueryRow(ctx, "SELECT "+pickupColumns+
				" FROM pickup_requests WHERE contact_index = $1 AND idempotency_key = $2", r.ContactIndex, r.IdempotencyKey))
			return err
		}
		asked = true
		return outbox.Add(ctx, tx, msg)
	})
	return kept, asked, err
}

// AskedPickups lists the pickups asked at postOffice for day, not yet taken.
func (r queries) AskedPickups(ctx context.Context, postOffice string, day worktime.Date) ([]app.PickupRequest, error) {
	rows, err := r.db.Query(ctx, "SELECT "+pickupColumns+` FROM pickup_requests
		WHERE post_office = $1 AND pickup_date = $2 AND dossier_id IS NULL ORDER BY slot DESC, asked_at, id`,
		postOffice, day.String())
	if err != nil {
		return nil, fmt.Errorf("asked pickups: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (app.PickupRequest, error) { return scanPickup(row) })
}

// TakePickup marks the pickup with trackingNumber taken by dossier (see app.PickupTaker).
func (t *Tx) TakePickup(ctx context.Context, trackingNumber string, dossier uuid.UUID, at time.Time) (app.PickupRequest, bool, error) {
	// Taken by the same dossier already, it is that dossier's still: its Received event
	// applied again (a replay) finds it.
	r, err := scanPickup(t.tx.QueryRow(ctx, `UPDATE pickup_requests SET dossier_id = $2, taken_at = coalesce(taken_at, $3)
		WHERE tracking_number = $1 AND (dossier_id IS NULL OR dossier_id = $2) RETURNING `+pickupColumns,
		trackingNumber, dossier, at))
	if errors.Is(err, pgx.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("take the pickup asked: %w", err)
	}
	return r, true, nil
}
