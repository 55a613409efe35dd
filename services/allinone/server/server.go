// Package server runs the three services and, unless NATS_URL is set, an embedded NATS
// server in one process, on one HTTP address: the product's default way to run.
package server

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"os"
	"path/filepath"

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
}

// Run starts everything and serves until ctx ends, then stops in order: HTTP drained,
// consumers and relays stopped (outboxes flushed), connections closed, NATS shut down.
func Run(ctx context.Context, opt Options, log *slog.Logger) error {
	env := maps.Clone(opt.Env)
	dataDir := env["MOTCUA_DATA_DIR"]
	if dataDir == "" {
		dataDir = ".data"
	}
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
	if env["NATS_URL"] == "" {
		ns, err := embeddednats.Start(embeddednats.Options{StoreDir: filepath.Join(dataDir, "nats"), Port: -1})
		if err != nil {
			return err
		}
		defer func() { ns.Shutdown(); ns.WaitForShutdown() }()
		env["NATS_URL"] = ns.ClientURL()
		log.Info("embedded nats started", "url", ns.ClientURL(), "store", filepath.Join(dataDir, "nats"))
	}

	services, common, err := start(ctx, env, log)
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
		printDemo(common.HTTPAddr)
	}
	router := httpapi.NewRouter("motcua", log)
	checks := map[string]httpapi.Check{}
	var workers []lifecycle.Worker
	for _, s := range services {
		maps.Copy(checks, s.Checks())
		s.Mount(router)
		workers = append(workers, s.Workers()...)
	}
	httpapi.MountOps(router, checks)
	return lifecycle.Run(ctx, httpapi.NewServer(common.HTTPAddr, router), workers, common.ShutdownTimeout, log, opt.Ready)
}

// start builds intake, status and postal from env, closing what started if one fails.
func start(ctx context.Context, env map[string]string, log *slog.Logger) ([]lifecycle.Service, config.Common, error) {
	r := config.NewReaderFrom(env)
	ic, err := intake.ReadConfig(r)
	if err != nil {
		return nil, ic.Common, err
	}
	sc, err := status.ReadConfig(r)
	if err != nil {
		return nil, ic.Common, err
	}
	pc, err := postal.ReadConfig(r)
	if err != nil {
		return nil, ic.Common, err
	}
	log.Info("starting", r.LogValues()...)
	var started []lifecycle.Service
	fail := func(err error) ([]lifecycle.Service, config.Common, error) {
		for _, s := range started {
			s.Close()
		}
		return nil, ic.Common, err
	}
	i, err := intake.New(ctx, ic, log.With("component", "intake"))
	if err != nil {
		return fail(err)
	}
	started = append(started, i)
	s, err := status.New(ctx, sc, log.With("component", "status"))
	if err != nil {
		return fail(err)
	}
	started = append(started, s)
	p, err := postal.New(ctx, pc, log.With("component", "postal"))
	if err != nil {
		return fail(err)
	}
	started = append(started, p)
	return started, ic.Common, nil
}

func printDemo(addr string) {
	w := os.Stdout
	fmt.Fprintf(w, "\nmotcua is running at http://%s\n", addr)
	fmt.Fprintf(w, "Demo logins (password %q):\n", demo.Password)
	for _, a := range demo.Accounts() {
		fmt.Fprintf(w, "  %-20s %-10s offices: %v\n", a.Username, a.Role, a.Offices)
	}
	fmt.Fprintf(w, "Try: curl -s http://%s/api/v1/procedures\n\n", addr)
}
