// Package server runs the three services and, unless NATS_URL is set, an embedded NATS
// server in one process, on one HTTP address: the product's default way to run.
package server

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"os"
	"path/filepath"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/allinone/secrets"
	"github.com/motcua/motcua/services/intake/demo"
	intake "github.com/motcua/motcua/services/intake/service"
	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/embeddednats"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/lifecycle"
	postal "github.com/motcua/motcua/services/postal/service"
	status "github.com/motcua/motcua/services/status/service"
)

// Options of the all-in-one server.
type Options struct {
	// Env is the environment to read, normally the process's.
	Env map[string]string
	// Demo loads the demo data (idempotently) and prints the demo logins.
	Demo bool
	// Ready, when set, receives the HTTP address once the server listens.
	Ready func(net.Addr)
	// Broker, when set, receives the embedded NATS server's address once it runs.
	Broker func(url string)
	// Routes, when set, receives the router served, with every route mounted, before
	// the server listens (for checks that walk every route).
	Routes func(chi.Routes)
}

// Run starts everything and serves until ctx ends, then stops in order: HTTP drained,
// consumers and relays stopped (outboxes flushed), connections closed, NATS shut down.
func Run(ctx context.Context, opt Options, log *slog.Logger) error {
	env := maps.Clone(opt.Env)
	dataDir := env["MOTCUA_DATA_DIR"]
	if dataDir == "" {
		dataDir = ".data"
	}
	env["MOTCUA_DATA_DIR"] = dataDir // the services keep their files under it
	keys, err := secrets.LoadOrCreate(dataDir)
	if err != nil {
		return err
	}
	for k, v := range keys.Env() {
		if env[k] == "" {
			env[k] = v
		}
	}
	if env["MOTCUA_HTTP_ADDR"] == "" {
		env["MOTCUA_HTTP_ADDR"] = "127.0.0.1:8080"
	}
	// Each service's own settings, over env's: its database role, its broker user.
	own := map[string]map[string]string{}
	set := func(service, name, value string) {
		if own[service] == nil {
			own[service] = map[string]string{}
		}
		own[service][name] = value
	}
	if env["MOTCUA_DATABASE_ROLES"] != "off" && env["DATABASE_URL"] != "" {
		urls, err := provisionRoles(ctx, env["DATABASE_URL"], keys.DatabasePasswords, log)
		if err != nil {
			return err
		}
		for service, u := range urls {
			set(service, "DATABASE_URL", u)
		}
	}
	if env["NATS_URL"] == "" {
		// Each service connects as its own user of accounts.conf, with a password made
		// for this run: no other process on the machine gets in.
		passwords := map[string]string{}
		for _, user := range embeddednats.Users {
			passwords[user] = rand.Text()
		}
		ns, err := embeddednats.Start(embeddednats.Options{StoreDir: filepath.Join(dataDir, "nats"), Port: -1, Passwords: passwords})
		if err != nil {
			return err
		}
		defer func() { ns.Shutdown(); ns.WaitForShutdown() }()
		for user, pw := range passwords {
			set(user, "NATS_URL", embeddednats.URL(ns, user, pw))
		}
		log.Info("embedded nats started", "url", ns.ClientURL(), "store", filepath.Join(dataDir, "nats"))
		if opt.Broker != nil {
			opt.Broker(ns.ClientURL())
		}
	}

	services, common, err := start(ctx, env, own, log)
	if err != nil {
		return err
	}
	defer func() {
		for _, s := range services {
			s.Close()
		}
	}()
	if opt.Demo {
		if err := demo.Load(ctx, services[0].(*intake.Service).Store); err != nil {
			return err
		}
	}
	router := lifecycle.Router("motcua", common, log)
	checks := map[string]httpapi.Check{}
	var workers []lifecycle.Worker
	for _, s := range services {
		maps.Copy(checks, s.Checks())
		s.Mount(router)
		workers = append(workers, s.Workers()...)
	}
	httpapi.MountOps(router, checks, log, common.MetricsNetworks...)
	if opt.Routes != nil {
		opt.Routes(router)
	}
	ready := func(a net.Addr) {
		if opt.Demo {
			printDemo(a.String()) // the address listened on, also when the port was 0
		}
		if opt.Ready != nil {
			opt.Ready(a)
		}
	}
	return lifecycle.Run(ctx, httpapi.NewServer(common.HTTPAddr, router), workers, common.ShutdownTimeout, log, ready)
}

// start builds intake, status and postal from env, each reading its own settings (own's
// over env's), closing what started if one fails.
func start(ctx context.Context, env map[string]string, own map[string]map[string]string, log *slog.Logger) ([]lifecycle.Service, config.Common, error) {
	starters := []struct {
		name  string
		start lifecycle.Starter
	}{
		{"intake", lifecycle.StarterOf(intake.ReadConfig, intake.New)},
		{"status", lifecycle.StarterOf(status.ReadConfig, status.New)},
		{"postal", lifecycle.StarterOf(postal.ReadConfig, postal.New)},
	}
	var started []lifecycle.Service
	var common config.Common
	for _, s := range starters {
		settings := maps.Clone(env)
		maps.Copy(settings, own[s.name])
		svc, c, err := s.start(ctx, config.NewReaderFrom(settings), log.With("component", s.name))
		if err != nil {
			for _, done := range started {
				done.Close()
			}
			return nil, c, err
		}
		started = append(started, svc)
		common = c
	}
	return started, common, nil
}

func printDemo(addr string) {
	w := os.Stdout
	fmt.Fprintf(w, "\nmotcua is running at http://%s\n", addr)
	fmt.Fprintf(w, "Demo logins (password %q):\n", demo.Password)
	for _, a := range demo.Accounts() {
		fmt.Fprintf(w, "  %-20s %-10s offices: %v\n", a.Username, a.Role, a.Offices)
	}
	fmt.Fprintf(w, "Citizen lookup page: http://%s/tra-cuu\n", addr)
	fmt.Fprintf(w, "Staff pages: http://%s/dang-nhap (desk and offices /mot-cua, post /buu-chinh, supervisors /giam-sat, administrators /quan-tri)\n", addr)
	fmt.Fprintf(w, "Try: curl -s http://%s/api/v1/procedures\n\n", addr)
}
