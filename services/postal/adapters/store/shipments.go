package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// Shipment is a shipment as stored; its address (a citizen's, for a pickup or a
// delivery) arrives sealed.
type Shipment struct {
	ID                    uuid.UUID
	TrackingNumber        string
	Kind                  string
	Status                string
	DossierID             uuid.UUID
	DossierCode           string
	FromOffice            string
	ToOffice              string
	AddressSealed         []byte
	OriginPostOffice      string
	DestinationPostOffice string
	FailedAttempts        int
	FirstFailedAt         *time.Time
	SealNumber            string
	PostageVND            int64
	PaidBy                string
	LastEventAt           time.Time
	Version               int
	Source                string
	ReturnsTrackingNumber string
	// RequestHash is the hash of the desk's request that opened it, if one did.
	RequestHash []byte
	CreatedAt   time.Time
}

// NextSerial takes the next serial number for an S10 tracking number.
func NextSerial(ctx context.Context, q Querier) (int, error) {
	var n int
	if err := q.QueryRow(ctx, "SELECT nextval('s10_serial')").Scan(&n); err != nil {
		return 0, fmt.Errorf("next tracking serial: %w", err)
	}
	return n, nil
}

// InsertShipment stores a new shipment unless one was already opened from the same
// source; created says whether this call stored it.
func InsertShipment(ctx context.Context, tx pgx.Tx, s Shipment) (created bool, err error) {
	tag, err := tx.Exec(ctx, `INSERT INTO shipments (id, tracking_number, kind, status, dossier_id, from_office, to_office,
		address_sealed, origin_post_office, destination_post_office, postage_vnd, paid_by, last_event_at, version, source,
		returns_tracking_number, request_hash, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT (source) DO NOTHING`,
		s.ID, s.TrackingNumber, s.Kind, s.Status, s.DossierID, s.FromOffice, s.ToOffice, s.AddressSealed,
		s.OriginPostOffice, s.DestinationPostOffice, s.PostageVND, s.PaidBy, s.LastEventAt, s.Version, s.Source,
		s.ReturnsTrackingNumber, s.RequestHash, s.CreatedAt)
	if err != nil {
		return false, fmt.Errorf("insert shipment: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

const shipmentColumns = `s.id, s.tracking_number, s.kind, s.status, s.dossier_id, d.code, s.from_office, s.to_office,
	s.address_sealed, s.origin_post_office, s.destination_post_office, s.failed_attempts, s.first_failed_at,
	s.seal_number, s.postage_vnd, s.paid_by, s.last_event_at, s.version, s.source, s.returns_tracking_number,
	s.request_hash, s.created_at`

const shipmentFrom = " FROM shipments s JOIN dossiers d ON d.id = s.dossier_id "

func scanShipment(row pgx.Row) (s Shipment, err error) {
	err = row.Scan(&s.ID, &s.TrackingNumber, &s.Kind, &s.Status, &s.DossierID, &s.DossierCode, &s.FromOffice, &s.ToOffice,
		&s.AddressSealed, &s.OriginPostOffice, &s.DestinationPostOffice, &s.FailedAttempts, &s.FirstFailedAt,
		&s.SealNumber, &s.PostageVND, &s.PaidBy, &s.LastEventAt, &s.Version, &s.Source, &s.ReturnsTrackingNumber, &s.RequestHash, &s.CreatedAt)
	return s, err
}

func oneShipment(row pgx.Row) (Shipment, bool, error) {
	s, err := scanShipment(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return s, false, nil
	}
	if err != nil {
		return s, false, fmt.Errorf("read shipment: %w", err)
	}
	return s, true, nil
}

// LockShipment reads the shipment with tracking number tn under a row lock in tx.
func LockShipment(ctx context.Context, tx pgx.Tx, tn string) (Shipment, bool, error) {
	return oneShipment(tx.QueryRow(ctx, "SELECT "+shipmentColumns+shipmentFrom+"WHERE s.tracking_number = $1 FOR UPDATE OF s", tn))
}

// ShipmentBySource reads the shipment opened from source, if any.
func ShipmentBySource(ctx context.Context, q Querier, source string) (Shipment, bool, error) {
	return oneShipment(q.QueryRow(ctx, "SELECT "+shipmentColumns+shipmentFrom+"WHERE s.source = $1", source))
}

// ShipmentByNumber reads the shipment with tracking number tn.
func (s *Store) ShipmentByNumber(ctx context.Context, tn string) (Shipment, bool, error) {
	return oneShipment(s.pool.QueryRow(ctx, "SELECT "+shipmentColumns+shipmentFrom+"WHERE s.tracking_number = $1", tn))
}

// ShipmentsOfDossier lists the shipments of the dossier with code, oldest first.
func (s *Store) ShipmentsOfDossier(ctx context.Context, code string) ([]Shipment, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+shipmentColumns+shipmentFrom+"WHERE d.code = $1 ORDER BY s.created_at, s.id", code)
	if err != nil {
		return nil, fmt.Errorf("list shipments: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Shipment, error) { return scanShipment(r) })
	if err != nil {
		return nil, fmt.Errorf("list shipments: %w", err)
	}
	return out, nil
}

// UpdateShipment writes a shipment's state after its events.
func UpdateShipment(ctx context.Context, tx pgx.Tx, s Shipment) error {
	_, err := tx.Exec(ctx, `UPDATE shipments SET status = $2, failed_attempts = $3, first_failed_at = $4, seal_number = $5,
		postage_vnd = $6, paid_by = $7, last_event_at = $8, version = $9 WHERE id = $1`,
		s.ID, s.Status, s.FailedAttempts, s.FirstFailedAt, s.SealNumber, s.PostageVND, s.PaidBy, s.LastEventAt, s.Version)
	if err != nil {
		return fmt.Errorf("update shipment: %w", err)
	}
	return nil
}
