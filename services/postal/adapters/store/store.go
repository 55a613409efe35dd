// Package store keeps postal's data in PostgreSQL, in the postal schema: its copies of
// offices and dossiers, shipments and their events.
package store

import (
	"embed"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/platform/calendarsync"
	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/sessionsync"
)

// Schema is postal's own schema; no other service reads it.
const Schema = "postal"

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns every step of the postal schema: the event backbone's outbox
// (shipment events leave through it) and inbox (dossier and reference events arrive
// through it), postal's own tables, and the calendar it follows.
func Migrations() ([]database.Migration, error) {
	own, err := database.FromFS(migrationFS, "migrations", "postal_")
	if err != nil {
		return nil, err
	}
	steps := append(outbox.Migrations(), messaging.InboxMigrations()...)
	steps = append(steps, own...)
	return append(steps, append(calendarsync.Migrations(), sessionsync.Migrations()...)...), nil
}

// Store is postal's data access.
type Store struct {
	pool *pgxpool.Pool
}

// New wraps a pool whose search_path is the postal schema.
func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// Pool exposes the pool for transactions that span the store and the outbox.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }
