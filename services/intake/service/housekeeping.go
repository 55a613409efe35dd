package service

import (
	"context"
	"log/slog"
	"time"

	"github.com/motcua/motcua/services/intake/adapters/store"
)

// answerKeep is how long the answers to requests with an Idempotency-Key are kept.
const answerKeep = 24 * time.Hour

// housekeeping deletes expired idempotent answers at start and then every hour.
func housekeeping(st *store.Store, log *slog.Logger) func(ctx context.Context) {
	return func(ctx context.Context) {
		tick := time.NewTicker(time.Hour)
		defer tick.Stop()
		for {
			if n, err := st.PruneAnswers(ctx, answerKeep); err != nil && ctx.Err() == nil {
				log.Warn("housekeeping failed", "err", err.Error())
			} else if n > 0 {
				log.Info("expired idempotent answers deleted", "rows", n)
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}
}
