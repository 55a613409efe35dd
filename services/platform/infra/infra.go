// Package infra opens what every service stands on: its PostgreSQL pool (migrated to its
// schema), its NATS JetStream connection (with the product's streams in place), the
// working-time calendar in force and the ends of staff sessions, each followed from the
// REFERENCE stream.
package infra

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/worktime"
)

// Options say where and what to open.
type Options struct {
	// Name is the service's name, used for the NATS connection, readiness checks and
	// the errors of Open.
	Name string
	// Common says where the database and the broker are.
	config.Common
	// Schema is the service's own schema, and Migrations its steps.
	Schema     string
	Migrations []database.Migration
	// OnReconnect, when set, is called after each NATS reconnect.
	OnReconnect func()
	// Calendar names the service's durable consumer of calendar edits (see Follow).
	Calendar string
	// Verifier, when set, refuses the tokens of ended staff sessions; Sessions names the
	// service's durable consumer of the ends (see Follow).
	Verifier *auth.Verifier
	Sessions string
}

// Infra is a service's open pool and broker connection, and what it follows from them.
type Infra struct {
	Pool *pgxpool.Pool
	NC   *nats.Conn
	JS   jetstream.JetStream
	// Calendar is the working-time calendar in force: the shipped days with the
	// administrators' edits.
	Calendar *worktime.Live
	workers  []lifecycle.Worker
	name     string
}

// Open connects to the database and the broker, waiting for both until ctx ends,
// migrates the schema, ensures the streams and starts following the calendar and the
// ends of sessions. Its errors name the service.
func Open(ctx context.Context, o Options, log *slog.Logger) (*Infra, error) {
	pool, err := database.Connect(ctx, o.DatabaseURL, database.Options{Schema: o.Schema, MaxConns: int32(o.DBMaxConns)}, log)
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
	inf := &Infra{Pool: pool, NC: nc, JS: js, name: o.Name}
	if err := messaging.EnsureStreams(ctx, js, o.StreamReplicas, log); err != nil {
		inf.Close()
		return nil, fmt.Errorf("%s: %w", o.Name, err)
	}
	if err := inf.follow(ctx, o, log); err != nil {
		inf.Close()
		return nil, fmt.Errorf("%s: %w", o.Name, err)
	}
	return inf, nil
}

// Workers are the loops that keep the calendar and the ends of sessions current; the
// service runs them with its own.
func (i *Infra) Workers() []lifecycle.Worker { return i.workers }

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
