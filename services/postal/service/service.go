// Package service wires postal together: configuration, database, broker and routes.
// The postal binary and the all-in-one command both build it.
package service

import (
	"context"
	"log/slog"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/infra"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/postal/adapters/store"
)

// Config is postal's configuration, read from the environment.
type Config struct {
	config.Common
}

// ReadConfig reads postal's settings from r.
func ReadConfig(r *config.Reader) (Config, error) {
	c := Config{Common: config.ReadCommon(r, "127.0.0.1:8083")}
	return c, r.Err()
}

// Service is a running postal service: its connections and outbox relay. Shipments,
// manifests and deliveries are built on this.
type Service struct {
	infra *infra.Infra
	relay *outbox.Relay
}

// New connects (waiting for the database and the broker) and migrates the postal schema.
func New(ctx context.Context, cfg Config, log *slog.Logger) (*Service, error) {
	inf, err := infra.Open(ctx, infra.Options{Name: "postal", DatabaseURL: cfg.DatabaseURL, Schema: store.Schema,
		MaxConns: cfg.DBMaxConns, Migrations: store.Migrations(), NATSURL: cfg.NATSURL, StreamReplicas: cfg.StreamReplicas}, log)
	if err != nil {
		return nil, err
	}
	return &Service{infra: inf, relay: outbox.NewRelay(inf.Pool, inf.JS, log, outbox.RelayOptions{Schema: store.Schema})}, nil
}

// Mount adds postal's API to r; it has no routes of its own yet.
func (s *Service) Mount(chi.Router) {}

// Checks are postal's readiness probes.
func (s *Service) Checks() map[string]httpapi.Check { return s.infra.Checks() }

// Workers are postal's background loops: the outbox relay.
func (s *Service) Workers() []lifecycle.Worker { return []lifecycle.Worker{s.relay.Run} }

// Close releases the broker connection and the pool; call it after the workers stopped.
func (s *Service) Close() { s.infra.Close() }
