package servicetest

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"log/slog"
	"maps"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/intake/service"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/natstest"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// dbURL is this package's own database; each test environment creates a fresh one next
// to it, so tests can run in parallel and count dossier sequences from 1.
var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

// env is one running intake: its own database, NATS server, workers and HTTP server.
type env struct {
	URL    string
	PINKey []byte
	// EventKey seals the addresses of the events, for the postal service.
	EventKey []byte
	DB       *pgxpool.Pool // the service's database, for looking behind the API
	JS       jetstream.JetStream
	// Warnings are the service's staff warnings, for running their passes at a clock of
	// the test's own.
	Warnings *app.Warnings

	mu     sync.Mutex
	tokens map[string]string
}

// start brings up an intake service with the demo data loaded; everything stops when
// the test ends.
func start(t *testing.T) *env { t.Helper(); return startWith(t, nil, nil) }

// startThrough is start with the service reaching its database through the address
// through gives for it (a fault in between); nil is the database itself.
func startThrough(t *testing.T, through func(dbURL string) string) *env {
	t.Helper()
	return startWith(t, through, nil)
}

// startWith is start with the database through through (see startThrough) and the
// settings of settings besides the tests' own (a mail server, an SMS gateway).
func startWith(t *testing.T, through func(dbURL string) string, settings map[string]string) *env {
	t.Helper()
	ctx := context.Background()
	u := pgtest.NewDatabase(t, dbURL)
	if through != nil {
		u = through(u)
	}
	ns := natstest.Start(t)

	pinKey, eventKey := randomKey(), randomKey()
	settingsOf := map[string]string{
		"DATABASE_URL":            u,
		"NATS_URL":                ns.ClientURL(),
		"MOTCUA_DB_MAX_CONNS":     "8",
		"MOTCUA_AUTH_SIGNING_KEY": base64.StdEncoding.EncodeToString(randomKey()),
		"MOTCUA_DATA_KEY":         base64.StdEncoding.EncodeToString(randomKey()),
		"MOTCUA_PIN_KEY":          base64.StdEncoding.EncodeToString(pinKey),
		"MOTCUA_EVENT_KEY":        base64.StdEncoding.EncodeToString(eventKey),
		"MOTCUA_DATA_DIR":         t.TempDir(),
	}
	maps.Copy(settingsOf, settings)
	cfg, err := service.ReadConfig(config.NewReaderFrom(settingsOf))
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	svc, err := service.New(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)
	if err := demo.Load(ctx, svc.Store); err != nil {
		t.Fatal(err)
	}

	url := apitest.Serve(t, "intake", svc, log)
	return &env{URL: url, PINKey: pinKey, EventKey: eventKey, DB: svc.Store.Pool(), JS: natstest.Client(t, ns.ClientURL()),
		Warnings: svc.Warnings, tokens: map[string]string{}}
}

func randomKey() []byte {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return b
}
