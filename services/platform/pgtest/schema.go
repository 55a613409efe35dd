package pgtest

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/platform/database"
)

// setupTimeout bounds connecting to a schema and migrating it.
const setupTimeout = 30 * time.Second

var quiet = slog.New(slog.DiscardHandler)

// NewSchema gives the test a schema of its own on the database of dbURL: it returns a
// fresh schema name and a pool whose search_path is that schema. With steps, the schema
// is created and migrated; without, it is left for the test to create. The schema is
// dropped and the pool closed when the test ends.
func NewSchema(t testing.TB, dbURL string, steps ...database.Migration) (*pgxpool.Pool, string) {
	t.Helper()
	schema := randomName("t_")
	pool := ConnectSchema(t, dbURL, schema)
	t.Cleanup(func() {
		_, _ = pool.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
	})
	if len(steps) > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
		defer cancel()
		if err := database.Migrate(ctx, pool, schema, steps); err != nil {
			t.Fatal(err)
		}
	}
	return pool, schema
}

// ConnectSchema opens a pool on dbURL whose search_path is schema, closed when the test
// ends.
func ConnectSchema(t testing.TB, dbURL, schema string) *pgxpool.Pool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
	defer cancel()
	pool, err := database.Connect(ctx, dbURL, database.Options{Schema: schema}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}
