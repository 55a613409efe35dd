// Package store keeps status's read model in PostgreSQL, in the status schema: dossiers
// as folded from events, their timelines, and their postal shipments with a step per
// shipment event. It implements the ports the app declares (citizen.Dossiers and
// Ratings, stafflist.Dossiers, indicators.Counts, PostLegs, OverdueDossiers,
// AtRiskDossiers and Names) and turns what the driver says into the app's errors; the
// projection folds events with its Fold functions.
package store

import (
	"embed"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/infra"
)

// Schema is status's own schema; no other service reads it.
const Schema = "status"

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns every step of the status schema: the inbox, its own tables, and
// the calendar and ends of sessions it follows.
func Migrations() []database.Migration {
	return infra.Migrations(database.Embedded(migrationFS, "migrations", "status_"))
}

// Store is status's data access.
type Store struct {
	pool *pgxpool.Pool
	// loc is the zone the sums of settled dossiers are cut in days in, and zone its
	// name in PostgreSQL (UseZone).
	loc  *time.Location
	zone string
}

// New wraps a pool whose search_path is the status schema.
func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }
