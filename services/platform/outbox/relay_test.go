package outbox_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/logging"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/natstest"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/pgtest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

var quiet = slog.New(slog.DiscardHandler)

// newSchema creates a schema of the test's own, migrated, and a pool confined to it.
func newSchema(t *testing.T) (*pgxpool.Pool, string) {
	t.Helper()
	return pgtest.NewSchema(t, dbURL, append(outbox.Migrations(), messaging.InboxMigrations()...)...)
}

// runRelay runs r in the background until the end of the test.
func runRelay(t *testing.T, r *outbox.Relay) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

func newEvents(n int) []outbox.Message {
	msgs := make([]outbox.Message, n)
	for i := range msgs {
		id := uuid.New()
		msgs[i] = outbox.Message{
			EventID: id,
			Subject: "dossier.v1." + uuid.NewString() + ".test",
			Payload: fmt.Appendf(nil, `{"n":%d,"id":%q}`, i, id),
		}
	}
	return msgs
}

// commit adds msgs to the outbox in one transaction.
func commit(t *testing.T, pool *pgxpool.Pool, msgs ...outbox.Message) {
	t.Helper()
	err := pgx.BeginFunc(context.Background(), pool, func(tx pgx.Tx) error {
		return outbox.Add(context.Background(), tx, msgs...)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// begin opens a transaction that has added msgs, for the test to end later.
func begin(t *testing.T, pool *pgxpool.Pool, msgs ...outbox.Message) pgx.Tx {
	t.Helper()
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tx.Rollback(context.Background()) })
	if err := outbox.Add(ctx, tx, msgs...); err != nil {
		t.Fatal(err)
	}
	return tx
}

func count(t *testing.T, pool *pgxpool.Pool, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func unsent(t *testing.T, pool *pgxpool.Pool) int {
	t.Helper()
	return count(t, pool, "SELECT count(*) FROM outbox WHERE sent_at IS NULL")
}

func flush(t *testing.T, r *outbox.Relay) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := r.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}

// flushBriefly runs Flush for a short while and expects it to give up because rows are
// waiting for an older transaction.
func flushBriefly(t *testing.T, r *outbox.Relay) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := r.Flush(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Flush with rows behind an open transaction returned %v, want it to wait", err)
	}
}

// streamMsgs returns every message stored in stream, in sequence order.
func streamMsgs(t *testing.T, js jetstream.JetStream, stream string) []*jetstream.RawStreamMsg {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := messaging.ReadStream(ctx, js, stream, "")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// streamCount is the number of messages stored in stream.
func streamCount(t *testing.T, js jetstream.JetStream, stream string) uint64 {
	t.Helper()
	return uint64(len(streamMsgs(t, js, stream)))
}

// assertStream checks that the stream holds exactly want, in this order, each with its
// subject, payload and event id as Nats-Msg-Id.
func assertStream(t *testing.T, js jetstream.JetStream, want ...outbox.Message) {
	t.Helper()
	got := streamMsgs(t, js, messaging.DossierStream)
	if len(got) != len(want) {
		t.Fatalf("stream holds %d messages, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if id := g.Header.Get(jetstream.MsgIDHeader); id != w.EventID.String() {
			t.Errorf("message %d has Nats-Msg-Id %q, want %s", i, id, w.EventID)
		}
		if g.Subject != w.Subject {
			t.Errorf("message %d has subject %q, want %q", i, g.Subject, w.Subject)
		}
		if string(g.Data) != string(w.Payload) {
			t.Errorf("message %d has payload %q, want %q", i, g.Data, w.Payload)
		}
	}
}

// assertEachOnce checks that the stream holds every event of want exactly once, and
// nothing else.
func assertEachOnce(t *testing.T, js jetstream.JetStream, want []outbox.Message) {
	t.Helper()
	seen := map[string]int{}
	for _, m := range streamMsgs(t, js, messaging.DossierStream) {
		seen[m.Header.Get(jetstream.MsgIDHeader)]++
	}
	for _, w := range want {
		if n := seen[w.EventID.String()]; n != 1 {
			t.Errorf("event %s is in the stream %d times, want once", w.EventID, n)
		}
		delete(seen, w.EventID.String())
	}
	for id, n := range seen {
		t.Errorf("unexpected message %q in the stream (%d times)", id, n)
	}
}

func TestRelayPublishesCommittedRowsInIDOrder(t *testing.T) {
	t.Parallel()
	pool, schema := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())
	r := outbox.NewRelay(pool, js, quiet, outbox.RelayOptions{Schema: schema, Batch: 2})

	events := newEvents(5)
	commit(t, pool, events[:3]...)
	commit(t, pool, events[3:]...)
	flush(t, r)

	assertStream(t, js, events...)
	if n := unsent(t, pool); n != 0 {
		t.Fatalf("%d rows not marked sent after their publication", n)
	}
	if n := count(t, pool, "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"); n != 5 {
		t.Fatalf("%d rows marked sent, want 5", n)
	}

	// A second flush publishes nothing again.
	flush(t, r)
	assertStream(t, js, events...)
}

func TestRelayNeverPublishesRolledBackRows(t *testing.T) {
	t.Parallel()
	pool, schema := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())
	r := outbox.NewRelay(pool, js, quiet, outbox.RelayOptions{Schema: schema})

	events := newEvents(3)
	tx := begin(t, pool, events[0], events[1])
	if err := tx.Rollback(context.Background()); err != nil {
		t.Fatal(err)
	}
	commit(t, pool, events[2])
	flush(t, r)

	assertStream(t, js, events[2])
	if n := count(t, pool, "SELECT count(*) FROM outbox"); n != 1 {
		t.Fatalf("outbox holds %d rows, want only the committed one", n)
	}
}

func TestRelayWaitsForOlderOpenTransactions(t *testing.T) {
	t.Parallel()
	pool, schema := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())
	r := outbox.NewRelay(pool, js, quiet, outbox.RelayOptions{Schema: schema})

	events := newEvents(2)
	a, bEvent := events[0], events[1]
	txA := begin(t, pool, a) // A takes the lower id and stays open
	commit(t, pool, bEvent)  // B commits after it

	flushBriefly(t, r)
	if got := streamCount(t, js, messaging.DossierStream); got != 0 {
		t.Fatalf("%d messages published while an older transaction was open; B must wait for A", got)
	}
	if n := unsent(t, pool); n != 1 {
		t.Fatalf("%d unsent rows, want B's row still unsent", n)
	}

	if err := txA.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	flush(t, r)
	assertStream(t, js, a, bEvent)
	if n := unsent(t, pool); n != 0 {
		t.Fatalf("%d rows not marked sent", n)
	}
}

func TestRelayWaitsThroughRunUntilOlderTransactionEnds(t *testing.T) {
	t.Parallel()
	pool, schema := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())
	r := outbox.NewRelay(pool, js, quiet, outbox.RelayOptions{Schema: schema, PollInterval: 10 * time.Millisecond})

	events := newEvents(3)
	txA := begin(t, pool, events[0])
	commit(t, pool, events[1])

	// Run for a while: nothing may go out while A is open.
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	runDone := make(chan struct{})
	go func() {
		defer close(runDone)
		r.Run(ctx)
	}()
	<-ctx.Done()
	// Run's final flush still has to wait for A; end A while it does.
	if got := streamCount(t, js, messaging.DossierStream); got != 0 {
		cancel()
		t.Fatalf("%d messages published while an older transaction was open", got)
	}
	if err := txA.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-runDone
	cancel()
	assertStream(t, js, events[0], events[1])

	// A relay running normally publishes later commits without a Flush.
	runRelay(t, r)
	commit(t, pool, events[2])
	r.Notify()
	waitfor.Until(t, "the third event to be sent", func() bool { return unsent(t, pool) == 0 })
	assertStream(t, js, events...)
}

// TestRelayKeepsIDOrderBehindAnOpenTransaction covers a row that is safe on its own (its
// transaction is older than every running one) but comes after a row that must still
// wait: it must not overtake that row.
func TestRelayKeepsIDOrderBehindAnOpenTransaction(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, schema := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())
	r := outbox.NewRelay(pool, js, quiet, outbox.RelayOptions{Schema: schema})

	xid := func(tx pgx.Tx) {
		t.Helper()
		if _, err := tx.Exec(ctx, "SELECT pg_current_xact_id()"); err != nil {
			t.Fatal(err)
		}
	}
	open := func() pgx.Tx {
		t.Helper()
		tx, err := pool.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = tx.Rollback(context.Background()) })
		return tx
	}
	events := newEvents(2)
	// Transaction ids in the order late < blocker < early; outbox ids early < late.
	late := open()
	xid(late)
	blocker := open()
	xid(blocker)
	commit(t, pool, events[0]) // early: committed first, but newer than blocker
	if err := outbox.Add(ctx, late, events[1]); err != nil {
		t.Fatal(err)
	}
	if err := late.Commit(ctx); err != nil {
		t.Fatal(err)
	}

	flushBriefly(t, r)
	if got := streamCount(t, js, messaging.DossierStream); got != 0 {
		t.Fatalf("%d messages published ahead of an earlier commit still held back by an open transaction", got)
	}

	if err := blocker.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	flush(t, r)
	assertStream(t, js, events...)
}

func TestRelaySurvivesBrokerRestart(t *testing.T) {
	t.Parallel()
	pool, schema := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())
	r := outbox.NewRelay(pool, js, quiet, outbox.RelayOptions{
		Schema: schema, Batch: 64, PollInterval: 10 * time.Millisecond, AckTimeout: 2 * time.Second,
	})
	runRelay(t, r)

	var all []outbox.Message
	before := newEvents(20)
	commit(t, pool, before...)
	all = append(all, before...)
	r.Notify()
	waitfor.Until(t, "events to be sent before the restart", func() bool { return unsent(t, pool) == 0 })

	// Broker down: 200 events committed meanwhile are sent once it is back.
	b.Stop()
	during := newEvents(200)
	for i := 0; i < len(during); i += 10 {
		commit(t, pool, during[i:i+10]...)
		r.Notify()
	}
	all = append(all, during...)
	if err := b.Start(); err != nil {
		t.Fatal(err)
	}
	waitfor.Until(t, "events committed while the broker was down to be sent", func() bool { return unsent(t, pool) == 0 })
	assertEachOnce(t, js, all)

	// Broker killed while the relay is busy: acknowledgements get lost, rows are sent
	// again, and the Nats-Msg-Id keeps a single copy of each.
	busy := newEvents(1000)
	commit(t, pool, busy...)
	all = append(all, busy...)
	r.Notify()
	waitfor.Until(t, "the relay to start on the big batch", func() bool { return unsent(t, pool) < len(busy) })
	b.Stop()
	if err := b.Start(); err != nil {
		t.Fatal(err)
	}
	waitfor.Until(t, "every event to be sent after the second restart", func() bool { return unsent(t, pool) == 0 })
	assertEachOnce(t, js, all)
}

func TestTwoRelaysPublishEachEventOnce(t *testing.T) {
	t.Parallel()
	pool, schema := newSchema(t)
	pool2 := pgtest.ConnectSchema(t, dbURL, schema)
	b := natstest.StartRestartable(t)
	nc, js := natstest.Connect(t, b.URL())
	_, js2 := natstest.Connect(t, b.URL())

	// A plain subscriber sees every publication, including copies JetStream would drop
	// as duplicates, so it tells whether both relays sent the same event.
	var mu sync.Mutex
	seen := map[string]int{}
	sub, err := nc.Subscribe("dossier.>", func(m *nats.Msg) {
		mu.Lock()
		seen[m.Header.Get(jetstream.MsgIDHeader)]++
		mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe() //nolint:errcheck
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}

	opt := outbox.RelayOptions{Schema: schema, Batch: 16, PollInterval: 5 * time.Millisecond}
	r1 := outbox.NewRelay(pool, js, quiet, opt)
	r2 := outbox.NewRelay(pool2, js2, quiet, opt)
	ctx, cancel := context.WithCancel(context.Background())
	var running sync.WaitGroup
	for _, r := range []*outbox.Relay{r1, r2} {
		running.Go(func() { r.Run(ctx) })
	}
	stop := func() {
		cancel()
		running.Wait()
	}
	t.Cleanup(stop)

	events := newEvents(600)
	var writers sync.WaitGroup
	for w := range 4 {
		writers.Go(func() {
			for i := w * 150; i < (w+1)*150; i += 3 {
				if err := pgx.BeginFunc(context.Background(), pool, func(tx pgx.Tx) error {
					return outbox.Add(context.Background(), tx, events[i:i+3]...)
				}); err != nil {
					t.Error(err)
					return
				}
				r1.Notify()
				r2.Notify()
			}
		})
	}
	writers.Wait()
	waitfor.Until(t, "every event to be sent", func() bool { return unsent(t, pool) == 0 })
	stop()
	waitfor.Until(t, "the subscriber to see every event", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(seen) == len(events)
	})
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}

	mu.Lock()
	for _, e := range events {
		if n := seen[e.EventID.String()]; n != 1 {
			t.Errorf("event %s published %d times, want once", e.EventID, n)
		}
	}
	mu.Unlock()
	if got := streamCount(t, js, messaging.DossierStream); got != uint64(len(events)) {
		t.Fatalf("stream holds %d messages, want %d", got, len(events))
	}
	assertEachOnce(t, js, events)
}

// TestRelayWaitsForTheBrokerQuietly: while the broker is away the relay does not try to
// publish (every attempt fails at once, and each failure lengthens the back-off that
// then delays the catch-up); it says once that it waits, and sends when the broker is
// back.
func TestRelayWaitsForTheBrokerQuietly(t *testing.T) {
	t.Parallel()
	pool, schema := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())
	var log logging.Capture
	r := outbox.NewRelay(pool, js, log.Logger(slog.LevelInfo), outbox.RelayOptions{Schema: schema})
	runRelay(t, r)

	b.Stop()
	waitfor.Until(t, "the relay to see the broker away", func() bool { return strings.Contains(log.String(), "waiting for the broker") })
	events := newEvents(50)
	for i := 0; i < len(events); i += 10 {
		commit(t, pool, events[i:i+10]...)
		r.Notify()
	}
	if err := b.Start(); err != nil {
		t.Fatal(err)
	}
	back := time.Now()
	waitfor.Until(t, "the events committed while the broker was away to be sent", func() bool { return unsent(t, pool) == 0 })
	t.Logf("sent %v after the broker was back", time.Since(back).Round(10*time.Millisecond))
	assertEachOnce(t, js, events)
	if strings.Contains(log.String(), "relay pass failed") {
		t.Errorf("the relay tried to publish while the broker was away:\n%s", log.String())
	}
}
