package delivery_test

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/delivery"
	"github.com/motcua/motcua/services/platform/pgtest"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

const table = `CREATE TABLE sends (
	id uuid PRIMARY KEY,
	seq bigint GENERATED ALWAYS AS IDENTITY,
	order_key text NOT NULL DEFAULT '',
	payload jsonb NOT NULL,
	state text NOT NULL DEFAULT 'pending',
	tries int NOT NULL DEFAULT 0,
	next_at timestamptz NOT NULL,
	last_error text NOT NULL DEFAULT '',
	created_at timestamptz NOT NULL,
	sent_at timestamptz
)`

func newPool(t *testing.T) *pgxpool.Pool {
	t.Helper()
	pool, _ := pgtest.NewSchema(t, dbURL, database.Migration{Name: "sends", SQL: table})
	return pool
}

// party records what it is sent and fails the tries it is told to.
type party struct {
	mu    sync.Mutex
	got   []string
	fails map[string]int
}

func (p *party) send(_ context.Context, it delivery.Item) delivery.Result {
	var body struct{ N string }
	_ = json.Unmarshal(it.Payload, &body)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.got = append(p.got, body.N)
	if p.fails[body.N] > 0 {
		p.fails[body.N]--
		return delivery.Failed(errors.New("503 from the party"))
	}
	return delivery.Result{}
}

func (p *party) sent() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.got...)
}

func add(t *testing.T, pool *pgxpool.Pool, key, n string) uuid.UUID {
	t.Helper()
	id := uuid.New()
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the same id twice is one item
		if _, err := delivery.Add(ctx, tx, "sends", delivery.Item{ID: id, OrderKey: key, Payload: json.RawMessage(`{"N":"` + n + `"}`)}, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	return id
}

func state(t *testing.T, pool *pgxpool.Pool, id uuid.UUID) (string, int) {
	t.Helper()
	var s string
	var tries int
	if err := pool.QueryRow(context.Background(), "SELECT state, tries FROM sends WHERE id = $1", id).Scan(&s, &tries); err != nil {
		t.Fatal(err)
	}
	return s, tries
}

// drain sends every item due at the queue's clock.
func drain(t *testing.T, q *delivery.Queue) {
	t.Helper()
	for {
		sent, err := q.One(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !sent {
			return
		}
	}
}

func TestRetriesDoublingThenDead(t *testing.T) {
	pool := newPool(t)
	p := &party{fails: map[string]int{"a": 2, "b": 99}}
	now := time.Now()
	q := &delivery.Queue{Pool: pool, Table: "sends", Send: p.send, Base: time.Minute, MaxTries: 3,
		Now: func() time.Time { return now }, Log: slog.New(slog.DiscardHandler)}
	a, b := add(t, pool, "", "a"), add(t, pool, "", "b")
	if d := []time.Duration{q.Delay(1), q.Delay(2), q.Delay(3)}; d[0] != time.Minute || d[1] != 2*time.Minute || d[2] != 4*time.Minute {
		t.Fatalf("delays %v, want 1m 2m 4m", d)
	}
	for _, step := range []time.Duration{0, time.Minute, 2 * time.Minute} {
		now = now.Add(step)
		drain(t, q)
	}
	if s, tries := state(t, pool, a); s != delivery.Sent || tries != 3 {
		t.Errorf("a is %s after %d tries, want sent on the 3rd", s, tries)
	}
	if s, tries := state(t, pool, b); s != delivery.Dead || tries != 3 {
		t.Errorf("b is %s after %d tries, want dead after 3", s, tries)
	}
	if got := p.sent(); len(got) != 6 {
		t.Errorf("the party got %v, want 3 tries of each", got)
	}
	backlog, err := delivery.Count(context.Background(), pool, "sends")
	if err != nil || backlog.Pending != 0 || backlog.Dead != 1 || backlog.LastSentAt.IsZero() {
		t.Errorf("backlog %+v, %v: want none pending, one dead, a last send", backlog, err)
	}
	// Sent again by an administrator, the dead item goes at once, under its id.
	p.fails["b"] = 0
	if err := delivery.Again(context.Background(), pool, "sends", b); err != nil {
		t.Fatal(err)
	}
	drain(t, q)
	if s, _ := state(t, pool, b); s != delivery.Sent {
		t.Errorf("b is %s after it was sent again, want sent", s)
	}
	if err := delivery.Again(context.Background(), pool, "sends", uuid.New()); !errors.Is(err, delivery.ErrNotFound) {
		t.Errorf("sending an unknown item again: %v, want ErrNotFound", err)
	}
}

func TestOrderKeyHoldsLaterItems(t *testing.T) {
	pool := newPool(t)
	p := &party{fails: map[string]int{"x1": 1}}
	now := time.Now()
	q := &delivery.Queue{Pool: pool, Table: "sends", Send: p.send, Base: time.Minute, Ordered: true,
		Now: func() time.Time { return now }, Log: slog.New(slog.DiscardHandler)}
	add(t, pool, "X", "x1")
	add(t, pool, "X", "x2")
	add(t, pool, "Y", "y1")
	drain(t, q)
	if got := p.sent(); len(got) != 2 || got[0] != "x1" || got[1] != "y1" {
		t.Fatalf("first pass sent %v, want x1 (failed) and y1, x2 held behind x1", got)
	}
	now = now.Add(time.Minute)
	drain(t, q)
	if got := p.sent(); len(got) != 4 || got[2] != "x1" || got[3] != "x2" {
		t.Fatalf("second pass sent %v, want x1 then x2", got)
	}
}

func TestHoldPutsBackUntried(t *testing.T) {
	pool := newPool(t)
	now := time.Now()
	later := now.Add(3 * time.Hour)
	calls := 0
	q := &delivery.Queue{Pool: pool, Table: "sends", Now: func() time.Time { return now }, Log: slog.New(slog.DiscardHandler),
		Send: func(context.Context, delivery.Item) delivery.Result {
			calls++
			if now.Before(later) {
				return delivery.HoldUntil(later)
			}
			return delivery.Result{}
		}}
	id := add(t, pool, "", "night")
	drain(t, q)
	if s, tries := state(t, pool, id); s != delivery.Pending || tries != 0 || calls != 1 {
		t.Fatalf("held item is %s after %d tries and %d calls, want pending, untried", s, tries, calls)
	}
	now = later
	drain(t, q)
	if s, _ := state(t, pool, id); s != delivery.Sent {
		t.Errorf("the held item is %s once its time came, want sent", s)
	}
}

// TestListenWakesTheQueue: the commit of an item wakes its table's queue through
// PostgreSQL's notification, and nothing else does once the listener's first kick (for
// items added while nobody listened) is taken.
func TestListenWakesTheQueue(t *testing.T) {
	pool := newPool(t)
	q := &delivery.Queue{Pool: pool, Table: "sends", Log: slog.New(slog.DiscardHandler)}
	wake := delivery.Wakes(q)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { delivery.Listen(ctx, pool, slog.New(slog.DiscardHandler), q) })
	t.Cleanup(func() { cancel(); wg.Wait() })
	woken := func(what string) {
		t.Helper()
		select {
		case <-wake:
		case <-time.After(10 * time.Second):
			t.Fatalf("the queue was not woken: %s", what)
		}
	}
	woken("the listener's first kick")
	select {
	case <-wake:
		t.Fatal("the queue was woken with no item added")
	default:
	}
	add(t, pool, "", "woken")
	woken("the notification of the item's commit")
}

// TestRecordKeepsTheAnswerWithTheOutcome: an item is added with the owner's own
// columns, and the owner's Record writes one of them in
// the transaction of the outcome, with the party's answer and the tries so far; a held
// item was not tried and is not recorded.
func TestRecordKeepsTheAnswerWithTheOutcome(t *testing.T) {
	pool := newPool(t)
	ctx := context.Background()
	if _, err := pool.Exec(ctx, "ALTER TABLE sends ADD COLUMN last_status int, ADD COLUMN kind text NOT NULL"); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	answers := []delivery.Result{{Err: errors.New("503 Service Unavailable"), Status: 503}, {Hold: now.Add(time.Minute)}, {Status: 204}}
	var recorded []int
	q := &delivery.Queue{Pool: pool, Table: "sends", Base: time.Minute, Now: func() time.Time { return now }, Log: slog.New(slog.DiscardHandler),
		Send: func(context.Context, delivery.Item) delivery.Result {
			res := answers[0]
			answers = answers[1:]
			return res
		},
		Record: func(ctx context.Context, tx pgx.Tx, it delivery.Item, res delivery.Result) error {
			recorded = append(recorded, it.Tries)
			_, err := tx.Exec(ctx, "UPDATE sends SET last_status = $2 WHERE id = $1", it.ID, res.Status)
			return err
		}}
	id := uuid.New()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The owner's own columns are written with the item.
	it := delivery.Item{ID: id, Payload: json.RawMessage(`{"N":"answered"}`), Columns: map[string]any{"kind": "webhook", "last_status": 0}}
	if _, err := delivery.Add(ctx, tx, "sends", it, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	var kind string
	if err := pool.QueryRow(ctx, "SELECT kind FROM sends WHERE id = $1", id).Scan(&kind); err != nil || kind != "webhook" {
		t.Fatalf("the owner's column holds %q (%v)", kind, err)
	}
	status := func() int {
		var s int
		if err := pool.QueryRow(ctx, "SELECT coalesce(last_status, 0) FROM sends WHERE id = $1", id).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	drain(t, q)
	if s := status(); s != 503 {
		t.Errorf("after the refusal the item's answer is %d, want 503", s)
	}
	now = now.Add(time.Minute)
	drain(t, q) // held
	now = now.Add(time.Minute)
	drain(t, q)
	if s, tries := state(t, pool, id); s != delivery.Sent || tries != 2 || status() != 204 {
		t.Errorf("the item is %s after %d tries with the answer %d, want sent after 2 with 204", s, tries, status())
	}
	if len(recorded) != 2 || recorded[0] != 1 || recorded[1] != 2 {
		t.Errorf("Record saw the tries %v, want 1 then 2 (the hold is no try)", recorded)
	}
}

// TestBlockedItemsLetTheQueueSleep: items held behind a dead one of their order key do
// not count as due, so the queue sleeps until its poll instead of looking again at once.
func TestBlockedItemsLetTheQueueSleep(t *testing.T) {
	pool := newPool(t)
	p := &party{fails: map[string]int{"k1": 99}}
	now := time.Now()
	q := &delivery.Queue{Pool: pool, Table: "sends", Send: p.send, MaxTries: 1, Ordered: true,
		Now: func() time.Time { return now }, Log: slog.New(slog.DiscardHandler)}
	add(t, pool, "K", "k1")
	add(t, pool, "K", "k2")
	drain(t, q)
	if got := p.sent(); len(got) != 1 {
		t.Fatalf("sent %v, want k1 alone (dead), k2 held behind it", got)
	}
	// A worker that finds nothing to send asks when the next item falls due: none.
	if next, ok := delivery.NextDue(t, q); ok {
		t.Errorf("an item held behind a dead one counts as due at %s", next)
	}
}
