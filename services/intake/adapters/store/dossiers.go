package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// nextSequenceSQL takes the next number of the day's dossier sequence at an office. The
// row lock it takes is held until the transaction ends, so concurrent registrations at
// one office take numbers one after another, and a rolled-back registration gives its
// number back: the sequence has neither repeats nor gaps.
const nextSequenceSQL = `INSERT INTO code_sequences (office_code, day, last_value) VALUES ($1, $2, 1)
	ON CONFLICT (office_code, day) DO UPDATE SET last_value = code_sequences.last_value + 1
	RETURNING last_value`

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
	FeeReceiptNumber    string
	PINHash             []byte
	PINSealed           []byte
	Version             int
	RegisteredBy        string
}

const insertDossierSQL = `INSERT INTO dossiers (id, code, procedure_code, receiving_office, handling_office,
	current_office, channel, status, status_code, received_at, due_at, time_limit_hours, applicant_name,
	applicant_name_folded, applicant_id_sealed, applicant_id_index, applicant_phone_sealed, applicant_phone_index,
	applicant_email_sealed, applicant_address_sealed, documents, result_delivery, result_address_sealed,
	fee_due_vnd, fee_paid_vnd, pin_hash, version, registered_by, original_due_at, fee_receipt_number, pin_sealed)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
	$22, $23, $24, $25, $26, $27, $28, $11, $29, $30)`

func (d DossierRow) args(docs []byte) []any {
	return []any{d.ID, d.Code, d.ProcedureCode, d.ReceivingOffice, d.HandlingOffice, d.CurrentOffice, d.Channel,
		d.Status, d.StatusCode, d.ReceivedAt, d.DueAt, d.TimeLimitHours, d.ApplicantName, d.ApplicantNameFolded,
		d.IDSealed, d.IDIndex, d.PhoneSealed, d.PhoneIndex, d.EmailSealed, d.AddressSealed, docs,
		d.ResultDelivery, d.ResultAddressSealed, d.FeeDueVND, d.FeePaidVND, d.PINHash, d.Version, d.RegisteredBy,
		d.FeeReceiptNumber, d.PINSealed}
}

func documentsJSON(docs any) ([]byte, error) {
	b, err := json.Marshal(docs)
	if err != nil {
		return nil, fmt.Errorf("dossier documents: %w", err)
	}
	return b, nil
}
