package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// Dossier is what the post knows of a dossier: its code, the desk that received it and,
// sealed, where to pick it up and where to deliver its result.
type Dossier struct {
	ID                    uuid.UUID
	Code                  string
	ReceivingOffice       string
	ProcedureName         string
	PickupAddressSealed   []byte
	DeliveryAddressSealed []byte
}

// FoldReceived keeps a newly received dossier; a replay changes nothing.
func FoldReceived(ctx context.Context, tx pgx.Tx, d Dossier) error {
	_, err := tx.Exec(ctx, `INSERT INTO dossiers (id, code, receiving_office, procedure_name, pickup_address_sealed)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
		d.ID, d.Code, d.ReceivingOffice, d.ProcedureName, d.PickupAddressSealed)
	if err != nil {
		return fmt.Errorf("fold received dossier: %w", err)
	}
	return nil
}

// SetDeliveryAddress keeps where the result of dossier id is to be delivered.
func SetDeliveryAddress(ctx context.Context, tx pgx.Tx, id uuid.UUID, sealed []byte) error {
	if _, err := tx.Exec(ctx, "UPDATE dossiers SET delivery_address_sealed = $2 WHERE id = $1", id, sealed); err != nil {
		return fmt.Errorf("keep delivery address: %w", err)
	}
	return nil
}

const dossierColumns = "id, code, receiving_office, procedure_name, pickup_address_sealed, delivery_address_sealed"

func scanDossier(row pgx.Row) (d Dossier, ok bool, err error) {
	err = row.Scan(&d.ID, &d.Code, &d.ReceivingOffice, &d.ProcedureName, &d.PickupAddressSealed, &d.DeliveryAddressSealed)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, false, nil
	}
	if err != nil {
		return d, false, fmt.Errorf("read dossier: %w", err)
	}
	return d, true, nil
}

// DossierByID returns the dossier with id; ok is false when the post does not know it.
func DossierByID(ctx context.Context, q Querier, id uuid.UUID) (Dossier, bool, error) {
	return scanDossier(q.QueryRow(ctx, "SELECT "+dossierColumns+" FROM dossiers WHERE id = $1", id))
}

// DossierByCode returns the dossier with code; ok is false when the post does not know it.
func (s *Store) DossierByCode(ctx context.Context, code string) (Dossier, bool, error) {
	return scanDossier(s.pool.QueryRow(ctx, "SELECT "+dossierColumns+" FROM dossiers WHERE code = $1", code))
}
