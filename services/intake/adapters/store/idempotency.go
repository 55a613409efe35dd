package store

import (
	"context"
	"fmt"
	"time"
)

// Answer is a response given before to a request with the same Idempotency-Key.
type Answer struct {
	RequestHash []byte
	Status      int
	Body        []byte
}

const saveAnswerSQL = "UPDATE idempotency_keys SET status = $3, response = $4 WHERE scope = $1 AND key = $2"

// PruneAnswers deletes remembered answers older than keep; a client retries within
// minutes, not days.
func (s *Store) PruneAnswers(ctx context.Context, keep time.Duration) (int64, error) {
	tag, err := s.pool.Exec(ctx, "DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1)", keep.Seconds())
	if err != nil {
		return 0, fmt.Errorf("prune idempotent answers: %w", err)
	}
	return tag.RowsAffected(), nil
}
