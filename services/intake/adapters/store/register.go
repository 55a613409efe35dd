package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/platform/outbox"
)

// Registration is the transaction of one registration, sent in two round trips: the
// first begins it, claims the idempotency key and takes the day's sequence number; the
// second writes the dossier, its events and its answer, and commits. Registration is the
// busiest write of the product, and on a small machine round trips cost more than the
// statements themselves.
type Registration struct{ pipelined }

// Idem names a request's Idempotency-Key and the hash of its body; an empty Key means
// the request carries none.
type Idem struct {
	Scope, Key  string
	RequestHash []byte
}

// BeginRegistration starts the transaction and returns the sequence number at office
// on day (see nextSequenceSQL for why it has no gaps). When the idempotency key was used
// before it returns that earlier answer instead, with the transaction already ended.
func (s *Store) BeginRegistration(ctx context.Context, office string, day time.Time, idem Idem) (*Registration, int, *Answer, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, 0, nil, fmt.Errorf("begin registration: %w", err)
	}
	r := &Registration{pipelined{conn: conn}}
	b := &pgx.Batch{}
	b.Queue("BEGIN")
	claimQueries(b, idem)
	b.Queue(nextSequenceSQL, office, day.Format(time.DateOnly))
	br := conn.SendBatch(ctx, b)
	var claimed bool
	var prior Answer
	var seq int
	err = func() error {
		if _, err := br.Exec(); err != nil {
			return err
		}
		var err error
		if claimed, prior, err = readClaim(br, idem); err != nil {
			return err
		}
		return br.QueryRow().Scan(&seq)
	}()
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		r.Rollback(ctx)
		return nil, 0, nil, fmt.Errorf("begin registration: %w", err)
	}
	if !claimed {
		r.Rollback(ctx) // gives the sequence number back
		return nil, 0, &prior, nil
	}
	return r, seq, nil, nil
}

// Commit writes the dossier, its events and, with an idempotency key, the answer to
// remember, then commits; on any failure the transaction is rolled back.
func (r *Registration) Commit(ctx context.Context, d DossierRow, events []outbox.Message, idem Idem, status int, answer []byte) error {
	docs, err := documentsJSON(d.Documents)
	if err != nil {
		r.Rollback(ctx)
		return err
	}
	b := &pgx.Batch{}
	b.Queue(insertDossierSQL, d.args(docs)...)
	outbox.Queue(b, events...)
	if idem.Key != "" {
		b.Queue(saveAnswerSQL, idem.Scope, idem.Key, status, answer)
	}
	if err := r.commit(ctx, b); err != nil {
		return fmt.Errorf("commit registration: %w", err)
	}
	return nil
}
