// Package service wires status together: configuration, database, broker, the projections
// of dossier and shipment events and the routes. The status binary and the all-in-one command both
// build it.
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
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/status/adapters/store"
	"github.com/motcua/motcua/services/status/adapters/trackcache"
	"github.com/motcua/motcua/services/status/app/citizen"
	"github.com/motcua/motcua/services/status/app/indicators"
	"github.com/motcua/motcua/services/status/app/stafflist"
	"github.com/motcua/motcua/services/status/ports/dashboard"
	"github.com/motcua/motcua/services/status/ports/rest"
	"github.com/motcua/motcua/services/status/ports/web"
	"github.com/motcua/motcua/services/status/projection"
	"github.com/motcua/motcua/services/worktime"
)

// Config is status's configuration, read from the environment.
type Config struct {
	config.Common
	PublicKey string
	PINKey    []byte
	// CacheSize, CacheBytes and CacheTTL bound the citizen views kept in memory: how
	// many, how many bytes in all, and for how long.
	CacheSize  int
	CacheBytes int
	CacheTTL   time.Duration
	// AtRiskHours: an open dossier due within this many working hours is at risk, on
	// the staff lists (?at_risk=true) and the dashboard (MOTCUA_AT_RISK_HOURS).
	AtRiskHours int
	// Now is the clock of the answers (time.Now when nil): tests fix it.
	Now func() time.Time
	// Calendar is the working-time calendar of the answers; when nil, the calendar in
	// force, with the administrators' edits followed from the REFERENCE stream.
	Calendar func() *worktime.Calendar
}

// ReadConfig reads status's settings from r.
func ReadConfig(r *config.Reader) (Config, error) {
	c := Config{
		Common:      config.ReadCommon(r, "127.0.0.1:8082"),
		PublicKey:   r.String("MOTCUA_AUTH_PUBLIC_KEY", ""),
		PINKey:      r.Key("MOTCUA_PIN_KEY"),
		CacheSize:   r.Int("MOTCUA_TRACK_CACHE_SIZE", 20000),
		CacheBytes:  r.Int("MOTCUA_TRACK_CACHE_BYTES", DefaultCacheBytes),
		CacheTTL:    r.Duration("MOTCUA_TRACK_CACHE_TTL", 30*time.Second),
		AtRiskHours: r.AtRiskHours(),
	}
	r.Require("MOTCUA_AUTH_PUBLIC_KEY", c.PublicKey)
	return c, r.Err()
}

// Service is a running status: its connections, consumer and API.
type Service struct {
	// Infra is what status stands on: its pool, broker, calendar and sessions (its
	// Checks are status's readiness probes; Close releases it after the workers stopped).
	*infra.Infra
	Store    *store.Store
	consumer *messaging.Consumer
	// shipments folds the postal service's shipment events.
	shipments *messaging.Consumer
	// notices keeps what intake told citizens, for the lookup.
	notices   *messaging.Consumer
	api       *rest.API
	pages     *web.Pages
	dashboard *dashboard.Pages
}

// DefaultCacheBytes bounds the bytes of the citizen views kept in memory
// (MOTCUA_TRACK_CACHE_BYTES): about four thousand views of a dozen steps (4 KiB each), so that the
// memory of a status process does not grow with the dossiers looked up.
const DefaultCacheBytes = 16 << 20

// New connects (waiting for the database and the broker), migrates the status schema and
// builds the consumer and API.
func New(ctx context.Context, cfg Config, log *slog.Logger) (*Service, error) {
	pub, err := auth.ParsePublicKey(cfg.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("status: MOTCUA_AUTH_PUBLIC_KEY: %w", err)
	}
	loc := worktime.VietnamLocation()
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	if cfg.CacheBytes <= 0 { // a Config built in code rather than read
		cfg.CacheBytes = DefaultCacheBytes
	}
	cache := trackcache.New(cfg.CacheSize, cfg.CacheBytes, cfg.CacheTTL, time.Now)
	// Staff tokens of accounts disabled or changed since they were signed are refused.
	others, err := auth.ParsePublicKeys(cfg.OtherAuthKeys)
	if err != nil {
		return nil, fmt.Errorf("status: MOTCUA_AUTH_OTHER_PUBLIC_KEYS: %w", err)
	}
	verifier := auth.NewVerifier(pub, others...)
	inf, err := infra.Open(ctx, infra.Options{Name: "status", Common: cfg.Common, Schema: store.Schema,
		Migrations: store.Migrations(), OnReconnect: cache.Clear, Calendar: "status-calendar",
		Verifier: verifier, Sessions: "status-sessions"}, log)
	if err != nil {
		return nil, err
	}
	if _, err := trackcache.Listen(inf.NC, cache); err != nil {
		inf.Close()
		return nil, fmt.Errorf("status: %w", err)
	}
	// The calendar in force: the shipped one with the administrators' edits, loaded at
	// start and followed from the REFERENCE stream.
	calendar := cfg.Calendar
	if calendar == nil {
		calendar = inf.Calendar.Calendar
	}
	st := store.New(inf.Pool)
	if err := st.UseZone(ctx, loc); err != nil {
		inf.Close()
		return nil, fmt.Errorf("status: %w", err)
	}
	citizens := citizen.NewService(citizen.Options{Dossiers: st, Ratings: st, Views: cache, PINKey: cfg.PINKey,
		Location: loc, Now: now, Calendar: calendar, Limits: citizen.DefaultLimits()})
	atRiskHours := cfg.AtRiskHours
	if atRiskHours <= 0 { // a Config built in code rather than read
		atRiskHours = config.DefaultAtRiskHours
	}
	figures := indicators.NewService(indicators.Options{Counts: st, Legs: st, Overdue: st, AtRisk: st, Names: st,
		Location: loc, Calendar: calendar, AtRiskHours: atRiskHours})
	return &Service{
		Store:     st,
		Infra:     inf,
		consumer:  messaging.NewConsumer(inf.Pool, inf.JS, log, projection.DossierConsumer, projection.Dossier),
		shipments: messaging.NewConsumer(inf.Pool, inf.JS, log, projection.ShipmentConsumer, projection.Shipment),
		notices:   messaging.NewConsumer(inf.Pool, inf.JS, log, projection.NoticeConsumer, projection.Notice),
		api: &rest.API{Log: log, Verifier: verifier, Location: loc, Now: now, Citizen: citizens,
			Lists: stafflist.NewService(st, calendar, atRiskHours), Indicators: figures},
		pages:     &web.Pages{Log: log, Citizen: citizens},
		dashboard: &dashboard.Pages{Log: log, Verifier: verifier, Location: loc, Now: now, Indicators: figures},
	}, nil
}

// Mount adds status's API, its citizen pages and the supervisors' dashboard to r, with
// the base style sheet both kinds of pages share.
func (s *Service) Mount(r chi.Router) {
	s.api.Mount(r)
	s.pages.Mount(r)
	s.dashboard.Mount(r)
	layout.MountBaseStyle(r, "status")
}

// Workers are status's background loops: the consumers of dossier events, of shipment
// events, of calendar edits and of the ends of staff sessions.
func (s *Service) Workers() []lifecycle.Worker {
	return append(s.Infra.Workers(), s.consumer.Run, s.shipments.Run, s.notices.Run)
}
