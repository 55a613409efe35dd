// Package webhooktest is a local receiver of HTTP calls for tests: it records every
// call it gets (headers, body, when, and what it answered) and answers 200, or the
// failures it was told to give first, so a test sees what a webhook endpoint or the
// national portal would have seen, retries included.
package webhooktest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/webhook"
)

// Call is one call the receiver got.
type Call struct {
	Header http.Header
	Body   []byte
	At     time.Time
	// Answered is the status the receiver gave it.
	Answered int
}

// Verify checks the call's signature as a receiver holding secret does, at the time
// it came.
func (c Call) Verify(secret string) error { return webhook.Verify(secret, c.Header, c.Body, c.At) }

// ID is the call's webhook-id.
func (c Call) ID() string { return c.Header.Get(webhook.HeaderID) }

// Receiver is a running receiver.
type Receiver struct {
	// URL is where it listens, on the loopback address.
	URL string

	mu    sync.Mutex
	calls []Call
	fails []int
	// failWhen, when set, says the status to answer a call with (0: answer as usual).
	failWhen func(body []byte) int
}

// Start runs a receiver until the test ends.
func Start(t testing.TB) *Receiver {
	t.Helper()
	r := &Receiver{}
	srv := httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(srv.Close)
	r.URL = srv.URL
	return r
}

func (r *Receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	r.mu.Lock()
	status := http.StatusOK
	if r.failWhen != nil {
		if s := r.failWhen(body); s != 0 {
			status = s
		}
	}
	if len(r.fails) > 0 {
		status, r.fails = r.fails[0], r.fails[1:]
	}
	r.calls = append(r.calls, Call{Header: req.Header.Clone(), Body: body, At: time.Now(), Answered: status})
	r.mu.Unlock()
	w.WriteHeader(status)
	if status/100 != 2 {
		_, _ = io.WriteString(w, "the receiver is down for a while")
	}
}

// FailNext answers the next calls with statuses, one each, before answering 200 again.
func (r *Receiver) FailNext(statuses ...int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fails = append(r.fails, statuses...)
}

// FailWhen answers with the status fail gives a call's body (0: as usual), from now on.
func (r *Receiver) FailWhen(fail func(body []byte) int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failWhen = fail
}

// Calls returns every call so far, in the order they came.
func (r *Receiver) Calls() []Call {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Call(nil), r.calls...)
}
