// Command status runs the status service alone: the read side that folds every event
// and answers citizens. Configuration comes from the environment (see README.md).
package main

import (
	"context"
	"log/slog"

	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/status/service"
)

func main() { lifecycle.Main("status", start) }

func start(ctx context.Context, r *config.Reader, log *slog.Logger) (lifecycle.Service, config.Common, error) {
	cfg, err := service.ReadConfig(r)
	if err != nil {
		return nil, cfg.Common, err
	}
	log.Info("starting", r.LogValues()...)
	svc, err := service.New(ctx, cfg, log)
	return svc, cfg.Common, err
}
