package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// Event is a step of a shipment as stored. The recipient's name and ID digits arrive
// sealed.
type Event struct {
	EventID             uuid.UUID
	ShipmentID          uuid.UUID
	Version             int
	Type                string
	OccurredAt          time.Time
	RecordedAt          time.Time
	Username            string
	PostOffice          string
	Automatic           bool
	SealNumber          string
	ReasonCode          string
	ActionCode          string
	Relation            string
	RecipientNameSealed []byte
	IDLast4Sealed       []byte
	SignaturePNG        []byte
	// RequestHash and Answer make a worker's resent event give the first answer.
	RequestHash []byte
	Answer      []byte
}

// InsertEvent stores a step.
func InsertEvent(ctx context.Context, tx pgx.Tx, e Event) error {
	_, err := tx.Exec(ctx, `INSERT INTO shipment_events (event_id, shipment_id, version, type, occurred_at, username,
		post_office, automatic, seal_number, reason_code, action_code, relation, recipient_name_sealed, id_last4_sealed,
		signature_png, request_hash, answer)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
		e.EventID, e.ShipmentID, e.Version, e.Type, e.OccurredAt, e.Username, e.PostOffice, e.Automatic, e.SealNumber,
		e.ReasonCode, e.ActionCode, e.Relation, e.RecipientNameSealed, e.IDLast4Sealed, e.SignaturePNG, e.RequestHash, e.Answer)
	if err != nil {
		return fmt.Errorf("insert shipment event: %w", err)
	}
	return nil
}

// SetAnswer keeps the answer given to the worker's event id.
func SetAnswer(ctx context.Context, tx pgx.Tx, id uuid.UUID, answer []byte) error {
	if _, err := tx.Exec(ctx, "UPDATE shipment_events SET answer = $2 WHERE event_id = $1", id, answer); err != nil {
		return fmt.Errorf("keep answer: %w", err)
	}
	return nil
}

// Prior is a worker's event recorded before: which shipment, what was sent, what was answered.
type Prior struct {
	TrackingNumber string
	RequestHash    []byte
	Answer         []byte
}

// PriorEvent returns the event with id recorded before, if any.
func PriorEvent(ctx context.Context, q Querier, id uuid.UUID) (Prior, bool, error) {
	var p Prior
	err := q.QueryRow(ctx, `SELECT s.tracking_number, coalesce(e.request_hash, ''), coalesce(e.answer, '')
		FROM shipment_events e JOIN shipments s ON s.id = e.shipment_id WHERE e.event_id = $1`, id).
		Scan(&p.TrackingNumber, &p.RequestHash, &p.Answer)
	if errors.Is(err, pgx.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("read shipment event: %w", err)
	}
	return p, true, nil
}

// EventsOf lists the steps of the shipment with id, in order.
func (s *Store) EventsOf(ctx context.Context, id uuid.UUID) ([]Event, error) {
	rows, err := s.pool.Query(ctx, `SELECT event_id, shipment_id, version, type, occurred_at, recorded_at, username,
		post_office, automatic, seal_number, reason_code, action_code, relation, recipient_name_sealed, id_last4_sealed
		FROM shipment_events WHERE shipment_id = $1 ORDER BY version`, id)
	if err != nil {
		return nil, fmt.Errorf("list shipment events: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (e Event, err error) {
		err = r.Scan(&e.EventID, &e.ShipmentID, &e.Version, &e.Type, &e.OccurredAt, &e.RecordedAt, &e.Username,
			&e.PostOffice, &e.Automatic, &e.SealNumber, &e.ReasonCode, &e.ActionCode, &e.Relation,
			&e.RecipientNameSealed, &e.IDLast4Sealed)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("list shipment events: %w", err)
	}
	return out, nil
}
