package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/outbox"
)

// Locked is a dossier read under a row lock for an action: the state the rules decide
// on, and what the action's event needs besides.
type Locked struct {
	ID                  uuid.UUID
	Code                string
	ProcedureCode       string
	Channel             string
	ResultAddressSealed []byte
	State               dossier.State
}

// ActionTx is the transaction of one action on a dossier, sent in two round trips like
// a registration: the first claims the idempotency key and locks the dossier's row (so
// actions on one dossier take turns and versions never repeat), the second writes the
// new state, the step, the events and the answer, and commits.
type ActionTx struct{ pipelined }

// stateColumns are the columns scanLocked reads, in its order.
const stateColumns = `id, code, procedure_code, channel, status, receiving_office, handling_office,
	current_office, coalesce(pending_office, ''), received_at, due_at, coalesce(original_due_at, due_at), paused_at,
	paused_seconds, supplement_requests, extended, finished_at, timing, outcome, result_delivery,
	result_address_sealed, fee_due_vnd, fee_paid_vnd, version`

const lockDossierSQL = "SELECT " + stateColumns + " FROM dossiers WHERE code = $1 FOR UPDATE"

const lockDossierByIDSQL = "SELECT " + stateColumns + " FROM dossiers WHERE id = $1 FOR UPDATE"

// LockInTx reads the dossier with id under a row lock in tx, the transaction of a
// consumer applying another service's event; it returns nil when there is none.
func LockInTx(ctx context.Context, tx pgx.Tx, id uuid.UUID) (*Locked, error) {
	var d Locked
	err := scanLocked(tx.QueryRow(ctx, lockDossierByIDSQL, id), &d)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lock dossier: %w", err)
	}
	return &d, nil
}

// SaveInTx writes a dossier's new state, the step that led to it and its events in tx.
func SaveInTx(ctx context.Context, tx pgx.Tx, id uuid.UUID, st dossier.State, step dossier.Step, events []outbox.Message) error {
	b := &pgx.Batch{}
	if err := queueSave(b, id, st, step); err != nil {
		return err
	}
	outbox.Queue(b, events...)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("save dossier step: %w", err)
	}
	return nil
}

// queueSave queues the update of the dossier's state and the insert of its step.
func queueSave(b *pgx.Batch, id uuid.UUID, st dossier.State, step dossier.Step) error {
	details, err := stepDetailsJSON(step)
	if err != nil {
		return fmt.Errorf("save dossier step: %w", err)
	}
	b.Queue(updateStateSQL, id, string(st.Status), st.Status.NationalCode(), st.CurrentOffice, st.PendingOffice,
		st.DueAt, st.PausedAt, int64(st.PausedTotal/time.Second), st.SupplementRequests, st.Extended, st.FinishedAt,
		string(st.Timing), string(st.Outcome), st.FeeDueVND, st.FeePaidVND, st.Version)
	b.Queue(insertStepSQL, id, st.Version, string(step.Action), step.At, step.Actor, step.Office, step.FromOffice,
		step.ToOffice, string(step.Via), string(step.Timing), step.Note, step.Reason, details)
	return nil
}

// BeginAction starts the transaction of an action on the dossier with code. When the
// idempotency key was used before it returns that earlier answer, with the transaction
// ended; when there is no such dossier it returns a nil *Locked, also with it ended.
func (s *Store) BeginAction(ctx context.Context, code string, idem Idem) (*ActionTx, *Locked, *Answer, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("begin action: %w", err)
	}
	tx := &ActionTx{pipelined{conn: conn}}
	b := &pgx.Batch{}
	b.Queue("BEGIN")
	claimQueries(b, idem)
	b.Queue(lockDossierSQL, code)
	br := conn.SendBatch(ctx, b)
	var claimed, found bool
	var prior Answer
	var d Locked
	err = func() error {
		if _, err := br.Exec(); err != nil {
			return err
		}
		var err error
		if claimed, prior, err = readClaim(br, idem); err != nil {
			return err
		}
		err = scanLocked(br.QueryRow(), &d)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		found = err == nil
		return err
	}()
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		tx.Rollback(ctx)
		return nil, nil, nil, fmt.Errorf("begin action: %w", err)
	case !claimed:
		tx.Rollback(ctx)
		return nil, nil, &prior, nil
	case !found:
		tx.Rollback(ctx)
		return nil, nil, nil, nil
	}
	return tx, &d, nil, nil
}

func scanLocked(row pgx.Row, d *Locked) error {
	st := &d.State
	var status, timing, outcome, delivery string
	var pausedSeconds int64
	err := row.Scan(&d.ID, &d.Code, &d.ProcedureCode, &d.Channel, &status, &st.ReceivingOffice, &st.HandlingOffice,
		&st.CurrentOffice, &st.PendingOffice, &st.ReceivedAt, &st.DueAt, &st.OriginalDueAt, &st.PausedAt,
		&pausedSeconds, &st.SupplementRequests, &st.Extended, &st.FinishedAt, &timing, &outcome, &delivery,
		&d.ResultAddressSealed, &st.FeeDueVND, &st.FeePaidVND, &st.Version)
	st.Status, st.Timing, st.Outcome = dossier.Status(status), dossier.Timing(timing), dossier.Outcome(outcome)
	st.ResultDelivery = dossier.DeliveryMethod(delivery)
	st.PausedTotal = time.Duration(pausedSeconds) * time.Second
	return err
}

const updateStateSQL = `UPDATE dossiers SET status = $2, status_code = $3, current_office = $4,
	pending_office = nullif($5, ''), due_at = $6, paused_at = $7, paused_seconds = $8, supplement_requests = $9,
	extended = $10, finished_at = $11, timing = $12, outcome = $13, fee_due_vnd = $14, fee_paid_vnd = $15,
	version = $16 WHERE id = $1`

const insertStepSQL = `INSERT INTO dossier_steps (dossier_id, version, action, at, actor, office, from_office,
	to_office, via, timing, note, reason, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`

// Commit writes the dossier's new state, the step that led to it, its events and, with
// an idempotency key, the answer to remember; then commits. On failure it rolls back.
func (t *ActionTx) Commit(ctx context.Context, id uuid.UUID, st dossier.State, step dossier.Step,
	events []outbox.Message, idem Idem, status int, answer []byte) error {
	b := &pgx.Batch{}
	if err := queueSave(b, id, st, step); err != nil {
		t.Rollback(ctx)
		return fmt.Errorf("commit action: %w", err)
	}
	outbox.Queue(b, events...)
	if idem.Key != "" {
		b.Queue(saveAnswerSQL, idem.Scope, idem.Key, status, answer)
	}
	if err := t.commit(ctx, b); err != nil {
		return fmt.Errorf("commit action: %w", err)
	}
	return nil
}
