// Package service wires postal together: configuration, database, broker, the
// consumers of dossier, office and calendar events, and the routes. The postal binary
// and the all-in-one command both build it.
package service

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/infra"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/postal/adapters/store"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/ports/rest"
	"github.com/motcua/motcua/services/postal/ports/web"
	"github.com/motcua/motcua/services/postal/projection"
)

// Config is postal's configuration, read from the environment.
type Config struct {
	config.Common
	PublicKey string
	// DataKey seals the citizens' addresses and the proofs of delivery; EarlierDataKeys
	// (MOTCUA_DATA_EARLIER_KEYS), those a rotation replaced, still open what they sealed.
	DataKey         []byte
	EarlierDataKeys [][]byte
	// EventKey opens the addresses the dossier events carry sealed for the post.
	EventKey []byte
	// Now is the service's clock (tests fix it); nil means time.Now.
	Now func() time.Time
}

// ReadConfig reads postal's settings from r.
func ReadConfig(r *config.Reader) (Config, error) {
	c := Config{
		Common:          config.ReadCommon(r, "127.0.0.1:8083"),
		PublicKey:       r.String("MOTCUA_AUTH_PUBLIC_KEY", ""),
		DataKey:         r.Key("MOTCUA_DATA_KEY"),
		EarlierDataKeys: r.EarlierKeys("MOTCUA_DATA_EARLIER_KEYS"),
		EventKey:        r.Key("MOTCUA_EVENT_KEY"),
	}
	r.Require("MOTCUA_AUTH_PUBLIC_KEY", c.PublicKey)
	return c, r.Err()
}

// Service is a running postal service: its connections, consumers, relay and API.
type Service struct {
	// Infra is what postal stands on: its pool (search_path postal, which tests look
	// behind the API with), broker, calendar and sessions (its Checks are postal's
	// readiness probes; Close releases it after the workers stopped).
	*infra.Infra
	relay     *outbox.Relay
	consumers []*messaging.Consumer
	api       *rest.API
	pages     *web.Pages
}

// New connects (waiting for the database and the broker), migrates the postal schema
// and builds the consumers and API.
func New(ctx context.Context, cfg Config, log *slog.Logger) (*Service, error) {
	pub, err := auth.ParsePublicKey(cfg.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("postal: MOTCUA_AUTH_PUBLIC_KEY: %w", err)
	}
	sealer, err := sealing.New(cfg.DataKey, cfg.EarlierDataKeys...)
	if err != nil {
		return nil, fmt.Errorf("postal: %w", err)
	}
	eventSealer, err := sealing.New(cfg.EventKey)
	if err != nil {
		return nil, fmt.Errorf("postal: MOTCUA_EVENT_KEY: %w", err)
	}
	// Staff tokens of accounts disabled or changed since they were signed are refused;
	// the calendar in force is for the rule on failed deliveries.
	others, err := auth.ParsePublicKeys(cfg.OtherAuthKeys)
	if err != nil {
		return nil, fmt.Errorf("postal: MOTCUA_AUTH_OTHER_PUBLIC_KEYS: %w", err)
	}
	verifier := auth.NewVerifier(pub, others...)
	inf, err := infra.Open(ctx, infra.Options{Name: "postal", Common: cfg.Common, Schema: store.Schema,
		Migrations: store.Migrations(), Calendar: "postal-calendar", Verifier: verifier, Sessions: "postal-sessions"}, log)
	if err != nil {
		return nil, err
	}
	relay := outbox.NewRelay(inf.Pool, inf.JS, log, outbox.RelayOptions{Schema: store.Schema})
	dossiers := &projection.Dossiers{Sealer: sealer, EventSealer: eventSealer}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	st := store.New(inf.Pool)
	shipments := &app.Shipments{Store: st, Pickups: st, Sealer: sealer, Calendar: inf.Calendar, Relay: relay, Now: now}
	dossiers.Shipments = shipments
	handovers := &app.Handovers{Shipments: shipments, Store: st}
	return &Service{
		Infra: inf, relay: relay,
		consumers: []*messaging.Consumer{
			messaging.NewConsumer(inf.Pool, inf.JS, log, projection.OfficeConsumer, projection.Office),
			messaging.NewConsumer(inf.Pool, inf.JS, log, projection.DossierConsumer, dossiers.Handle),
		},
		api: &rest.API{Log: log, Verifier: verifier, Shipments: shipments, Handovers: handovers,
			Audit: &app.Audit{Store: st}},
		pages: &web.Pages{Log: log, Verifier: verifier, Shipments: shipments, Handovers: handovers},
	}, nil
}

// Mount adds postal's API and the postal worker's pages to r, with the base style
// sheet of the pages.
func (s *Service) Mount(r chi.Router) {
	s.api.Mount(r)
	s.pages.Mount(r)
	layout.MountBaseStyle(r, "postal")
}

// Workers are postal's background loops: the outbox relay, the consumers, and the
// followers of calendar edits and of the ends of staff sessions.
func (s *Service) Workers() []lifecycle.Worker {
	w := append(s.Infra.Workers(), s.relay.Run)
	for _, c := range s.consumers {
		w = append(w, c.Run)
	}
	return w
}
