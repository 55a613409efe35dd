// Package intakedb opens intake's schema for the all-in-one's tools that write to it
// directly, without intake's API: the command line (users add, calendar set) and the
// cluster harness (demo data, accounts for the load benchmark).
package intakedb

import (
	"context"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/adapters/store"
)

// With opens intake's schema on the database of databaseURL as intake does, migrating
// it first (so that a tool works before intake's first start), runs use on the pool and
// closes it.
func With(ctx context.Context, databaseURL string, log *slog.Logger, use func(*pgxpool.Pool) error) error {
	pool, err := store.Open(ctx, databaseURL, log)
	if err != nil {
		return err
	}
	defer pool.Close()
	return use(pool)
}
