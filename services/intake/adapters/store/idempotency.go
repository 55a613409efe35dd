package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
)

// priorAnswer is what a request with the same Idempotency-Key was answered before.
type priorAnswer struct {
	requestHash []byte
	body        []byte
}

// claimQueries queues the statements that claim an Idempotency-Key (when there is one)
// and read back whoever holds it. A second request with the key waits on the first's
// claim until that transaction ends, then reads its answer (or claims the key itself
// when the first rolled back).
func claimQueries(b *pgx.Batch, key app.IdempotencyKey) {
	if key.Key == "" {
		return
	}
	b.Queue(`INSERT INTO idempotency_keys (scope, key, request_hash, response)
		VALUES ($1, $2, $3, '') ON CONFLICT DO NOTHING`, key.Scope, key.Key, key.RequestHash)
	b.Queue("SELECT request_hash, response FROM idempotency_keys WHERE scope = $1 AND key = $2", key.Scope, key.Key)
}

// readClaim reads the results of claimQueries: the earlier answer when another request
// holds the key, nil when this transaction claimed it (or there is no key).
func readClaim(br pgx.BatchResults, key app.IdempotencyKey) (*priorAnswer, error) {
	if key.Key == "" {
		return nil, nil
	}
	tag, err := br.Exec()
	if err != nil {
		return nil, err
	}
	var prior priorAnswer
	if err := br.QueryRow().Scan(&prior.requestHash, &prior.body); err != nil {
		return nil, err
	}
	if tag.RowsAffected() == 1 {
		return nil, nil
	}
	return &prior, nil
}

const saveAnswerSQL = "UPDATE idempotency_keys SET response = $3 WHERE scope = $1 AND key = $2"

// queueAnswer queues the saving of answer (a pointer to the use case's result) as the
// answer to key, sealed when it carries a secret.
func (s *Dossiers) queueAnswer(b *pgx.Batch, key app.IdempotencyKey, answer any, field string) error {
	if key.Key == "" {
		return nil
	}
	body, err := json.Marshal(answer)
	if err != nil {
		return fmt.Errorf("remember answer: %w", err)
	}
	if field != "" {
		body = s.sealer.Seal(field, string(body))
	}
	b.Queue(saveAnswerSQL, key.Scope, key.Key, body)
	return nil
}

// replay gives the earlier answer to a request sent again, in answer; the same key with
// another request is app.ErrKeyReused.
func (s *Dossiers) replay(prior *priorAnswer, key app.IdempotencyKey, answer any, field string) error {
	if !bytes.Equal(prior.requestHash, key.RequestHash) {
		return app.ErrKeyReused
	}
	body := prior.body
	if field != "" {
		plain, err := s.sealer.Open(field, body)
		if err != nil {
			return fmt.Errorf("replay answer: %w", err)
		}
		body = []byte(plain)
	}
	if err := json.Unmarshal(body, answer); err != nil {
		return fmt.Errorf("replay answer: %w", err)
	}
	return nil
}

// PruneAnswers deletes remembered answers older than keep; a client retries within
// minutes, not days.
func (s *Store) PruneAnswers(ctx context.Context, keep time.Duration) (int64, error) {
	tag, err := s.pool.Exec(ctx, "DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1)", keep.Seconds())
	if err != nil {
		return 0, fmt.Errorf("prune idempotent answers: %w", err)
	}
	return tag.RowsAffected(), nil
}

// Answered is app.DossierStore's look for an earlier answer to key: when a request with
// the key was answered, it fills answer with that answer and reports found, or fails
// with app.ErrKeyReused for another request. registration says the answer is a
// registration's or a submission's (sealed: it carries the PIN).
func (s *Dossiers) Answered(ctx context.Context, key app.IdempotencyKey, answer any, registration bool) (bool, error) {
	if key.Key == "" {
		return false, nil
	}
	var prior priorAnswer
	err := s.pool.QueryRow(ctx, `SELECT request_hash, response FROM idempotency_keys
		WHERE scope = $1 AND key = $2 AND response <> ''`, key.Scope, key.Key).Scan(&prior.requestHash, &prior.body)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("earlier answer: %w", err)
	}
	field := ""
	if registration {
		field = receiptField
	}
	return true, s.replay(&prior, key, answer, field)
}
