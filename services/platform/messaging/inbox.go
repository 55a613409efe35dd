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
	m, err := database.FromFS(migrationFS, "migrations", "platform_inbox_")
	if err != nil {
		panic(err) // embedded at build time: cannot fail at run time
	}
	return m
}

// recordInbox notes that consumer applies eventID in tx. It reports false when the event
// was applied before, in which case the caller must skip it.
func recordInbox(ctx context.Context, tx pgx.Tx, consumer string, eventID uuid.UUID, subject string) (bool, error) {
	tag, err := tx.Exec(ctx,
		"INSERT INTO inbox (consumer, event_id, subject) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
		consumer, eventID, subject)
	if err != nil {
		return false, fmt.Errorf("record inbox: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}
