// Package waitfor lets a test wait until a condition holds, polling it, and fail when it
// does not hold in time.
package waitfor

import (
	"testing"
	"time"
)

const (
	// interval is how often a condition is polled.
	interval = 10 * time.Millisecond
	// timeout is how long Until waits.
	timeout = 20 * time.Second
)

// Until polls cond every 10ms until it holds, failing t with "timed out waiting for
// <what>" after 20s.
func Until(t testing.TB, what string, cond func() bool) {
	t.Helper()
	Within(t, timeout, what, cond)
}

// Within is Until with a deadline of d instead of 20s.
func Within(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(interval)
	}
}
