package lifecycle

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/logging"
)

// Service is a service as its binary runs it.
type Service interface {
	// Mount adds the service's API to a router.
	Mount(r chi.Router)
	// Checks are the readiness probes.
	Checks() map[string]httpapi.Check
	// Workers are the background loops (relays, consumers).
	Workers() []Worker
	// Close releases connections once the workers have stopped.
	Close()
}

// Starter reads a service's configuration from r and starts it.
type Starter func(ctx context.Context, r *config.Reader, log *slog.Logger) (Service, config.Common, error)

// StarterOf makes the Starter of a service from its configuration reader and its
// constructor, logging the settings read (secrets masked) before connecting.
func StarterOf[C interface{ Shared() config.Common }, S Service](
	read func(*config.Reader) (C, error),
	build func(context.Context, C, *slog.Logger) (S, error),
) Starter {
	return func(ctx context.Context, r *config.Reader, log *slog.Logger) (Service, config.Common, error) {
		cfg, err := read(r)
		if err != nil {
			return nil, cfg.Shared(), err
		}
		log.Info("starting", r.LogValues()...)
		svc, err := build(ctx, cfg, log)
		if err != nil {
			return nil, cfg.Shared(), err
		}
		return svc, cfg.Shared(), nil
	}
}

// Main runs one service as a process: JSON logs, configuration from the environment
// (printed with secrets masked), /healthz, /readyz and /metrics (for operators only)
// beside the API, the security headers on every answer, and a graceful stop on SIGINT
// or SIGTERM. It exits with status 1 on failure.
func Main(name string, start Starter) {
	log := logging.New(name)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal, a second one ends the process at once.
	context.AfterFunc(ctx, stop)
	err := run(ctx, name, start, log)
	stop()
	if err != nil {
		log.Error(name+" stopped", "err", err.Error())
		os.Exit(1)
	}
}

func run(ctx context.Context, name string, start Starter, log *slog.Logger) error {
	startProfiler(log)
	r := config.NewReader()
	svc, common, err := start(ctx, r, log)
	if err != nil {
		return fmt.Errorf("start: %w", err)
	}
	defer svc.Close()
	router := Router(name, common, log)
	httpapi.MountOps(router, svc.Checks(), log, common.MetricsNetworks...)
	svc.Mount(router)
	return Run(ctx, httpapi.NewServer(common.HTTPAddr, router), svc.Workers(), common.ShutdownTimeout, log, nil)
}
