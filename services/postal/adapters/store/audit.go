package store

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/postal/app"
)

// RecordReads audits a member of staff's reads of the personal data of shipments.
func (r queries) RecordReads(ctx context.Context, shipmentIDs []uuid.UUID, username, purpose string) error {
	if len(shipmentIDs) == 0 {
		return nil
	}
	_, err := r.db.Exec(ctx, `INSERT INTO personal_data_reads (shipment_id, username, purpose)
		SELECT unnest($1::uuid[]), $2, $3`, shipmentIDs, username, purpose)
	if err != nil {
		return fmt.Errorf("audit personal data reads: %w", err)
	}
	return nil
}

var _ app.ReadStore = queries{}

// ReadsOfDossier are the audited reads of the shipments of the dossier with code,
// oldest first.
func (r queries) ReadsOfDossier(ctx context.Context, code string, limit int) ([]app.AddressRead, bool, error) {
	var exists bool
	if err := r.db.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM dossiers WHERE code = $1)", code).Scan(&exists); err != nil {
		return nil, false, fmt.Errorf("audited reads: %w", err)
	}
	if !exists {
		return nil, false, nil
	}
	rows, err := r.db.Query(ctx, `SELECT p.at, p.username, p.purpose, s.tracking_number FROM personal_data_reads p
		JOIN shipments s ON s.id = p.shipment_id JOIN dossiers d ON d.id = s.dossier_id
		WHERE d.code = $1 ORDER BY p.at, p.id LIMIT $2`, code, limit)
	if err != nil {
		return nil, true, fmt.Errorf("audited reads: %w", err)
	}
	reads, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (app.AddressRead, error) {
		var x app.AddressRead
		err := row.Scan(&x.At, &x.Username, &x.Purpose, &x.TrackingNumber)
		return x, err
	})
	return reads, true, err
}
