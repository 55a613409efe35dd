package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/outbox"
)

// stateColumns are the columns scanStored reads, in its order.
const stateColumns = `id, code, procedure_code, channel, status, receiving_office, handling_office,
	current_office, coalesce(pending_office, ''), received_at, due_at, coalesce(original_due_at, due_at), paused_at,
	paused_seconds, supplement_requests, extended, finished_at, timing, outcome, result_delivery,
	result_address_sealed, fee_due_vnd, fee_paid_vnd, version, time_limit_hours, submitted_at, coalesce(contact_channel, ''), pin_hash,
	coalesce(result_file_id::text, ''), coalesce(result_post_office, ''), coalesce(pickup_tracking_number, ''), papers_at`

func scanStored(row pgx.Row, d *app.StoredDossier) error {
	st := &d.State
	var status, timing, outcome, delivery string
	var pausedSeconds int64
	err := row.Scan(&d.ID, &d.Code, &d.ProcedureCode, &d.Channel, &status, &st.ReceivingOffice, &st.HandlingOffice,
		&st.CurrentOffice, &st.PendingOffice, orZero(&st.ReceivedAt), orZero(&st.DueAt), orZero(&st.OriginalDueAt), &st.PausedAt,
		&pausedSeconds, &st.SupplementRequests, &st.Extended, &st.FinishedAt, &timing, &outcome, &delivery,
		&d.ResultAddressSealed, &st.FeeDueVND, &st.FeePaidVND, &st.Version, &st.TimeLimitHours, orZero(&d.SubmittedAt),
		&d.ContactChannel, &d.PINHash, &st.ResultFile, &st.ResultPostOffice, &st.PickupTracking, orZero(&st.PapersAt))
	st.Status, st.Timing, st.Outcome = dossier.Status(status), dossier.Timing(timing), dossier.Outcome(outcome)
	st.ResultDelivery = dossier.DeliveryMethod(delivery)
	st.PausedTotal = time.Duration(pausedSeconds) * time.Second
	return err
}

const updateStateSQL = `UPDATE dossiers SET status = $2, status_code = $3, current_office = $4,
	pending_office = nullif($5, ''), due_at = $6, paused_at = $7, paused_seconds = $8, supplement_requests = $9,
	extended = $10, finished_at = $11, timing = $12, outcome = $13, fee_due_vnd = $14, fee_paid_vnd = $15,
	version = $16, received_at = $17, original_due_at = $18, result_file_id = nullif($19, '')::uuid,
	papers_at = $20 WHERE id = $1`

const insertStepSQL = `INSERT INTO dossier_steps (dossier_id, version, action, at, actor, office, from_office,
	to_office, via, timing, note, reason, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`

// queueChange queues the insert of the files handed in with the change, the update of
// the dossier's state (after the files: it may name one as its result), the insert of
// its step and of its events.
func queueChange(b *pgx.Batch, id uuid.UUID, c app.Change) error {
	details, err := StepDetailsJSON(c.Step)
	if err != nil {
		return fmt.Errorf("save dossier step: %w", err)
	}
	for _, f := range c.Files {
		queueFile(b, id, f)
	}
	st, step := c.State, c.Step
	b.Queue(updateStateSQL, id, string(st.Status), st.Status.NationalCode(), st.CurrentOffice, st.PendingOffice,
		orNull(st.DueAt), st.PausedAt, int64(st.PausedTotal/time.Second), st.SupplementRequests, st.Extended, st.FinishedAt,
		string(st.Timing), string(st.Outcome), st.FeeDueVND, st.FeePaidVND, st.Version, orNull(st.ReceivedAt),
		orNull(st.OriginalDueAt), st.ResultFile, orNull(st.PapersAt))
	b.Queue(insertStepSQL, id, st.Version, string(step.Action), step.At, step.Actor, step.Office, step.FromOffice,
		step.ToOffice, string(step.Via), string(step.Timing), step.Note, step.Reason, details)
	outbox.Queue(b, c.Events...)
	return nil
}

// nextSequenceSQL takes the next number of the day's dossier sequence at an office. The
// row lock it takes is held until the transaction ends, so concurrent registrations at
// one office take numbers one after another, and a rolled-back registration gives its
// number back: the sequence has neither repeats nor gaps.
const nextSequenceSQL = `INSERT INTO code_sequences (office_code, day, last_value) VALUES ($1, $2, 1)
	ON CONFLICT (office_code, day) DO UPDATE SET last_value = code_sequences.last_value + 1
	RETURNING last_value`

const insertDossierSQL = `INSERT INTO dossiers (id, code, procedure_code, receiving_office, handling_office,
	current_office, channel, status, status_code, received_at, due_at, time_limit_hours, applicant_name,
	applicant_name_folded, applicant_id_sealed, applicant_id_index, applicant_phone_sealed, applicant_phone_index,
	applicant_email_sealed, applicant_address_sealed, documents, result_delivery, result_address_sealed,
	fee_due_vnd, fee_paid_vnd, pin_hash, version, registered_by, original_due_at, fee_receipt_number, pin_sealed,
	submitted_at, contact_channel, contact_index, result_post_office, post_office, seal_number, postage_vnd,
	pickup_tracking_number, lang)
	VALUES ($1, $2, $3, $4, $5, $4, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
	$21, $22, $23, $24, $25, 1, $26, $10, $27, $28, $29, nullif($30, ''), $31, nullif($32, ''), nullif($33, ''),
	nullif($34, ''), $35, nullif($36, ''), coalesce(nullif($37, ''), 'vi'))`

// queueNewDossier queues the insert of a registered dossier (version 1) and its events.
func queueNewDossier(b *pgx.Batch, d app.NewDossier) error {
	docs, err := json.Marshal(d.Documents)
	if err != nil {
		return fmt.Errorf("dossier documents: %w", err)
	}
	b.Queue(insertDossierSQL, d.ID, d.Code, d.ProcedureCode, d.ReceivingOffice, d.HandlingOffice,
		string(d.Channel), string(d.Status), d.Status.NationalCode(), orNull(d.ReceivedAt), orNull(d.DueAt), d.TimeLimitHours,
		d.ApplicantName, d.ApplicantNameFolded, d.IDSealed, d.IDIndex, d.PhoneSealed, d.PhoneIndex,
		d.EmailSealed, d.AddressSealed, docs, string(d.ResultDelivery), d.ResultAddressSealed,
		d.FeeDueVND, d.FeePaidVND, d.PINHash, d.RegisteredBy, d.FeeReceiptNumber, d.PINSealed,
		orNull(d.SubmittedAt), d.ContactChannel, d.ContactIndex, d.ResultPostOffice, d.Counter.PostOffice,
		d.Counter.SealNumber, d.Counter.PostageVND, d.Counter.TrackingNumber, string(d.Lang))
	for _, f := range d.Files {
		queueFile(b, d.ID, f)
	}
	outbox.Queue(b, d.Events...)
	return nil
}
