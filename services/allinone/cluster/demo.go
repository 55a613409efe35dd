package cluster

import (
	"context"
	"io"
	"log/slog"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/database"
)

// LoadDemo writes intake's demo data (offices, procedures, accounts) into the database,
// as "motcua serve --demo" does; intake must have migrated its schema first.
func LoadDemo(ctx context.Context, databaseURL string) error {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	pool, err := database.Connect(ctx, databaseURL, database.Options{Schema: store.Schema, MaxConns: 2}, log)
	if err != nil {
		return err
	}
	defer pool.Close()
	return demo.Load(ctx, store.New(pool))
}
