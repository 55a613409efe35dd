package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/status/app/citizen"
)

// ShipmentEvent is one event of a shipment as status keeps it: the shipment's state
// after it and the step it adds to the dossier's timeline.
type ShipmentEvent struct {
	// PostalStep is the step on the dossier's timeline: the event's id, when it happened
	// as the postal worker recorded it (OccurredAt for a creation), its type (created, or
	// the type of a recorded event: accepted, picked_up, …), the leg and, for a failed
	// delivery, why.
	citizen.PostalStep
	ShipmentID uuid.UUID
	DossierID  uuid.UUID
	// Version is the shipment's version after the event: 1 for its creation.
	Version int64
	// OccurredAt is when postal committed the event.
	OccurredAt time.Time
	// OriginPostOfficeCode and DestinationPostOfficeCode are the post offices that take
	// the shipment in and deliver it, as its creation names them; empty on the other
	// events.
	OriginPostOfficeCode      string
	DestinationPostOfficeCode string
}

// ErrTrackingNumberTaken is a shipment event naming a tracking number another shipment
// holds: numbers are unique, so no retry can apply it.
var ErrTrackingNumberTaken = errors.New("the tracking number belongs to another shipment")

// FoldShipment applies a shipment event: its step joins the dossier's postal steps
// (once: a replay, by event id or by the shipment's version, changes nothing) and the
// shipment's row takes its state when the event is newer than the row. An older event
// arriving late adds its step and leaves the row as the newer one left it. The row's
// identity (number, dossier, kind, offices) is the first folded event's, which every
// event of the shipment repeats; its created_at is the earliest event's time until the
// creation itself is folded. Its post offices are its creation's; when the post first
// took it in (accepted) and when it was delivered are the earliest such events', for
// the times of its leg.
// ErrNotReceivedYet: the dossier is not in status yet.
func FoldShipment(ctx context.Context, tx pgx.Tx, ev ShipmentEvent) error {
	var known bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM dossiers WHERE id = $1)`, ev.DossierID).Scan(&known); err != nil {
		return fmt.Errorf("fold shipment %s: %w", ev.Type, err)
	}
	if !known {
		return fmt.Errorf("fold shipment %s of dossier %s: %w", ev.TrackingNumber, ev.DossierID, ErrNotReceivedYet)
	}
	tag, err := tx.Exec(ctx, `INSERT INTO shipment_steps (event_id, shipment_id, dossier_id, version, at, type, kind,
		tracking_number, from_office_code, to_office_code, reason_code)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		ON CONFLICT DO NOTHING`,
		ev.EventID, ev.ShipmentID, ev.DossierID, ev.Version, ev.At, ev.Type, ev.Kind, ev.TrackingNumber,
		ev.FromOfficeCode, ev.ToOfficeCode, ev.ReasonCode)
	if err != nil {
		return fmt.Errorf("fold shipment %s: %w", ev.Type, err)
	}
	if tag.RowsAffected() == 0 {
		return nil // folded before
	}
	_, err = tx.Exec(ctx, `INSERT INTO shipments AS s (id, tracking_number, dossier_id, kind, status, reason_code,
		from_office_code, to_office_code, created_at, updated_at, version,
		origin_post_office_code, destination_post_office_code, accepted_at, delivered_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
			CASE WHEN $5 IN ('accepted', 'picked_up') THEN $10::timestamptz END,
			CASE WHEN $5 = 'delivered' THEN $10::timestamptz END)
		ON CONFLICT (id) DO UPDATE SET
			status      = CASE WHEN s.version < EXCLUDED.version THEN EXCLUDED.status ELSE s.status END,
			reason_code = CASE WHEN s.version < EXCLUDED.version THEN EXCLUDED.reason_code ELSE s.reason_code END,
			updated_at  = CASE WHEN s.version < EXCLUDED.version THEN EXCLUDED.updated_at ELSE s.updated_at END,
			created_at  = LEAST(s.created_at, EXCLUDED.created_at),
			version     = GREATEST(s.version, EXCLUDED.version),
			origin_post_office_code      = COALESCE(NULLIF(EXCLUDED.origin_post_office_code, ''), s.origin_post_office_code),
			destination_post_office_code = COALESCE(NULLIF(EXCLUDED.destination_post_office_code, ''),
				s.destination_post_office_code),
			accepted_at  = LEAST(s.accepted_at, EXCLUDED.accepted_at),
			delivered_at = LEAST(s.delivered_at, EXCLUDED.delivered_at)`,
		ev.ShipmentID, ev.TrackingNumber, ev.DossierID, ev.Kind, ev.Type, ev.ReasonCode, ev.FromOfficeCode,
		ev.ToOfficeCode, ev.OccurredAt, ev.At, ev.Version, ev.OriginPostOfficeCode, ev.DestinationPostOfficeCode)
	if uniqueViolation(err, "shipments_tracking_number_key") {
		return fmt.Errorf("fold shipment %s: %w", ev.TrackingNumber, ErrTrackingNumberTaken)
	}
	if err != nil {
		return fmt.Errorf("fold shipment %s: %w", ev.Type, err)
	}
	return nil
}
