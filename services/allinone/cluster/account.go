package cluster

import (
	"context"
	"io"
	"log/slog"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/database"
)

// AddAccount creates or replaces a staff account directly in intake's schema, as
// "motcua users add" does.
func AddAccount(ctx context.Context, databaseURL, username, password, role string, offices []string) error {
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	pool, err := database.Connect(ctx, databaseURL, database.Options{Schema: store.Schema, MaxConns: 2}, log)
	if err != nil {
		return err
	}
	defer pool.Close()
	return store.New(pool).SaveAccount(ctx, app.Account{Username: username, PasswordHash: hash, Role: role, Offices: offices})
}
