// Package store keeps postal's data in PostgreSQL, in the postal schema: its copies of
// offices and dossiers, shipments and their events. It implements the app's ports
// (app.ShipmentStore, app.ShipmentWriter, app.ShipmentTx) and turns the driver's errors
// into the app's.
//
// Two values implement the writes the same way: Store begins a transaction of its own
// for each; Tx works inside a transaction a consumer began, beside its inbox row. Store
// hands its transactions to a Tx, so both run the same statements.
package store

import (
	"context"
	"embed"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/infra"
	"github.com/motcua/motcua/services/postal/app"
)

// Schema is postal's own schema; no other service reads it.
const Schema = "postal"

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns every step of the postal schema: the event backbone's outbox
// (shipment events leave through it) and inbox (dossier and reference events arrive
// through it), postal's own tables, and the calendar and ends of sessions it follows.
func Migrations() []database.Migration {
	return infra.PublisherMigrations(database.Embedded(migrationFS, "migrations", "postal_"))
}

// Store is postal's data, each write in a transaction of its own.
type Store struct {
	queries
	pool *pgxpool.Pool
}

var _ app.ShipmentStore = (*Store)(nil)

// New wraps a pool whose search_path is the postal schema.
func New(pool *pgxpool.Pool) *Store { return &Store{queries: queries{db: pool}, pool: pool} }

// Create opens a shipment in a transaction of its own (see app.ShipmentWriter).
func (s *Store) Create(ctx context.Context, source string, build func(app.ShipmentTx) (app.NewShipment, error)) (app.ShipmentRecord, bool, error) {
	var opened app.ShipmentRecord
	var created bool
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) (err error) {
		opened, created, err = InTx(tx).Create(ctx, source, build)
		return err
	})
	return opened, created, err
}

// Update changes a shipment in a transaction of its own (see app.ShipmentWriter).
func (s *Store) Update(ctx context.Context, trackingNumber string, decide func(app.ShipmentTx, app.ShipmentRecord) (app.Change, error)) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		return InTx(tx).Update(ctx, trackingNumber, decide)
	})
}

// db is a pool or a transaction: what the queries run on.
type db interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// queries are the statements Store and Tx share (the reads, and the audit of reads of
// personal data), run on the pool or in the transaction.
type queries struct {
	db db
}
