package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Tx is one intake transaction; the state change, its outbox rows and its idempotent
// answer commit together or not at all.
type Tx struct {
	tx pgx.Tx
}

// InTx runs fn in a transaction, committing when it returns nil.
func (s *Store) InTx(ctx context.Context, fn func(*Tx) error) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return fn(&Tx{tx: tx}) })
}

// Pgx is the underlying transaction, for the outbox.
func (t *Tx) Pgx() pgx.Tx { return t.tx }

// Answer is a response given before to a request with the same Idempotency-Key.
type Answer struct {
	RequestHash []byte
	Status      int
	Body        []byte
}

// ClaimIdempotencyKey reserves key for this transaction. When the key was used before it
// returns that earlier answer instead (waiting for a concurrent request with the same key
// to finish first), and the caller must not act again.
func (t *Tx) ClaimIdempotencyKey(ctx context.Context, scope, key string, requestHash []byte) (*Answer, error) {
	tag, err := t.tx.Exec(ctx, `INSERT INTO idempotency_keys (scope, key, request_hash, status, response)
		VALUES ($1, $2, $3, 0, '') ON CONFLICT DO NOTHING`, scope, key, requestHash)
	if err != nil {
		return nil, fmt.Errorf("claim idempotency key: %w", err)
	}
	if tag.RowsAffected() == 1 {
		return nil, nil
	}
	var a Answer
	err = t.tx.QueryRow(ctx, "SELECT request_hash, status, response FROM idempotency_keys WHERE scope = $1 AND key = $2",
		scope, key).Scan(&a.RequestHash, &a.Status, &a.Body)
	if err != nil {
		return nil, fmt.Errorf("read idempotent answer: %w", err)
	}
	return &a, nil
}

// SaveAnswer records the answer to a claimed key.
func (t *Tx) SaveAnswer(ctx context.Context, scope, key string, status int, body []byte) error {
	_, err := t.tx.Exec(ctx, "UPDATE idempotency_keys SET status = $3, response = $4 WHERE scope = $1 AND key = $2",
		scope, key, status, body)
	if err != nil {
		return fmt.Errorf("save idempotent answer: %w", err)
	}
	return nil
}
