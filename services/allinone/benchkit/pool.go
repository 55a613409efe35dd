package benchkit

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// OpenPool opens a pool on url with up to conns connections, for the bench's own
// statements (baselines, counts, loading), apart from the services' pools.
func OpenPool(ctx context.Context, url string, conns int32) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	cfg.MaxConns = conns
	return pgxpool.NewWithConfig(ctx, cfg)
}
