package messaging

import (
	"context"
	"embed"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/platform/database"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// InboxMigrations returns the steps that create the inbox table in a service's schema.
func InboxMigrations() []database.Migration {
	return database.Embedded(migrationFS, "migrations", "platform_inbox_")
}

// recordInbox notes in tx that consumer applies the events ids (one statement for the
// whole batch) and returns those not applied before. An id repeated within the batch is
// returned once.
func recordInbox(ctx context.Context, tx pgx.Tx, consumer string, ids []uuid.UUID, subjects []string) (map[uuid.UUID]bool, error) {
	rows, err := tx.Query(ctx, `INSERT INTO inbox (consumer, event_id, subject)
		SELECT $1, e, s FROM unnest($2::uuid[], $3::text[]) AS t (e, s)
		ON CONFLICT DO NOTHING RETURNING event_id`, consumer, ids, subjects)
	if err != nil {
		return nil, fmt.Errorf("record inbox: %w", err)
	}
	fresh, err := pgx.CollectRows(rows, pgx.RowTo[uuid.UUID])
	if err != nil {
		return nil, fmt.Errorf("record inbox: %w", err)
	}
	out := make(map[uuid.UUID]bool, len(fresh))
	for _, id := range fresh {
		out[id] = true
	}
	return out, nil
}
