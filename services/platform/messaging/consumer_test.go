package messaging_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/natstest"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/pgtest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

var quiet = slog.New(slog.DiscardHandler)

const durable = "effects"

// newSchema creates a schema of the test's own with the outbox, the inbox and an effects
// table the handlers write to.
func newSchema(t *testing.T) *pgxpool.Pool {
	t.Helper()
	steps := append(outbox.Migrations(), messaging.InboxMigrations()...)
	steps = append(steps, database.Migration{Name: "test_effects", SQL: `CREATE TABLE effects (
		seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		event_id uuid NOT NULL,
		subject  text NOT NULL
	)`})
	pool, _ := pgtest.NewSchema(t, dbURL, steps...)
	return pool
}

// effects records what the handler saw: every call per event id, with the delivery
// count of the message.
type effects struct {
	mu    sync.Mutex
	calls map[string][]uint64
}

func newEffects() *effects { return &effects{calls: map[string][]uint64{}} }

func (e *effects) record(msg jetstream.Msg) int {
	var delivered uint64
	if meta, err := msg.Metadata(); err == nil {
		delivered = meta.NumDelivered
	}
	id := msg.Headers().Get(jetstream.MsgIDHeader)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.calls[id] = append(e.calls[id], delivered)
	return len(e.calls[id])
}

func (e *effects) deliveries(id string) []uint64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]uint64(nil), e.calls[id]...)
}

// apply is the effect of an event: one row in the effects table.
func apply(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
	_, err := tx.Exec(ctx, "INSERT INTO effects (event_id, subject) VALUES ($1, $2)",
		msg.Headers().Get(jetstream.MsgIDHeader), msg.Subject())
	return err
}

// runConsumer runs a consumer of the DOSSIER stream until the end of the test.
func runConsumer(t *testing.T, pool *pgxpool.Pool, js jetstream.JetStream, log *slog.Logger, opt messaging.ConsumerOptions, h messaging.Handler) {
	t.Helper()
	opt.Stream = messaging.DossierStream
	opt.Durable = durable
	c := messaging.NewConsumer(pool, js, log, opt, h)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

type event struct {
	id      string
	subject string
}

func newEvents(n int) []event {
	out := make([]event, n)
	for i := range out {
		out[i] = event{id: uuid.NewString(), subject: "dossier.v1." + uuid.NewString() + ".test"}
	}
	return out
}

// publish stores one message with id as its Nats-Msg-Id and reports whether JetStream
// took it as a duplicate.
func publish(t *testing.T, js jetstream.JetStream, e event) (duplicate bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	msg := &nats.Msg{Subject: e.subject, Data: []byte(`{"id":"` + e.id + `"}`), Header: nats.Header{}}
	msg.Header.Set(jetstream.MsgIDHeader, e.id)
	ack, err := js.PublishMsg(ctx, msg)
	if err != nil {
		t.Fatalf("publish %s: %v", e.subject, err)
	}
	return ack.Duplicate
}

func publishAll(t *testing.T, js jetstream.JetStream, events ...event) {
	t.Helper()
	for _, e := range events {
		if publish(t, js, e) {
			t.Fatalf("event %s taken as a duplicate", e.id)
		}
	}
}

// publishCopy stores a second copy of e once the stream's duplicate window has let go of
// its id.
func publishCopy(t *testing.T, js jetstream.JetStream, e event) {
	t.Helper()
	waitfor.Until(t, "the duplicate window to pass", func() bool { return !publish(t, js, e) })
}

// shortDedupe shrinks the duplicate window of DOSSIER to its minimum, so a test can store
// two messages with one Nats-Msg-Id, as a replay or a second relay would.
func shortDedupe(t *testing.T, js jetstream.JetStream) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for _, cfg := range messaging.Streams(1) {
		if cfg.Name == messaging.DossierStream {
			cfg.Duplicates = 100 * time.Millisecond
			if _, err := js.UpdateStream(ctx, cfg); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func lastSeq(t *testing.T, js jetstream.JetStream, stream string) uint64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := js.Stream(ctx, stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return info.State.LastSeq
}

// waitSettled waits until the consumer has acknowledged (or terminated) everything in the
// stream up to its current end.
func waitSettled(t *testing.T, js jetstream.JetStream) {
	t.Helper()
	last := lastSeq(t, js, messaging.DossierStream)
	waitfor.Until(t, fmt.Sprintf("the consumer to settle up to sequence %d", last), func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		c, err := js.Consumer(ctx, messaging.DossierStream, durable)
		if err != nil {
			return false
		}
		info, err := c.Info(ctx)
		if err != nil {
			return false
		}
		return info.AckFloor.Stream >= last && info.NumAckPending == 0 && info.NumPending == 0
	})
}

// applied returns how many times each event id was applied.
func applied(t *testing.T, pool *pgxpool.Pool) map[string]int {
	t.Helper()
	rows, err := pool.Query(context.Background(), "SELECT event_id::text FROM effects")
	if err != nil {
		t.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, id := range ids {
		out[id]++
	}
	return out
}

func appliedCount(t *testing.T, pool *pgxpool.Pool) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), "SELECT count(*) FROM effects").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// assertAppliedOnce checks that each of want was applied exactly once, and nothing else.
func assertAppliedOnce(t *testing.T, pool *pgxpool.Pool, want []event) {
	t.Helper()
	got := applied(t, pool)
	for _, e := range want {
		if got[e.id] != 1 {
			t.Errorf("event %s applied %d times, want once", e.id, got[e.id])
		}
		delete(got, e.id)
	}
	for id, n := range got {
		t.Errorf("unexpected event %s applied %d times", id, n)
	}
}

// deadLetters returns the messages on deadletter.<durable>.
func deadLetters(t *testing.T, js jetstream.JetStream) []*jetstream.RawStreamMsg {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := messaging.ReadStream(ctx, js, messaging.DeadLetterStream, messaging.DeadLetterPrefix+durable)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func waitDeadLetters(t *testing.T, js jetstream.JetStream, n int) []*jetstream.RawStreamMsg {
	t.Helper()
	var got []*jetstream.RawStreamMsg
	waitfor.Until(t, fmt.Sprintf("%d dead letters", n), func() bool {
		got = deadLetters(t, js)
		return len(got) >= n
	})
	if len(got) != n {
		t.Fatalf("%d dead letters, want %d", len(got), n)
	}
	return got
}

// assertDeadLetter checks that dl is the copy of e with errText in its Motcua-Error.
func assertDeadLetter(t *testing.T, dl *jetstream.RawStreamMsg, e event, errText string) {
	t.Helper()
	if got := dl.Header.Get("Motcua-Original-Subject"); got != e.subject {
		t.Errorf("dead letter has original subject %q, want %q", got, e.subject)
	}
	if got := dl.Header.Get("Motcua-Consumer"); got != durable {
		t.Errorf("dead letter has consumer %q, want %q", got, durable)
	}
	if got := dl.Header.Get("Motcua-Stream"); got != messaging.DossierStream {
		t.Errorf("dead letter has stream %q, want %q", got, messaging.DossierStream)
	}
	if got := dl.Header.Get("Motcua-Error"); !strings.Contains(got, errText) {
		t.Errorf("dead letter has Motcua-Error %q, want it to mention %q", got, errText)
	}
	if want := `{"id":"` + e.id + `"}`; string(dl.Data) != want {
		t.Errorf("dead letter has payload %q, want %q", dl.Data, want)
	}
}

func TestConsumerAppliesEachEventOnce(t *testing.T) {
	t.Parallel()
	pool := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())
	shortDedupe(t, js)

	events := newEvents(40)
	publishAll(t, js, events...)
	// A few events stored twice before the consumer starts: copies land in one batch.
	for _, e := range events[:5] {
		publishCopy(t, js, e)
	}
	runConsumer(t, pool, js, quiet, messaging.ConsumerOptions{Batch: 16}, apply)
	waitSettled(t, js)
	assertAppliedOnce(t, pool, events)

	// Copies arriving long after the original are recognised by the inbox too.
	for _, e := range events[5:10] {
		publishCopy(t, js, e)
	}
	later := newEvents(10)
	publishAll(t, js, later...)
	waitSettled(t, js)
	assertAppliedOnce(t, pool, append(events, later...))

	var inbox int
	if err := pool.QueryRow(context.Background(), "SELECT count(*) FROM inbox WHERE consumer = $1", durable).Scan(&inbox); err != nil {
		t.Fatal(err)
	}
	if inbox != 50 {
		t.Fatalf("inbox holds %d rows, want 50", inbox)
	}
}

func TestConsumerRetriesAFailingEventWithoutBlockingOthers(t *testing.T) {
	t.Parallel()
	pool := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())

	events := newEvents(10)
	flaky := events[3]
	others := make([]string, 0, len(events)-1)
	for _, e := range events {
		if e != flaky {
			others = append(others, e.id)
		}
	}
	rec := newEffects()
	h := func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		call := rec.record(msg)
		if msg.Headers().Get(jetstream.MsgIDHeader) == flaky.id {
			if call <= 2 {
				return fmt.Errorf("transient failure %d", call)
			}
			// It succeeds only once the others are committed: were they held up behind
			// it, it would fail until dead-lettered and the test would see it.
			var done int
			if err := pool.QueryRow(ctx, "SELECT count(*) FROM effects WHERE event_id::text = ANY($1)", others).Scan(&done); err != nil {
				return err
			}
			if done < len(others) {
				return fmt.Errorf("others not applied yet (%d of %d)", done, len(others))
			}
		}
		return apply(ctx, tx, msg)
	}
	publishAll(t, js, events...)
	runConsumer(t, pool, js, quiet, messaging.ConsumerOptions{
		Batch: 16, MaxDeliver: 50, BackOff: []time.Duration{5 * time.Millisecond},
	}, h)
	waitSettled(t, js)

	assertAppliedOnce(t, pool, events)
	if n := len(rec.deliveries(flaky.id)); n < 3 {
		t.Fatalf("flaky event handled %d times, want at least 3", n)
	}
	if dl := deadLetters(t, js); len(dl) != 0 {
		t.Fatalf("%d dead letters, want none", len(dl))
	}
}

func TestConsumerDeadLettersPoisonMessages(t *testing.T) {
	t.Parallel()
	pool := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())

	events := newEvents(6)
	badID := events[1]
	badID.id = "not-a-uuid"
	events[1] = badID
	poison := events[3]
	rec := newEffects()
	h := func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		rec.record(msg)
		if msg.Headers().Get(jetstream.MsgIDHeader) == poison.id {
			return messaging.Poison(errors.New("payload breaks the schema"))
		}
		return apply(ctx, tx, msg)
	}
	publishAll(t, js, events...)
	runConsumer(t, pool, js, quiet, messaging.ConsumerOptions{Batch: 16, BackOff: []time.Duration{5 * time.Millisecond}}, h)

	dls := waitDeadLetters(t, js, 2)
	byID := map[string]*jetstream.RawStreamMsg{}
	for _, dl := range dls {
		byID[dl.Header.Get("Motcua-Original-Subject")] = dl
	}
	if dl := byID[badID.subject]; dl == nil {
		t.Error("the message with a bad Nats-Msg-Id was not dead-lettered")
	} else {
		assertDeadLetter(t, dl, badID, "not a UUID")
	}
	if dl := byID[poison.subject]; dl == nil {
		t.Error("the poison message was not dead-lettered")
	} else {
		assertDeadLetter(t, dl, poison, "payload breaks the schema")
	}

	// Later events still flow.
	later := newEvents(3)
	publishAll(t, js, later...)
	waitSettled(t, js)
	good := []event{events[0], events[2], events[4], events[5]}
	assertAppliedOnce(t, pool, append(good, later...))
	// Poison is not retried: every call came from the first delivery.
	for _, d := range rec.deliveries(poison.id) {
		if d != 1 {
			t.Fatalf("poison event delivered again (delivery %d)", d)
		}
	}
	if got := len(deadLetters(t, js)); got != 2 {
		t.Fatalf("%d dead letters after the later events, want 2", got)
	}
}

func TestConsumerDeadLettersAfterMaxDeliver(t *testing.T) {
	t.Parallel()
	pool := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())

	events := newEvents(4)
	doomed := events[1]
	rec := newEffects()
	h := func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		rec.record(msg)
		if msg.Headers().Get(jetstream.MsgIDHeader) == doomed.id {
			return errors.New("downstream refuses")
		}
		return apply(ctx, tx, msg)
	}
	publishAll(t, js, events...)
	runConsumer(t, pool, js, quiet, messaging.ConsumerOptions{
		Batch: 16, MaxDeliver: 3, BackOff: []time.Duration{2 * time.Millisecond, 5 * time.Millisecond},
	}, h)

	dls := waitDeadLetters(t, js, 1)
	assertDeadLetter(t, dls[0], doomed, "downstream refuses")
	waitSettled(t, js)

	var maxDelivery uint64
	for _, d := range rec.deliveries(doomed.id) {
		maxDelivery = max(maxDelivery, d)
	}
	if maxDelivery != 3 {
		t.Fatalf("doomed event delivered %d times before dead-lettering, want 3", maxDelivery)
	}
	assertAppliedOnce(t, pool, []event{events[0], events[2], events[3]})
}

// TestConsumerWaitsForWhatIsNotTheEventsFault: an event that fails only because the
// database cannot be reached, or because it must wait for another (Later), is retried
// past MaxDeliver, and applied once it can be, never dead-lettered.
func TestConsumerWaitsForWhatIsNotTheEventsFault(t *testing.T) {
	for name, cause := range map[string]error{
		"database outage":         fmt.Errorf("fold: %w", syscall.ECONNREFUSED), // what a stopped PostgreSQL gives
		"waits for another event": messaging.Later(errors.New("its first event has not arrived")),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			pool := newSchema(t)
			b := natstest.StartRestartable(t)
			_, js := natstest.Connect(t, b.URL())

			events := newEvents(3)
			unlucky := events[1]
			rec := newEffects()
			h := func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
				rec.record(msg)
				if msg.Headers().Get(jetstream.MsgIDHeader) == unlucky.id && len(rec.deliveries(unlucky.id)) <= 6 {
					return cause
				}
				return apply(ctx, tx, msg)
			}
			publishAll(t, js, events...)
			runConsumer(t, pool, js, quiet, messaging.ConsumerOptions{
				Batch: 16, MaxDeliver: 3, BackOff: []time.Duration{2 * time.Millisecond, 5 * time.Millisecond},
			}, h)

			waitfor.Until(t, "every event applied", func() bool { return appliedCount(t, pool) == len(events) })
			waitSettled(t, js)
			if dls := deadLetters(t, js); len(dls) != 0 {
				t.Fatalf("%d dead letters, want none", len(dls))
			}
			if n := len(rec.deliveries(unlucky.id)); n != 7 {
				t.Fatalf("the waiting event was delivered %d times, want 7", n)
			}
			assertAppliedOnce(t, pool, events)
		})
	}
}

// logSignal is a slog handler that closes a channel the first time a record's message
// contains a given text.
type logSignal struct {
	text string
	once *sync.Once
	seen chan struct{}
}

func (l logSignal) Enabled(context.Context, slog.Level) bool { return true }
func (l logSignal) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, l.text) {
		l.once.Do(func() { close(l.seen) })
	}
	return nil
}
func (l logSignal) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l logSignal) WithGroup(string) slog.Handler      { return l }

// TestConsumerDeadLettersOnceTheDeadLetterStreamIsBack covers the last delivery of a
// failing event meeting a dead-letter subject that cannot take it: the event must not
// be dropped, but dead-lettered once it can be.
func TestConsumerDeadLettersOnceTheDeadLetterStreamIsBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())
	if err := js.DeleteStream(ctx, messaging.DeadLetterStream); err != nil {
		t.Fatal(err)
	}

	events := newEvents(3)
	doomed := events[1]
	h := func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		if msg.Headers().Get(jetstream.MsgIDHeader) == doomed.id {
			return errors.New("downstream refuses")
		}
		return apply(ctx, tx, msg)
	}
	sig := logSignal{text: "dead-letter publish failed", once: &sync.Once{}, seen: make(chan struct{})}
	publishAll(t, js, events...)
	runConsumer(t, pool, js, slog.New(sig), messaging.ConsumerOptions{
		Batch: 16, MaxDeliver: 2, BackOff: []time.Duration{2 * time.Millisecond},
	}, h)

	select {
	case <-sig.seen:
	case <-time.After(20 * time.Second):
		t.Fatal("the consumer never tried to dead-letter the failing event")
	}
	ectx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := messaging.EnsureStreams(ectx, js, 1, quiet); err != nil {
		t.Fatal(err)
	}

	dls := waitDeadLetters(t, js, 1)
	assertDeadLetter(t, dls[0], doomed, "downstream refuses")
	waitSettled(t, js)
	assertAppliedOnce(t, pool, []event{events[0], events[2]})
}

func TestConsumerSurvivesBrokerRestart(t *testing.T) {
	t.Parallel()
	pool := newSchema(t)
	b := natstest.StartRestartable(t)
	_, js := natstest.Connect(t, b.URL())

	slow := func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		time.Sleep(time.Millisecond) // keep the consumer busy when the broker goes
		return apply(ctx, tx, msg)
	}
	// Acknowledgements sent while the broker is down are lost; the broker delivers those
	// messages again after AckWait and the inbox must recognise them.
	runConsumer(t, pool, js, quiet, messaging.ConsumerOptions{Batch: 8, AckWait: time.Second}, slow)

	before := newEvents(300)
	publishAll(t, js, before...)
	waitfor.Until(t, "the consumer to be under way", func() bool { return appliedCount(t, pool) >= 20 })
	b.Stop()
	if err := b.Start(); err != nil {
		t.Fatal(err)
	}

	after := newEvents(100)
	waitfor.Until(t, "the stream to take messages again", func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, err := js.Stream(ctx, messaging.DossierStream)
		return err == nil
	})
	publishAll(t, js, after...)
	all := append(before, after...)
	waitfor.Until(t, "every event to be applied", func() bool { return appliedCount(t, pool) >= len(all) })
	waitSettled(t, js)
	assertAppliedOnce(t, pool, all)
}
