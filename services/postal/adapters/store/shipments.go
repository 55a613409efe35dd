package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/postal/app"
)

// NextSerial takes the next serial number for an S10 tracking number.
func (r queries) NextSerial(ctx context.Context) (int, error) {
	var n int
	if err := r.db.QueryRow(ctx, "SELECT nextval('s10_serial')").Scan(&n); err != nil {
		return 0, fmt.Errorf("next tracking serial: %w", err)
	}
	return n, nil
}

// insertShipmentRow stores a new shipment unless one was already opened from the same
// source; created says whether this call stored it.
func (t *Tx) insertShipmentRow(ctx context.Context, s app.ShipmentRecord) (created bool, err error) {
	tag, err := t.tx.Exec(ctx, `INSERT INTO shipments (id, tracking_number, kind, status, dossier_id, from_office, to_office,
		address_sealed, origin_post_office, destination_post_office, postage_vnd, paid_by, last_event_at, version, source,
		returns_tracking_number, request_hash, created_at, fee_collected_vnd)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) ON CONFLICT (source) DO NOTHING`,
		s.ID, s.TrackingNumber, s.Kind, s.Status, s.DossierID, s.FromOffice, s.ToOffice, s.AddressSealed,
		s.OriginPostOffice, s.DestinationPostOffice, s.PostageVND, s.PaidBy, s.LastEventAt, s.Version, s.Source,
		s.ReturnsTrackingNumber, s.RequestHash, s.CreatedAt, s.FeeCollectedVND)
	if err != nil {
		return false, fmt.Errorf("insert shipment: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

// updateShipment writes a shipment's state after its events.
func (t *Tx) updateShipment(ctx context.Context, s app.ShipmentRecord) error {
	_, err := t.tx.Exec(ctx, `UPDATE shipments SET status = $2, failed_attempts = $3, first_failed_at = $4, seal_number = $5,
		postage_vnd = $6, paid_by = $7, last_event_at = $8, version = $9 WHERE id = $1`,
		s.ID, s.Status, s.FailedAttempts, s.FirstFailedAt, s.SealNumber, s.PostageVND, s.PaidBy, s.LastEventAt, s.Version)
	if err != nil {
		return fmt.Errorf("update shipment: %w", err)
	}
	return nil
}

// selectShipment reads shipments with their dossier's code; a WHERE clause follows.
const selectShipment = `SELECT s.id, s.tracking_number, s.kind, s.status, s.dossier_id, d.code, s.from_office,
	s.to_office, s.address_sealed, s.origin_post_office, s.destination_post_office, s.failed_attempts,
	s.first_failed_at, s.seal_number, s.postage_vnd, s.paid_by, s.last_event_at, s.version, s.source,
	s.returns_tracking_number, s.request_hash, s.created_at, s.fee_collected_vnd
	FROM shipments s JOIN dossiers d ON d.id = s.dossier_id `

func scanShipment(row pgx.Row) (s app.ShipmentRecord, err error) {
	err = row.Scan(&s.ID, &s.TrackingNumber, &s.Kind, &s.Status, &s.DossierID, &s.DossierCode, &s.FromOffice,
		&s.ToOffice, &s.AddressSealed, &s.OriginPostOffice, &s.DestinationPostOffice, &s.FailedAttempts,
		&s.FirstFailedAt, &s.SealNumber, &s.PostageVND, &s.PaidBy, &s.LastEventAt, &s.Version, &s.Source,
		&s.ReturnsTrackingNumber, &s.RequestHash, &s.CreatedAt, &s.FeeCollectedVND)
	return s, err
}

// oneShipment reads the shipment a WHERE clause picks; ok is false when there is none.
func (r queries) oneShipment(ctx context.Context, where string, arg any) (app.ShipmentRecord, bool, error) {
	s, err := scanShipment(r.db.QueryRow(ctx, selectShipment+where, arg))
	if errors.Is(err, pgx.ErrNoRows) {
		return s, false, nil
	}
	if err != nil {
		return s, false, fmt.Errorf("read shipment: %w", err)
	}
	return s, true, nil
}

// shipments reads the shipments a WHERE clause picks, in its order.
func (r queries) shipments(ctx context.Context, what, where string, args ...any) ([]app.ShipmentRecord, error) {
	rows, err := r.db.Query(ctx, selectShipment+where, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (app.ShipmentRecord, error) { return scanShipment(row) })
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// lockShipment reads the shipment with trackingNumber under a row lock.
func (t *Tx) lockShipment(ctx context.Context, trackingNumber string) (app.ShipmentRecord, bool, error) {
	return t.oneShipment(ctx, "WHERE s.tracking_number = $1 FOR UPDATE OF s", trackingNumber)
}

// shipmentBySource reads the shipment opened from source, if any.
func (r queries) shipmentBySource(ctx context.Context, source string) (app.ShipmentRecord, bool, error) {
	return r.oneShipment(ctx, "WHERE s.source = $1", source)
}

// Shipment reads the shipment with trackingNumber.
func (r queries) Shipment(ctx context.Context, trackingNumber string) (app.ShipmentRecord, bool, error) {
	return r.oneShipment(ctx, "WHERE s.tracking_number = $1", trackingNumber)
}

// ShipmentsOfDossier lists the shipments of the dossier with code, oldest first.
func (r queries) ShipmentsOfDossier(ctx context.Context, code string) ([]app.ShipmentRecord, error) {
	return r.shipments(ctx, "list shipments", "WHERE d.code = $1 ORDER BY s.created_at, s.id", code)
}
