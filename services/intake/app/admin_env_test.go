package app_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// adminDB is a fresh, migrated intake database with the demo data, on the PostgreSQL
// server of DATABASE_URL; it is dropped when the test ends.
func adminDB(t *testing.T) (*store.Store, *pgxpool.Pool) {
	t.Helper()
	server := os.Getenv("DATABASE_URL")
	if server == "" {
		t.Fatal("DATABASE_URL is not set; run the tests with 'make test', which starts PostgreSQL")
	}
	ctx := context.Background()
	u, drop, err := pgtest.CreateDatabase(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(drop)
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

// signingKey is a fresh key pair for issuing tokens in tests.
func signingKey(t *testing.T) ed25519.PrivateKey {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return priv
}

func fixedNow() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }

// count is the number of rows query finds.
func count(t *testing.T, pool *pgxpool.Pool, query string, args ...any) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
