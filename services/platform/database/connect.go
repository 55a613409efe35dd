// Package database opens a service's PostgreSQL pool, confined to the service's own
// schema, and applies its embedded forward-only migrations.
package database

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Options tune a pool.
type Options struct {
	// Schema is the service's own schema; the pool's search_path is set to it so SQL
	// names tables without qualification.
	Schema string
	// MaxConns caps the pool (default 10).
	MaxConns int32
}

// Connect opens a pool on url and waits until PostgreSQL answers, retrying with back-off
// until ctx ends, so a service can start before its database.
func Connect(ctx context.Context, url string, opt Options, log *slog.Logger) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("parse database url: %w", err)
	}
	if opt.Schema != "" {
		cfg.ConnConfig.RuntimeParams["search_path"] = opt.Schema
	}
	cfg.ConnConfig.RuntimeParams["timezone"] = "UTC"
	cfg.MaxConns = 10
	if opt.MaxConns > 0 {
		cfg.MaxConns = opt.MaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open pool: %w", err)
	}
	wait := 100 * time.Millisecond
	for {
		pingCtx, cancel := context.WithTimeout(ctx, 3*time.Second)
		err = pool.Ping(pingCtx)
		cancel()
		if err == nil {
			return pool, nil
		}
		log.Warn("database not reachable yet", "err", err.Error(), "retry_in", wait.String())
		select {
		case <-ctx.Done():
			pool.Close()
			return nil, fmt.Errorf("connect database: %w", err)
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Second)
	}
}
