package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// NextSequence returns the next number of the day's dossier sequence at office. The row
// lock it takes is held until the transaction ends, so concurrent registrations at one
// office take numbers one after another, and a rolled-back registration gives its number
// back: the sequence has neither repeats nor gaps.
func (t *Tx) NextSequence(ctx context.Context, office string, day time.Time) (int, error) {
	var n int
	err := t.tx.QueryRow(ctx, `INSERT INTO code_sequences (office_code, day, last_value) VALUES ($1, $2, 1)
		ON CONFLICT (office_code, day) DO UPDATE SET last_value = code_sequences.last_value + 1
		RETURNING last_value`, office, day.Format(time.DateOnly)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("next dossier sequence: %w", err)
	}
	return n, nil
}

// DossierRow is a new dossier as stored; personal data arrives already sealed.
type DossierRow struct {
	ID                  uuid.UUID
	Code                string
	ProcedureCode       string
	ReceivingOffice     string
	HandlingOffice      string
	CurrentOffice       string
	Channel             string
	Status              string
	StatusCode          int
	ReceivedAt          time.Time
	DueAt               time.Time
	TimeLimitHours      int
	ApplicantName       string
	ApplicantNameFolded string
	IDSealed, IDIndex   []byte
	PhoneSealed         []byte
	PhoneIndex          []byte
	EmailSealed         []byte
	AddressSealed       []byte
	Documents           any
	ResultDelivery      string
	ResultAddressSealed []byte
	FeeDueVND           int64
	FeePaidVND          int64
	PINHash             []byte
	Version             int
	RegisteredBy        string
}

// InsertDossier stores a newly registered dossier.
func (t *Tx) InsertDossier(ctx context.Context, d DossierRow) error {
	docs, err := json.Marshal(d.Documents)
	if err != nil {
		return fmt.Errorf("insert dossier: documents: %w", err)
	}
	_, err = t.tx.Exec(ctx, `INSERT INTO dossiers (id, code, procedure_code, receiving_office, handling_office,
		current_office, channel, status, status_code, received_at, due_at, time_limit_hours, applicant_name,
		applicant_name_folded, applicant_id_sealed, applicant_id_index, applicant_phone_sealed, applicant_phone_index,
		applicant_email_sealed, applicant_address_sealed, documents, result_delivery, result_address_sealed,
		fee_due_vnd, fee_paid_vnd, pin_hash, version, registered_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
		$22, $23, $24, $25, $26, $27, $28)`,
		d.ID, d.Code, d.ProcedureCode, d.ReceivingOffice, d.HandlingOffice, d.CurrentOffice, d.Channel, d.Status,
		d.StatusCode, d.ReceivedAt, d.DueAt, d.TimeLimitHours, d.ApplicantName, d.ApplicantNameFolded,
		d.IDSealed, d.IDIndex, d.PhoneSealed, d.PhoneIndex, d.EmailSealed, d.AddressSealed, docs,
		d.ResultDelivery, d.ResultAddressSealed, d.FeeDueVND, d.FeePaidVND, d.PINHash, d.Version, d.RegisteredBy)
	if err != nil {
		return fmt.Errorf("insert dossier: %w", err)
	}
	return nil
}
