package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// Received is a new dossier as the Received event describes it: received at a desk
// (ReceivedAt and DueAt set), or submitted online or at a post office's counter and
// waiting for a desk to check it (SubmittedAt set, the clock not started).
type Received struct {
	ID                  uuid.UUID
	Version             int64
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
	SubmittedAt         *time.Time
	ReceivedAt          *time.Time
	DueAt               *time.Time
	TimeLimitHours      int32
	ResultDelivery      string
	FeeDueVND           int64
	FeePaidVND          int64
	// CounterPostOffice is the post office that took the dossier at its counter or at
	// the citizen's door (its first step's office); zero for any other dossier.
	CounterPostOffice PostOffice
	// ResultPostOffice is where the citizen collects the result (ResultDelivery
	// post_office); zero otherwise.
	ResultPostOffice PostOffice
	// Step is the first step of the timeline: received, submitted or
	// submitted_at_post.
	Step Step
}

// FoldReceived adds a new dossier with the first step of its timeline. A dossier already
// present (an event replayed from the stream) is left as it is. It belongs to its
// receiving office, and to its handling office once received (FoldChange adds it when
// an online dossier is received): a department has nothing to do with a dossier the
// desk has not checked yet.
func FoldReceived(ctx context.Context, tx pgx.Tx, r Received) error {
	r.Step.Version = r.Version
	step, err := json.Marshal(r.Step)
	if err != nil {
		return fmt.Errorf("fold received: %w", err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO dossiers (id, code, procedure_code, procedure_name,
		receiving_office_code, receiving_office_name, handling_office_code, handling_office_name,
		current_office_code, current_office_name, channel, status, status_code, applicant_masked, pin_hash,
		received_at, due_at, time_limit_hours, result_delivery, fee_due_vnd, fee_paid_vnd, version, submitted_at,
		timeline, offices, result_post_office_code, result_post_office_name)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $5, $6, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
		jsonb_build_array($22::jsonb),
		ARRAY(SELECT DISTINCT o FROM unnest(ARRAY[$5::text,
			CASE WHEN $14::timestamptz IS NOT NULL THEN $7::text END]) o WHERE o <> '' ORDER BY o),
		NULLIF($23, ''), CASE WHEN $23 <> '' THEN $24 END)
		ON CONFLICT (id) DO NOTHING`,
		r.ID, r.Code, r.ProcedureCode, r.ProcedureName, r.ReceivingOfficeCode, r.ReceivingOfficeName,
		r.HandlingOfficeCode, r.HandlingOfficeName, r.Channel, r.Status, r.StatusCode, r.ApplicantMasked,
		r.PINHash, r.ReceivedAt, r.DueAt, r.TimeLimitHours, r.ResultDelivery, r.FeeDueVND, r.FeePaidVND, r.Version,
		r.SubmittedAt, step, r.ResultPostOffice.Code, r.ResultPostOffice.Name)
	if uniqueViolation(err, "dossiers_code_key") {
		return fmt.Errorf("fold received: %w", ErrCodeTaken)
	}
	if err != nil {
		return fmt.Errorf("fold received: %w", err)
	}
	return namePostOffices(ctx, tx, r.CounterPostOffice, r.ResultPostOffice)
}

// ErrCodeTaken is returned when a received event names a code another dossier holds:
// codes are unique, so no retry can apply it.
var ErrCodeTaken = errors.New("the dossier code belongs to another dossier")
