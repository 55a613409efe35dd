// Command intake runs the intake service alone: the desks and offices write dossiers
// here. Configuration comes from the environment (see README.md).
package main

import (
	"context"
	"log/slog"

	"github.com/motcua/motcua/services/intake/service"
	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/lifecycle"
)

func main() { lifecycle.Main("intake", start) }

func start(ctx context.Context, r *config.Reader, log *slog.Logger) (lifecycle.Service, config.Common, error) {
	cfg, err := service.ReadConfig(r)
	if err != nil {
		return nil, cfg.Common, err
	}
	log.Info("starting", r.LogValues()...)
	svc, err := service.New(ctx, cfg, log)
	return svc, cfg.Common, err
}
