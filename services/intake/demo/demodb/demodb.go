// Package demodb gives tests a fresh intake database with the demo data loaded, on the
// PostgreSQL server the tests are given.
package demodb

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// Open is a fresh, migrated intake database with the demo data, on the PostgreSQL
// server of DATABASE_URL; it is dropped when the test ends.
func Open(t testing.TB) (*store.Store, *pgxpool.Pool) {
	t.Helper()
	ctx := context.Background()
	u := pgtest.NewDatabase(t, pgtest.Server(t))
	pool, err := store.Open(ctx, u, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	st := store.New(pool)
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	return st, pool
}
