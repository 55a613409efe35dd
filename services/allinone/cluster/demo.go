package cluster

import (
	"context"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/allinone/intakedb"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/demo"
)

// LoadDemo writes intake's demo data (offices, procedures, accounts) into the database,
// as "motcua serve --demo" does.
func LoadDemo(ctx context.Context, databaseURL string) error {
	return intakedb.With(ctx, databaseURL, slog.New(slog.DiscardHandler), func(pool *pgxpool.Pool) error {
		return demo.Load(ctx, store.New(pool))
	})
}
