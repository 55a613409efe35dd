// Package outbox is the sending half of the event backbone: events are written in the
// same transaction as the change they describe, and a relay publishes them to JetStream
// afterwards, so a crash between the two loses nothing.
package outbox

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

// Migrations returns the steps that create the outbox table in a service's schema.
func Migrations() []database.Migration {
	return database.Embedded(migrationFS, "migrations", "platform_outbox_")
}

// Message is one event waiting to be published.
type Message struct {
	// EventID becomes the Nats-Msg-Id header, so JetStream drops the relay's retries.
	EventID uuid.UUID
	// Subject is the NATS subject, e.g. dossier.v1.<id>.received.
	Subject string
	// Payload is the encoded event.
	Payload []byte
}

const insertSQL = "INSERT INTO outbox (event_id, subject, payload) VALUES ($1, $2, $3)"

// Add stores messages in tx; they are published only if tx commits.
func Add(ctx context.Context, tx pgx.Tx, msgs ...Message) error {
	for _, m := range msgs {
		if _, err := tx.Exec(ctx, insertSQL, m.EventID, m.Subject, m.Payload); err != nil {
			return fmt.Errorf("add to outbox: %w", err)
		}
	}
	return nil
}

// Queue adds the inserts of messages to a batch that runs inside a transaction, for
// writers that send a transaction's statements in one round trip.
func Queue(b *pgx.Batch, msgs ...Message) {
	for _, m := range msgs {
		b.Queue(insertSQL, m.EventID, m.Subject, m.Payload)
	}
}
