package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/platform/outbox"
)

// Registration is the transaction of one registration, sent in two round trips: the
// first begins it, claims the idempotency key and takes the day's sequence number; the
// second writes the dossier, its events and its answer, and commits. Registration is the
// busiest write of the product, and on a small machine round trips cost more than the
// statements themselves.
type Registration struct {
	conn *pgxpool.Conn
	done bool
}

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
	r := &Registration{conn: conn}
	b := &pgx.Batch{}
	b.Queue("BEGIN")
	if idem.Key != "" {
		b.Queue(`INSERT INTO idempotency_keys (scope, key, request_hash, status, response)
			VALUES ($1, $2, $3, 0, '') ON CONFLICT DO NOTHING`, idem.Scope, idem.Key, idem.RequestHash)
		b.Queue("SELECT request_hash, status, response FROM idempotency_keys WHERE scope = $1 AND key = $2", idem.Scope, idem.Key)
	}
	b.Queue(nextSequenceSQL, office, day.Format(time.DateOnly))
	br := conn.SendBatch(ctx, b)
	var claimed bool
	var prior Answer
	var seq int
	err = func() error {
		if _, err := br.Exec(); err != nil {
			return err
		}
		if idem.Key != "" {
			tag, err := br.Exec()
			if err != nil {
				return err
			}
			claimed = tag.RowsAffected() == 1
			if err := br.QueryRow().Scan(&prior.RequestHash, &prior.Status, &prior.Body); err != nil {
				return err
			}
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
	if idem.Key != "" && !claimed {
		r.Rollback(ctx) // gives the sequence number back
		return nil, 0, &prior, nil
	}
	return r, seq, nil, nil
}

// Commit writes the dossier, its events and, with an idempotency key, the answer to
// remember, then commits; on any failure the transaction is rolled back. A client that
// hangs up does not cancel it: the outcome of a registration must not depend on when
// the desk's browser gave up waiting.
func (r *Registration) Commit(ctx context.Context, d DossierRow, events []outbox.Message, idem Idem, status int, answer []byte) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
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
	b.Queue("COMMIT")
	err = r.conn.SendBatch(ctx, b).Close()
	if err != nil {
		r.Rollback(ctx)
		return fmt.Errorf("commit registration: %w", err)
	}
	r.done = true
	r.conn.Release()
	return nil
}

// Rollback ends the transaction without effect and returns the connection to the pool
// (which discards it when it is in no state to be reused). It is safe to call more than
// once and after Commit.
func (r *Registration) Rollback(ctx context.Context) {
	if r.done {
		return
	}
	r.done = true
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	// A connection the ROLLBACK failed on is closed, and Release then discards it.
	_, _ = r.conn.Exec(rctx, "ROLLBACK")
	r.conn.Release()
}
