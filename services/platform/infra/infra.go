// Package infra opens what every service stands on: its PostgreSQL pool (migrated to its
// schema) and its NATS JetStream connection (with the product's streams in place).
package infra

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/messaging"
)

// Options say where and what to open.
type Options struct {
	// Name is the service's name, used for the NATS connection and readiness checks.
	Name           string
	DatabaseURL    string
	Schema         string
	MaxConns       int
	Migrations     []database.Migration
	NATSURL        string
	StreamReplicas int
	// OnReconnect, when set, is called after each NATS reconnect.
	OnReconnect func()
}

// Infra is a service's open pool and broker connection.
type Infra struct {
	Pool *pgxpool.Pool
	NC   *nats.Conn
	JS   jetstream.JetStream
	name string
}

// Open connects to the database and the broker, waiting for both until ctx ends,
// migrates the schema and ensures the streams.
func Open(ctx context.Context, o Options, log *slog.Logger) (*Infra, error) {
	pool, err := database.Connect(ctx, o.DatabaseURL, database.Options{Schema: o.Schema, MaxConns: int32(o.MaxConns)}, log)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.Name, err)
	}
	if err := database.Migrate(ctx, pool, o.Schema, o.Migrations); err != nil {
		pool.Close()
		return nil, fmt.Errorf("%s: %w", o.Name, err)
	}
	nc, js, err := messaging.Connect(o.NATSURL, o.Name, log, o.OnReconnect)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("%s: %w", o.Name, err)
	}
	if err := messaging.EnsureStreams(ctx, js, o.StreamReplicas, log); err != nil {
		nc.Close()
		pool.Close()
		return nil, fmt.Errorf("%s: %w", o.Name, err)
	}
	return &Infra{Pool: pool, NC: nc, JS: js, name: o.Name}, nil
}

// Checks are the readiness probes: database and broker reachable.
func (i *Infra) Checks() map[string]httpapi.Check {
	return map[string]httpapi.Check{
		i.name + "_database": func(ctx context.Context) error { return i.Pool.Ping(ctx) },
		i.name + "_nats":     func(ctx context.Context) error { return messaging.Ready(ctx, i.NC, i.JS) },
	}
}

// Close releases the broker connection and the pool; call it after the workers stopped.
func (i *Infra) Close() {
	i.NC.Close()
	i.Pool.Close()
}
