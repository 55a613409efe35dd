package delivery

import (
	"context"
	"testing"
	"time"
)

// NextDue is q.nextDue for the tests.
func NextDue(t *testing.T, q *Queue) (time.Time, bool) {
	t.Helper()
	next, ok, err := q.nextDue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return next, ok
}

// Wakes is the channel that wakes q, for the tests.
func Wakes(q *Queue) <-chan struct{} {
	q.defaults()
	return q.wake
}
