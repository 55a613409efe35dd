package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	intakestore "github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/platform/database"
	postalstore "github.com/motcua/motcua/services/postal/adapters/store"
	statusstore "github.com/motcua/motcua/services/status/adapters/store"
)

// schemas are the services' schemas.
var schemas = map[string]string{"intake": intakestore.Schema, "status": statusstore.Schema, "postal": postalstore.Schema}

// provisionRoles gives each service a database role of its own, owning its schema only
// and no superuser, with its password of passwords, and returns each service's URL.
// When the URL given may not create roles (an operator's own, already confined user),
// the services share it, as they did before, and the log says so.
func provisionRoles(ctx context.Context, adminURL string, passwords map[string]string, log *slog.Logger) (map[string]string, error) {
	urls := map[string]string{}
	for service, schema := range schemas {
		u, err := database.Provision(ctx, adminURL, schema, passwords[service])
		for wait := 100 * time.Millisecond; database.Unavailable(err) && ctx.Err() == nil && wait < 10*time.Second; wait *= 2 {
			log.Warn("database not reachable yet", "err", err.Error(), "retry_in", wait.String())
			time.Sleep(wait) // make run starts PostgreSQL just before
			u, err = database.Provision(ctx, adminURL, schema, passwords[service])
		}
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "42501" {
			log.Warn("the database user may not create roles: the services share it", "err", pgErr.Message)
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("database role of %s: %w", service, err)
		}
		urls[service] = u
	}
	return urls, nil
}
