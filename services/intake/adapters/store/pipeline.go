package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pipelined is a transaction held on one connection and sent as batches, so that a
// write takes two round trips: one that begins it and reads what the decision needs
// (taking row locks), and one that writes and commits.
type pipelined struct {
	conn *pgxpool.Conn
	done bool
}

// commit sends b followed by COMMIT. A client that hangs up does not cancel it: the
// outcome of a write must not depend on when the caller gave up waiting. On failure the
// transaction is rolled back.
func (p *pipelined) commit(ctx context.Context, b *pgx.Batch) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	b.Queue("COMMIT")
	if err := p.conn.SendBatch(ctx, b).Close(); err != nil {
		p.Rollback(ctx)
		return err
	}
	p.done = true
	p.conn.Release()
	return nil
}

// Rollback ends the transaction without effect and returns the connection to the pool
// (which discards it when it is in no state to be reused). It is safe to call more than
// once and after a commit.
func (p *pipelined) Rollback(ctx context.Context) {
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

// claimQueries queues the statements that claim an Idempotency-Key (when there is one)
// and read back whoever holds it.
func claimQueries(b *pgx.Batch, idem Idem) {
	if idem.Key == "" {
		return
	}
	b.Queue(`INSERT INTO idempotency_keys (scope, key, request_hash, status, response)
		VALUES ($1, $2, $3, 0, '') ON CONFLICT DO NOTHING`, idem.Scope, idem.Key, idem.RequestHash)
	b.Queue("SELECT request_hash, status, response FROM idempotency_keys WHERE scope = $1 AND key = $2", idem.Scope, idem.Key)
}

// readClaim reads the results of claimQueries: whether this transaction claimed the key,
// and otherwise the answer given before.
func readClaim(br pgx.BatchResults, idem Idem) (claimed bool, prior Answer, err error) {
	if idem.Key == "" {
		return true, prior, nil
	}
	tag, err := br.Exec()
	if err != nil {
		return false, prior, err
	}
	err = br.QueryRow().Scan(&prior.RequestHash, &prior.Status, &prior.Body)
	return tag.RowsAffected() == 1, prior, err
}
