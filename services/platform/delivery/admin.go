package delivery

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Again puts the item id of table back to be sent now, whatever became of it (dead, or
// sent and asked for again), with its tries counted afresh; ErrNotFound when the table
// does not hold it. The item keeps its id, so the party can tell it is the same one.
func Again(ctx context.Context, pool *pgxpool.Pool, table string, id uuid.UUID) error {
	tag, err := pool.Exec(ctx, "UPDATE "+pgx.Identifier{table}.Sanitize()+
		" SET state = 'pending', tries = 0, next_at = '-infinity', last_error = '' WHERE id = $1", id)
	if err != nil {
		return fmt.Errorf("send again from %s: %w", table, err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	_, err = pool.Exec(ctx, "SELECT pg_notify('delivery', $1)", table)
	return err
}

// Backlog is how a table's items stand.
type Backlog struct {
	Pending    int
	Dead       int
	LastSentAt time.Time
}

// Count is the backlog of table.
func Count(ctx context.Context, pool *pgxpool.Pool, table string) (Backlog, error) {
	var b Backlog
	var last *time.Time
	err := pool.QueryRow(ctx, "SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'dead'), max(sent_at) FROM "+
		pgx.Identifier{table}.Sanitize()).Scan(&b.Pending, &b.Dead, &last)
	if err != nil {
		return b, fmt.Errorf("count %s: %w", table, err)
	}
	if last != nil {
		b.LastSentAt = *last
	}
	return b, nil
}
