package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// Received is a new dossier as the Received event describes it.
type Received struct {
	ID                  uuid.UUID
	EventID             uuid.UUID
	Version             int64
	OccurredAt          time.Time
	Code                string
	ProcedureCode       string
	ProcedureName       string
	ReceivingOfficeCode string
	ReceivingOfficeName string
	HandlingOfficeCode  string
	HandlingOfficeName  string
	Channel             string
	Status              string
	StatusCode          int32
	ApplicantMasked     string
	PINHash             []byte
	ReceivedAt          time.Time
	DueAt               time.Time
	TimeLimitHours      int32
	ResultDelivery      string
	FeeDueVND           int64
	FeePaidVND          int64
}

// FoldReceived adds a newly received dossier with the first step of its timeline. A
// dossier already present (an event replayed from the stream) is left as it is.
func FoldReceived(ctx context.Context, tx pgx.Tx, r Received) error {
	_, err := tx.Exec(ctx, `INSERT INTO dossiers (id, code, procedure_code, procedure_name,
		receiving_office_code, receiving_office_name, handling_office_code, handling_office_name,
		current_office_code, current_office_name, channel, status, status_code, applicant_masked, pin_hash,
		received_at, due_at, time_limit_hours, result_delivery, fee_due_vnd, fee_paid_vnd, version, timeline, offices)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $5, $6, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
		jsonb_build_array(jsonb_build_object('version', $20::int, 'event_id', $21::uuid, 'at', $22::timestamptz,
			'type', 'received', 'office_code', $5::text, 'office_name', $6::text)),
		ARRAY(SELECT DISTINCT o FROM unnest(ARRAY[$5::text, $7::text]) o WHERE o <> '' ORDER BY o))
		ON CONFLICT (id) DO NOTHING`,
		r.ID, r.Code, r.ProcedureCode, r.ProcedureName, r.ReceivingOfficeCode, r.ReceivingOfficeName,
		r.HandlingOfficeCode, r.HandlingOfficeName, r.Channel, r.Status, r.StatusCode, r.ApplicantMasked,
		r.PINHash, r.ReceivedAt, r.DueAt, r.TimeLimitHours, r.ResultDelivery, r.FeeDueVND, r.FeePaidVND, r.Version,
		r.EventID, r.OccurredAt)
	if uniqueViolation(err, "dossiers_code_key") {
		return fmt.Errorf("fold received: %w", ErrCodeTaken)
	}
	if err != nil {
		return fmt.Errorf("fold received: %w", err)
	}
	return nil
}

// ErrCodeTaken is returned when a received event names a code another dossier holds:
// codes are unique, so no retry can apply it.
var ErrCodeTaken = errors.New("the dossier code belongs to another dossier")
