package lifecycle

import (
	"context"
	"time"
)

// Wait pauses for d, or less when ctx ends first; it reports whether the whole pause
// passed (false: the caller should stop).
func Wait(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
