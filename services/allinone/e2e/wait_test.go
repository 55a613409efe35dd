package e2e

import (
	"testing"
	"time"
)

// pollEvery is how often a wait asks again: often enough not to slow the tests, seldom
// enough not to load the processes it asks.
const pollEvery = 50 * time.Millisecond

// waitUntil calls cond every pollEvery until it holds and returns how long that took;
// once deadline has passed it fails t with what it waited for and the last state cond
// described.
func waitUntil(t *testing.T, what string, deadline time.Duration, cond func() (bool, string)) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		ok, last := cond()
		if ok {
			return time.Since(start)
		}
		if time.Since(start) > deadline {
			t.Fatalf("timed out after %s waiting for %s; last: %s", deadline, what, last)
		}
		time.Sleep(pollEvery)
	}
}

// poll is waitUntil with the deadline of the life and post tests, pollFor.
func poll(t *testing.T, what string, cond func() (bool, string)) {
	t.Helper()
	waitUntil(t, what, pollFor, cond)
}
