package outward

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo/demodb"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/delivery"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/webhook"
	"github.com/motcua/motcua/services/platform/webhook/webhooktest"
)

// clock is a test's time, moved by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// bench is an intake database with the demo data, its endpoints, and the queue of the
// calls on a clock of the test's.
type bench struct {
	t     *testing.T
	pool  *pgxpool.Pool
	hooks *app.Webhooks
	queue *delivery.Queue
	clock *clock
}

func newBench(t *testing.T) *bench {
	t.Helper()
	_, pool := demodb.Open(t)
	sealer, err := sealing.New(bytes.Repeat([]byte{3}, sealing.KeySize))
	if err != nil {
		t.Fatal(err)
	}
	c := &clock{t: time.Now().Truncate(time.Microsecond)}
	st := store.NewWebhooks(pool, sealer)
	guard := webhook.Guard{AllowPrivate: true} // the receivers listen on loopback
	q := Queues{Pool: pool, Base: 30 * time.Second, Now: c.now, Log: slog.New(slog.DiscardHandler)}
	return &bench{t: t, pool: pool, clock: c, hooks: &app.Webhooks{Store: st, Guard: guard, Now: c.now},
		queue: q.Webhooks(st, guard.Client(5*time.Second))}
}

// endpoint adds an endpoint at url taking events.
func (b *bench) endpoint(url string, events ...string) (app.Webhook, string) {
	b.t.Helper()
	w, secret, err := b.hooks.Create(context.Background(), "admin.xuanloc", url, events)
	if err != nil {
		b.t.Fatal(err)
	}
	return w, secret
}

// announce owes the calls of c as the consumer would, in a transaction of its own.
func (b *bench) announce(c app.StatusChange) {
	b.t.Helper()
	err := pgx.BeginFunc(context.Background(), b.pool, func(tx pgx.Tx) error {
		return app.Announcer{}.Dossier(context.Background(), store.FollowersIn(tx), c)
	})
	if err != nil {
		b.t.Fatal(err)
	}
}

// drain tries every call due at the bench's clock.
func (b *bench) drain() {
	b.t.Helper()
	for {
		sent, err := b.queue.One(context.Background())
		if err != nil {
			b.t.Fatal(err)
		}
		if !sent {
			return
		}
	}
}

// logged is a call as the endpoint's log keeps it.
type logged struct {
	state, lastError    string
	tries               int
	lastStatus          *int
	attemptedAt, nextAt time.Time
}

func (b *bench) logged(id uuid.UUID) logged {
	b.t.Helper()
	var l logged
	var attempted *time.Time
	if err := b.pool.QueryRow(context.Background(), `SELECT state, last_error, tries, last_status, attempted_at, next_at
		FROM webhook_deliveries WHERE id = $1`, id).Scan(&l.state, &l.lastError, &l.tries, &l.lastStatus, &attempted, &l.nextAt); err != nil {
		b.t.Fatal(err)
	}
	if attempted != nil {
		l.attemptedAt = *attempted
	}
	return l
}

func (b *bench) count(query string, args ...any) int {
	b.t.Helper()
	var n int
	if err := b.pool.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		b.t.Fatal(err)
	}
	return n
}

// received is the change of a dossier registered at the district desk.
func received(at time.Time) app.StatusChange {
	return app.StatusChange{EventID: uuid.New(), DossierID: uuid.New(), Version: 1, Code: "000.00.16.H19-260302-0001",
		Status: dossier.StatusReceived, StatusCode: 2, Office: "000.00.16.H19", At: at}
}

// TestARetryCarriesTheSameIDAndAValidSignature: a receiver that answers 503 is tried
// again after the base delay, under the same webhook-id, signed anew; the log keeps
// each answer, and the endpoint is failing between the two. An event consumed again
// owes nothing more, and a status told already (an extension) owes nothing.
func TestARetryCarriesTheSameIDAndAValidSignature(t *testing.T) {
	b := newBench(t)
	r := webhooktest.Start(t)
	r.FailNext(http.StatusServiceUnavailable)
	hook, secret := b.endpoint(r.URL, "dossier.*")
	b.endpoint(r.URL+"/shipments", "shipment.*")
	c := received(b.clock.now())
	b.announce(c)
	b.announce(c) // consumed again
	later := c
	later.EventID, later.Version = uuid.New(), 2 // an extension: the status stays
	b.announce(later)
	b.announce(received(b.clock.now().Add(-time.Hour))) // before the endpoint was added
	call := app.CallID(c.EventID, hook.ID)
	if n := b.count("SELECT count(*) FROM webhook_deliveries"); n != 1 {
		t.Fatalf("%d calls owed, want the one to the endpoint that takes dossier.*, added before the event", n)
	}
	if n := b.count("SELECT count(*) FROM webhook_deliveries WHERE id = $1 AND webhook_id = $2 AND event_type = 'dossier.received' AND event_id = $3",
		call, hook.ID, c.EventID); n != 1 {
		t.Fatalf("the call is not owed under the id of its event and endpoint")
	}

	first := b.clock.now()
	b.drain()
	l := b.logged(call)
	if l.state != delivery.Pending || l.tries != 1 || l.lastStatus == nil || *l.lastStatus != 503 ||
		!strings.Contains(l.lastError, "503") || !strings.Contains(l.lastError, "down for a while") || !l.attemptedAt.Equal(first) ||
		!l.nextAt.Equal(first.Add(30*time.Second)) {
		t.Fatalf("after the refusal the log says %+v", l)
	}
	if w, _ := b.hooks.Get(context.Background(), hook.ID); w.FailingSince == nil || !w.FailingSince.Equal(first) {
		t.Errorf("the endpoint failing since %v, want %v", w.FailingSince, first)
	}
	b.drain()
	if len(r.Calls()) != 1 {
		t.Fatalf("tried again before its time: %d calls", len(r.Calls()))
	}
	b.clock.set(first.Add(30 * time.Second))
	b.drain()
	l = b.logged(call)
	if l.state != delivery.Sent || l.tries != 2 || l.lastStatus == nil || *l.lastStatus != 200 || l.lastError != "" {
		t.Fatalf("after the retry the log says %+v", l)
	}
	if w, _ := b.hooks.Get(context.Background(), hook.ID); w.FailingSince != nil {
		t.Errorf("the endpoint still failing since %v after a success", w.FailingSince)
	}
	calls := r.Calls()
	if len(calls) != 2 || calls[0].Answered != 503 || calls[1].Answered != 200 {
		t.Fatalf("the receiver got %d calls", len(calls))
	}
	for i, got := range calls {
		if got.ID() != call.String() {
			t.Errorf("try %d came as %q, want %s", i+1, got.ID(), call)
		}
		if err := got.Verify(secret); err != nil {
			t.Errorf("try %d does not verify: %v", i+1, err)
		}
		if !bytes.Equal(got.Body, calls[0].Body) {
			t.Errorf("try %d carries another body", i+1)
		}
	}
	if calls[0].Header.Get(webhook.HeaderTimestamp) == calls[1].Header.Get(webhook.HeaderTimestamp) {
		t.Error("the retry carries the first try's timestamp")
	}
	var body struct {
		Type      string    `json:"type"`
		Timestamp time.Time `json:"timestamp"`
		Data      struct {
			Code, Status, Office string
			StatusCode           int       `json:"status_code"`
			At                   time.Time `json:"at"`
		} `json:"data"`
	}
	if err := json.Unmarshal(calls[1].Body, &body); err != nil {
		t.Fatal(err)
	}
	if body.Type != "dossier.received" || !body.Timestamp.Equal(c.At) || body.Data.Code != c.Code || body.Data.Status != "received" ||
		body.Data.StatusCode != 2 || body.Data.Office != "000.00.16.H19" || !body.Data.At.Equal(c.At) {
		t.Errorf("the body: %s", calls[1].Body)
	}
}

// TestADayOfFailuresDisablesTheEndpoint: an endpoint every try to which fails is
// disabled at its first failure a day after the first: its pending calls die untried,
// and no new call is owed to it.
func TestADayOfFailuresDisablesTheEndpoint(t *testing.T) {
	b := newBench(t)
	r := webhooktest.Start(t)
	r.FailWhen(func([]byte) int { return http.StatusInternalServerError })
	hook, _ := b.endpoint(r.URL, "dossier.*")
	start := b.clock.now()
	first := received(start)
	b.announce(first)
	call := app.CallID(first.EventID, hook.ID)
	for {
		b.drain()
		l := b.logged(call)
		if l.state != delivery.Pending || l.nextAt.Sub(start) > 23*time.Hour {
			break
		}
		b.clock.set(l.nextAt)
	}
	if w, _ := b.hooks.Get(context.Background(), hook.ID); w.DisabledAt != nil || w.FailingSince == nil || !w.FailingSince.Equal(start) {
		t.Fatalf("after %d tries within a day: disabled at %v, failing since %v", len(r.Calls()), w.DisabledAt, w.FailingSince)
	}
	// A day and an hour after the first failure, another call fails too.
	b.clock.set(start.Add(25 * time.Hour))
	second := received(b.clock.now())
	b.announce(second)
	b.drain()
	w, _ := b.hooks.Get(context.Background(), hook.ID)
	if w.DisabledAt == nil || !w.DisabledAt.Equal(start.Add(25*time.Hour)) {
		t.Fatalf("after a day of failures the endpoint is disabled at %v", w.DisabledAt)
	}
	tried := len(r.Calls())
	b.clock.set(b.logged(call).nextAt)
	b.drain()
	if l := b.logged(call); l.state != delivery.Dead || !strings.Contains(l.lastError, "disabled") || len(r.Calls()) != tried {
		t.Errorf("the first call after the disabling: %+v, the receiver called %d more times", l, len(r.Calls())-tried)
	}
	b.announce(received(b.clock.now()))
	if n := b.count("SELECT count(*) FROM webhook_deliveries"); n != 2 {
		t.Errorf("%d calls owed, want none more to a disabled endpoint", n)
	}
	if _, err := b.hooks.Test(context.Background(), hook.ID); err != app.ErrWebhookDisabled {
		t.Errorf("a test of a disabled endpoint: %v", err)
	}
}

// TestARotationSignsWithBoth: for a day after a rotation a call carries two
// signatures, one by each secret, then only the new one's.
func TestARotationSignsWithBoth(t *testing.T) {
	b := newBench(t)
	r := webhooktest.Start(t)
	hook, old := b.endpoint(r.URL, "dossier.received")
	fresh, err := b.hooks.Rotate(context.Background(), hook.ID)
	if err != nil || fresh == old {
		t.Fatalf("rotate: %q %v", fresh, err)
	}
	b.announce(received(b.clock.now()))
	b.drain()
	calls := r.Calls()
	if len(calls) != 1 || len(strings.Fields(calls[0].Header.Get(webhook.HeaderSignature))) != 2 {
		t.Fatalf("during the overlap: %d calls, %v", len(calls), calls)
	}
	for _, s := range []string{old, fresh} {
		if err := calls[0].Verify(s); err != nil {
			t.Errorf("a secret of the two does not verify: %v", err)
		}
	}
	b.clock.set(b.clock.now().Add(app.SecretOverlap + time.Minute))
	b.announce(received(b.clock.now()))
	b.drain()
	calls = r.Calls()
	last := calls[len(calls)-1]
	if sigs := strings.Fields(last.Header.Get(webhook.HeaderSignature)); len(calls) != 2 || len(sigs) != 1 {
		t.Fatalf("after the overlap: %d calls, signatures %v", len(calls), sigs)
	}
	if webhook.Verify(fresh, last.Header, last.Body, b.clock.now()) != nil || webhook.Verify(old, last.Header, last.Body, b.clock.now()) == nil {
		t.Error("after the overlap the call is not signed by the new secret alone")
	}
}

// TestStatusesToldOnce: a follower tells each status change of a dossier once: not a
// status it told last, nor an event older than one it told.
func TestStatusesToldOnce(t *testing.T) {
	b := newBench(t)
	r := webhooktest.Start(t)
	b.endpoint(r.URL, "dossier.*")
	c := received(b.clock.now())
	step := func(version int64, status dossier.Status) app.StatusChange {
		s := c
		s.EventID, s.Version, s.Status = uuid.New(), version, status
		return s
	}
	b.announce(c)
	b.announce(step(3, dossier.StatusProcessing))
	b.announce(step(2, dossier.StatusInTransit)) // consumed late, after version 3
	b.announce(step(4, dossier.StatusProcessing))
	b.announce(step(5, dossier.StatusProcessed))
	var types []string
	rows, err := b.pool.Query(context.Background(), "SELECT event_type FROM webhook_deliveries ORDER BY seq")
	if err != nil {
		t.Fatal(err)
	}
	types, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil || strings.Join(types, " ") != "dossier.received dossier.processing dossier.processed" {
		t.Errorf("calls owed: %v (%v)", types, err)
	}
}
