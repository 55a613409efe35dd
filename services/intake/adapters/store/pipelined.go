package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/database"
)

// pipelined is a transaction held on one connection and sent as batches, so that a
// write takes two round trips: one that begins it and reads what the decision needs
// (taking row locks), and one that writes and commits. Registration is the busiest write
// of the product, and on a small machine round trips cost more than the statements.
type pipelined struct {
	conn *pgxpool.Conn
	done bool
}

// beginPipelined begins a transaction, claims key and sends the statements queue adds
// (the reads under lock the decision needs) in one round trip; read reads their
// results. When another request holds key it returns that request's answer, with the
// transaction ended.
func beginPipelined(ctx context.Context, pool *pgxpool.Pool, key app.IdempotencyKey,
	queue func(*pgx.Batch), read func(pgx.BatchResults) error) (*pipelined, *priorAnswer, error) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return nil, nil, err
	}
	tx := &pipelined{conn: conn}
	b := &pgx.Batch{}
	b.Queue("BEGIN")
	claimQueries(b, key)
	queue(b)
	br := conn.SendBatch(ctx, b)
	var prior *priorAnswer
	err = func() error {
		if _, err := br.Exec(); err != nil {
			return err
		}
		var err error
		if prior, err = readClaim(br, key); err != nil || prior != nil {
			return err
		}
		return read(br)
	}()
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil || prior != nil {
		tx.rollback(ctx) // gives back what the statements took, such as a sequence number
		return nil, prior, err
	}
	return tx, nil, nil
}

// commit sends b followed by COMMIT. A client that hangs up does not cancel it: the
// outcome of a write must not depend on when the caller gave up waiting. On failure the
// transaction is rolled back, and landed asks, on another connection, whether the write
// is there all the same: a connection lost while COMMIT was on its way may have lost
// only the answer. The write counts as done when it landed; when that cannot be learnt
// the error is app.ErrOutcomeUnknown, so that nobody is told to resend without the key.
func (p *pipelined) commit(ctx context.Context, b *pgx.Batch, landed func(context.Context) (bool, error)) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	b.Queue("COMMIT")
	err := p.conn.SendBatch(ctx, b).Close()
	if err == nil {
		p.done = true
		p.conn.Release()
		return nil
	}
	p.rollback(ctx)
	ok, cerr := confirm(ctx, landed)
	switch {
	case cerr != nil:
		return fmt.Errorf("%w: %w (and asking whether it landed: %v)", app.ErrOutcomeUnknown, err, cerr)
	case ok:
		return nil
	}
	return err
}

// confirm asks landed until it answers or ctx ends, waiting out a database that is
// unavailable for a moment (restarting, failing over).
func confirm(ctx context.Context, landed func(context.Context) (bool, error)) (bool, error) {
	for {
		ok, err := landed(ctx)
		if err == nil || !database.Unavailable(err) {
			return ok, err
		}
		select {
		case <-ctx.Done():
			return false, err
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// rollback ends the transaction without effect and returns the connection to the pool
// (which discards it when it is in no state to be reused). It is safe to call more than
// once and after a commit.
func (p *pipelined) rollback(ctx context.Context) {
	if p.done {
		return
	}
	p.done = true
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	// A connection the ROLLBACK failed on is closed, and Release then discards it.
	_, _ = p.conn.Exec(rctx, "ROLLBACK")
	p.conn.Release()
}
