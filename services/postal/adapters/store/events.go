package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/motcua/motcua/services/postal/app"
)

// insertEvent stores a step, with the answer to give again for its id (nil for none).
// An id another shipment's event took (sent at the same moment, so the app's check
// could not see it) is app.ErrEventReused.
func (t *Tx) insertEvent(ctx context.Context, e app.EventRecord, answer []byte) error {
	_, err := t.tx.Exec(ctx, `INSERT INTO shipment_events (event_id, shipment_id, version, type, occurred_at, username,
		post_office, automatic, seal_number, reason_code, action_code, relation, recipient_name_sealed, id_last4_sealed,
		signature_png, request_hash, answer)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
		e.EventID, e.ShipmentID, e.Version, e.Type, e.OccurredAt, e.Username, e.PostOffice, e.Automatic, e.SealNumber,
		e.ReasonCode, e.ActionCode, e.Relation, e.RecipientNameSealed, e.IDLast4Sealed, e.SignatureSealed, e.RequestHash, answer)
	if isUniqueViolation(err, "shipment_events_pkey") {
		return app.ErrEventReused
	}
	if err != nil {
		return fmt.Errorf("insert shipment event: %w", err)
	}
	return nil
}

// uniqueViolation is PostgreSQL's code for a unique constraint refusing a row.
const uniqueViolation = "23505"

// isUniqueViolation reports whether err is constraint refusing a row it already holds.
func isUniqueViolation(err error, constraint string) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == uniqueViolation && pgErr.ConstraintName == constraint
}

// PriorEvent returns the event with id recorded before, if any, with the answer it was
// given, decoded back into the app's View.
func (r queries) PriorEvent(ctx context.Context, id uuid.UUID) (app.PriorEvent, bool, error) {
	var p app.PriorEvent
	var answer []byte
	err := r.db.QueryRow(ctx, `SELECT s.tracking_number, coalesce(e.request_hash, ''), coalesce(e.answer, '')
		FROM shipment_events e JOIN shipments s ON s.id = e.shipment_id WHERE e.event_id = $1`, id).
		Scan(&p.TrackingNumber, &p.RequestHash, &answer)
	if errors.Is(err, pgx.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("read shipment event: %w", err)
	}
	p.Answer, err = decodeAnswer(answer)
	return p, err == nil, err
}

// Events lists the steps of the shipment with id, in order.
func (r queries) Events(ctx context.Context, shipmentID uuid.UUID) ([]app.EventRecord, error) {
	rows, err := r.db.Query(ctx, `SELECT e.event_id, e.shipment_id, e.version, e.type, e.occurred_at, e.recorded_at,
		e.username, e.post_office, e.automatic, e.seal_number, e.reason_code, e.action_code, e.relation,
		e.recipient_name_sealed, e.id_last4_sealed, coalesce(h.handover_id, '00000000-0000-0000-0000-000000000000')
		FROM shipment_events e LEFT JOIN handover_items h ON h.event_id = e.event_id
		WHERE e.shipment_id = $1 ORDER BY e.version`, shipmentID)
	if err != nil {
		return nil, fmt.Errorf("list shipment events: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (e app.EventRecord, err error) {
		err = row.Scan(&e.EventID, &e.ShipmentID, &e.Version, &e.Type, &e.OccurredAt, &e.RecordedAt, &e.Username,
			&e.PostOffice, &e.Automatic, &e.SealNumber, &e.ReasonCode, &e.ActionCode, &e.Relation,
			&e.RecipientNameSealed, &e.IDLast4Sealed, &e.Handover)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("list shipment events: %w", err)
	}
	return out, nil
}
