package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/postal/app"
)

// KeepReceived keeps a newly received dossier; a replay changes nothing.
func (t *Tx) KeepReceived(ctx context.Context, d app.DossierCopy) error {
	_, err := t.tx.Exec(ctx, `INSERT INTO dossiers (id, code, receiving_office, procedure_name, pickup_address_sealed)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
		d.ID, d.Code, d.ReceivingOffice, d.ProcedureName, d.PickupAddressSealed)
	if err != nil {
		return fmt.Errorf("keep received dossier: %w", err)
	}
	return nil
}

// KeepOffices keeps that dossier id has been at, or is going to, offices, and, from the
// event of version, that holder holds it now (empty when the event does not say); an
// event older than the one that named the holder changes only the offices.
func (t *Tx) KeepOffices(ctx context.Context, id uuid.UUID, version int64, holder string, offices []string) error {
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO dossier_offices (dossier_id, office)
		SELECT $1, o FROM unnest($2::text[]) o WHERE o <> '' ON CONFLICT DO NOTHING`, id, offices)
	if holder != "" {
		b.Queue(`INSERT INTO dossier_holders (dossier_id, office, version) VALUES ($1, $2, $3)
			ON CONFLICT (dossier_id) DO UPDATE SET office = EXCLUDED.office, version = EXCLUDED.version
			WHERE dossier_holders.version < EXCLUDED.version`, id, holder, version)
	}
	if err := t.tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("keep dossier offices: %w", err)
	}
	return nil
}

// KeepDeliveryAddress keeps where the result of dossier id is to be delivered.
func (t *Tx) KeepDeliveryAddress(ctx context.Context, id uuid.UUID, sealed []byte) error {
	if _, err := t.tx.Exec(ctx, "UPDATE dossiers SET delivery_address_sealed = $2 WHERE id = $1", id, sealed); err != nil {
		return fmt.Errorf("keep delivery address: %w", err)
	}
	return nil
}

// oneDossier reads the dossier a WHERE clause picks; ok is false when the post does not
// know it.
func (r queries) oneDossier(ctx context.Context, where string, arg any) (d app.DossierCopy, ok bool, err error) {
	err = r.db.QueryRow(ctx, `SELECT id, code, receiving_office, procedure_name, pickup_address_sealed,
		delivery_address_sealed,
		ARRAY(SELECT office FROM dossier_offices o WHERE o.dossier_id = d.id ORDER BY office),
		COALESCE((SELECT office FROM dossier_holders h WHERE h.dossier_id = d.id), '')
		FROM dossiers d `+where, arg).
		Scan(&d.ID, &d.Code, &d.ReceivingOffice, &d.ProcedureName, &d.PickupAddressSealed, &d.DeliveryAddressSealed,
			&d.Offices, &d.Holder)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, false, nil
	}
	if err != nil {
		return d, false, fmt.Errorf("read dossier: %w", err)
	}
	return d, true, nil
}

// Dossier returns the dossier with id; ok is false when the post does not know it.
func (r queries) Dossier(ctx context.Context, id uuid.UUID) (app.DossierCopy, bool, error) {
	return r.oneDossier(ctx, "WHERE id = $1", id)
}

// DossierByCode returns the dossier with code; ok is false when the post does not know it.
func (r queries) DossierByCode(ctx context.Context, code string) (app.DossierCopy, bool, error) {
	return r.oneDossier(ctx, "WHERE code = $1", code)
}
