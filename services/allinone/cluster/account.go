package cluster

import (
	"context"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/allinone/intakedb"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
)

// AddAccount creates or replaces a staff account directly in intake's schema, as
// "motcua users add" does.
func AddAccount(ctx context.Context, databaseURL, username, password, role string, offices []string) error {
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	return intakedb.With(ctx, databaseURL, slog.New(slog.DiscardHandler), func(pool *pgxpool.Pool) error {
		return store.New(pool).SaveAccount(ctx, app.Account{Username: username, PasswordHash: hash, Role: role, Offices: offices})
	})
}
