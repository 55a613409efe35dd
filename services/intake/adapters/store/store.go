// Package store keeps intake's data in PostgreSQL, in the intake schema: reference data,
// staff accounts, dossiers with their sealed personal data, and idempotent answers.
package store

import (
	"context"
	"embed"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/infra"
)

// Schema is intake's own schema; no other service reads it.
const Schema = "intake"

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns every step of intake's schema: the backbone's outbox and inbox,
// intake's own tables, and the calendar and ends of sessions it follows.
func Migrations() []database.Migration {
	return infra.PublisherMigrations(database.Embedded(migrationFS, "migrations", "intake_"))
}

// Store is intake's data access.
type Store struct {
	pool *pgxpool.Pool
}

// New wraps a pool whose search_path is the intake schema.
func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// Pool exposes the pool for transactions that span the store and the outbox.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Open connects to intake's schema on the database of databaseURL and migrates it, for
// the command line's tools (staff accounts, the calendar), which may run before the
// service ever started.
func Open(ctx context.Context, databaseURL string, log *slog.Logger) (*pgxpool.Pool, error) {
	pool, err := database.Connect(ctx, databaseURL, database.Options{Schema: Schema, MaxConns: 2}, log)
	if err != nil {
		return nil, err
	}
	if err := database.Migrate(ctx, pool, Schema, Migrations()); err != nil {
		pool.Close()
		return nil, err
	}
	return pool, nil
}
