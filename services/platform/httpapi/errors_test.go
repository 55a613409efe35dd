package httpapi

import (
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	for wait, want := range map[time.Duration]int{0: 1, 300 * time.Millisecond: 1, time.Second: 1, 1001 * time.Millisecond: 2, 6 * time.Second: 6} {
		if got := RetryAfter(wait); got != want {
			t.Errorf("RetryAfter(%v) = %d, want %d", wait, got, want)
		}
	}
}
