package service

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"log/slog"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/adapters/sealing"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/ports/rest"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/infra"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/worktime"
)

// Service is a running intake: its connections, relay and API.
type Service struct {
	Store *store.Store
	infra *infra.Infra
	relay *outbox.Relay
	api   *rest.API
	log   *slog.Logger
}

// New connects to the database and the broker (waiting for both), migrates the intake
// schema, ensures the streams and builds the use cases.
func New(ctx context.Context, cfg Config, log *slog.Logger) (*Service, error) {
	signing, err := auth.ParsePrivateKey(cfg.SigningKey)
	if err != nil {
		return nil, fmt.Errorf("intake: MOTCUA_AUTH_SIGNING_KEY: %w", err)
	}
	sealer, err := sealing.New(cfg.DataKey)
	if err != nil {
		return nil, fmt.Errorf("intake: %w", err)
	}
	cal, err := worktime.DefaultCalendar(calendarYears()...)
	if err != nil {
		return nil, fmt.Errorf("intake: calendar: %w", err)
	}
	steps, err := store.Migrations()
	if err != nil {
		return nil, fmt.Errorf("intake: %w", err)
	}
	inf, err := infra.Open(ctx, infra.Options{Name: "intake", DatabaseURL: cfg.DatabaseURL, Schema: store.Schema,
		MaxConns: cfg.DBMaxConns, Migrations: steps, NATSURL: cfg.NATSURL, StreamReplicas: cfg.StreamReplicas}, log)
	if err != nil {
		return nil, err
	}
	st := store.New(inf.Pool)
	relay := outbox.NewRelay(inf.Pool, inf.JS, log, outbox.RelayOptions{Schema: store.Schema})
	now := time.Now
	signIn, err := app.NewSignIn(st, auth.NewIssuer(signing, cfg.TokenTTL), now)
	if err != nil {
		inf.Close()
		return nil, fmt.Errorf("intake: %w", err)
	}
	byClient, byUser := rest.NewSignInLimiters()
	cat := app.NewCatalog(st, 30*time.Second)
	api := &rest.API{
		SignInByClient: byClient,
		SignInByUser:   byUser,
		Log:            log,
		Store:          st,
		Registrar: &app.Registrar{Store: st, Catalog: cat, Calendar: cal,
			Sealer: sealer, PINKey: cfg.PINKey, Relay: relay, Now: now},
		Processor: &app.Processor{Store: st, Catalog: cat, Calendar: cal, Sealer: sealer, Relay: relay, Now: now},
		Reader:    &app.Reader{Store: st, Catalog: cat, Calendar: cal, Sealer: sealer, Now: now},
		SignIn:    signIn,
		Verifier:  auth.NewVerifier(signing.Public().(ed25519.PublicKey)),
		Calendar:  cal,
	}
	return &Service{Store: st, infra: inf, relay: relay, api: api, log: log}, nil
}

// calendarYears are the years the working-time clock knows, every year the API accepts:
// the shipped decisions (Tết, swapped days) where they exist, the fixed holidays of the
// Labour Code and their compensatory days elsewhere.
func calendarYears() []int {
	years := make([]int, 0, rest.LastYear-rest.FirstYear+1)
	for y := rest.FirstYear; y <= rest.LastYear; y++ {
		years = append(years, y)
	}
	return years
}

// Mount adds intake's API to r.
func (s *Service) Mount(r chi.Router) { s.api.Mount(r) }

// Checks are intake's readiness probes.
func (s *Service) Checks() map[string]httpapi.Check { return s.infra.Checks() }

// Workers are intake's background loops: the outbox relay and housekeeping.
func (s *Service) Workers() []lifecycle.Worker {
	return []lifecycle.Worker{s.relay.Run, housekeeping(s.Store, s.log)}
}

// Close releases the broker connection and the pool; call it after the workers stopped.
func (s *Service) Close() { s.infra.Close() }
