package lifecycle

import (
	"context"
	"log/slog"
	"time"
)

// Every is a worker that calls do every period until its context ends, logging (as what)
// a failure that was not the end of the context: the next call tries again.
func Every(period time.Duration, what string, log *slog.Logger, do func(context.Context) error) Worker {
	return func(ctx context.Context) {
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := do(ctx); err != nil && ctx.Err() == nil {
					log.Warn(what+" failed", "err", err.Error())
				}
			}
		}
	}
}
