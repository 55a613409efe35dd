package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/motcua/motcua/services/intake/app"
)

// receiptField names the sealed remembered receipts: they carry the lookup PIN, which
// never rests in clear.
const receiptField = "idempotent_answer"

// Register is app.DossierStore's registration: two round trips, the first begins,
// claims the key and takes the day's sequence number, the second writes the dossier,
// its events and its receipt, and commits.
func (s *Dossiers) Register(ctx context.Context, office string, day time.Time, key app.IdempotencyKey,
	answer any, decide func(sequence int) (app.NewDossier, error)) (bool, error) {
	var sequence int
	tx, prior, err := beginPipelined(ctx, s.pool, key,
		func(b *pgx.Batch) { b.Queue(nextSequenceSQL, office, day.Format(time.DateOnly)) },
		func(br pgx.BatchResults) error { return br.QueryRow().Scan(&sequence) })
	if err != nil {
		return false, fmt.Errorf("begin registration: %w", err)
	}
	if prior != nil {
		return true, s.replay(prior, key, answer, receiptField)
	}
	// The transaction holds the office's sequence row: end it on every path out.
	defer tx.rollback(ctx)
	d, err := decide(sequence)
	if err != nil {
		return false, err
	}
	b := &pgx.Batch{}
	if err := queueNewDossier(b, d); err != nil {
		return false, err
	}
	if err := s.queueAnswer(b, key, answer, receiptField); err != nil {
		return false, err
	}
	landed := func(ctx context.Context) (ok bool, err error) {
		err = s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM dossiers WHERE id = $1)", d.ID).Scan(&ok)
		return ok, err
	}
	if err := tx.commit(ctx, b, landed); err != nil {
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "23505" && pgErr.ConstraintName == "dossiers_pickup_tracking_number_key" {
			return false, app.ErrPickupTaken
		}
		return false, fmt.Errorf("commit registration: %w", err)
	}
	return false, nil
}

const lockDossierSQL = "SELECT " + stateColumns + " FROM dossiers WHERE code = $1 FOR UPDATE"

// Update is app.DossierStore's action on a dossier: two round trips, the first begins,
// claims the key and locks the dossier's row (so actions on one dossier take turns and
// versions never repeat), the second writes the change and the answer, and commits.
func (s *Dossiers) Update(ctx context.Context, code string, key app.IdempotencyKey, answer any,
	decide func(app.StoredDossier) (app.Change, error)) (bool, error) {
	var d app.StoredDossier
	found := false
	tx, prior, err := beginPipelined(ctx, s.pool, key,
		func(b *pgx.Batch) { b.Queue(lockDossierSQL, code) },
		func(br pgx.BatchResults) error {
			err := scanStored(br.QueryRow(), &d)
			if errors.Is(err, pgx.ErrNoRows) {
				return nil
			}
			found = err == nil
			return err
		})
	if err != nil {
		return false, fmt.Errorf("begin action: %w", err)
	}
	if prior != nil {
		return true, s.replay(prior, key, answer, "")
	}
	defer tx.rollback(ctx)
	if !found {
		return false, app.ErrNotFound
	}
	change, err := decide(d)
	if err != nil {
		return false, err
	}
	b := &pgx.Batch{}
	if err := queueChange(b, d.ID, change); err != nil {
		return false, err
	}
	if err := s.queueAnswer(b, key, answer, ""); err != nil {
		return false, err
	}
	landed := func(ctx context.Context) (ok bool, err error) {
		err = s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM dossiers WHERE id = $1 AND version >= $2)",
			d.ID, change.State.Version).Scan(&ok)
		return ok, err
	}
	if err := tx.commit(ctx, b, landed); err != nil {
		return false, fmt.Errorf("commit action: %w", err)
	}
	return false, nil
}

// InTx is the dossiers of a transaction another part began (a consumer's, with its
// inbox row): it implements app.DossiersInTx.
type InTx struct{ tx pgx.Tx }

var _ app.DossiersInTx = InTx{}

// DossiersIn returns the dossiers as tx sees and changes them.
func DossiersIn(tx pgx.Tx) InTx { return InTx{tx: tx} }

const lockDossierByIDSQL = "SELECT " + stateColumns + " FROM dossiers WHERE id = $1 FOR UPDATE"

// UpdateByID locks the dossier with id in the transaction, calls decide and writes the
// change it returns.
func (t InTx) UpdateByID(ctx context.Context, id uuid.UUID, decide func(app.StoredDossier) (app.Change, error)) error {
	var d app.StoredDossier
	err := scanStored(t.tx.QueryRow(ctx, lockDossierByIDSQL, id), &d)
	if errors.Is(err, pgx.ErrNoRows) {
		return app.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("lock dossier: %w", err)
	}
	change, err := decide(d)
	if err != nil {
		return err
	}
	b := &pgx.Batch{}
	if err := queueChange(b, d.ID, change); err != nil {
		return err
	}
	if err := t.tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("save dossier step: %w", err)
	}
	return nil
}

// NextPickupSerial takes the next serial of the pickups intake numbers for dossiers post
// offices take at their counters. A sequence gives numbers out once, rolled back or not.
func (s *Dossiers) NextPickupSerial(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, "SELECT nextval('counter_pickup_serial')").Scan(&n); err != nil {
		return 0, fmt.Errorf("next counter pickup serial: %w", err)
	}
	return n, nil
}

// AskedPickup returns the pickup at home asked online under trackingNumber (see
// app.DossierStore).
func (s *Dossiers) AskedPickup(ctx context.Context, trackingNumber string) (p app.AskedPickup, ok, taken bool, err error) {
	err = s.pool.QueryRow(ctx, `SELECT tracking_number, receiving_office, post_office,
		EXISTS (SELECT 1 FROM dossiers d WHERE d.pickup_tracking_number = a.tracking_number)
		FROM asked_pickups a WHERE tracking_number = $1`, trackingNumber).
		Scan(&p.TrackingNumber, &p.ReceivingOffice, &p.PostOffice, &taken)
	if errors.Is(err, pgx.ErrNoRows) {
		return p, false, false, nil
	}
	if err != nil {
		return p, false, false, fmt.Errorf("asked pickup: %w", err)
	}
	return p, true, taken, nil
}

// KeepAskedPickup keeps a pickup at home the post says a citizen asked for; told twice,
// it is kept once.
func (t InTx) KeepAskedPickup(ctx context.Context, p app.AskedPickup, day, slot string) error {
	_, err := t.tx.Exec(ctx, `INSERT INTO asked_pickups (tracking_number, receiving_office, post_office, pickup_date, slot)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tracking_number) DO NOTHING`,
		p.TrackingNumber, p.ReceivingOffice, p.PostOffice, day, slot)
	if err != nil {
		return fmt.Errorf("keep asked pickup: %w", err)
	}
	return nil
}
