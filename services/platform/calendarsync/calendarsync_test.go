package calendarsync_test

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/calendarsync"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/natstest"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/pgtest"
	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/worktime"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

var quiet = slog.New(slog.DiscardHandler)

// newSchema is a schema of the test's own with what a service following the calendar
// has: the outbox, the inbox and the calendar table.
func newSchema(t *testing.T) (*pgxpool.Pool, string) {
	t.Helper()
	steps := append(append(outbox.Migrations(), messaging.InboxMigrations()...), calendarsync.Migrations()...)
	return pgtest.NewSchema(t, dbURL, steps...)
}

// startBroker runs a NATS server with the product's streams until the test ends; its URL
// is for more clients.
func startBroker(t *testing.T) (string, jetstream.JetStream) {
	t.Helper()
	url := natstest.Start(t).ClientURL()
	_, js := natstest.Connect(t, url)
	return url, js
}

// TestAnEditReachesAnotherService: an edit stored by the writer (intake) is published by
// its relay and put in force by a follower on a schema of its own (status, postal), and
// survives the follower's restart through its copy.
func TestAnEditReachesAnotherService(t *testing.T) {
	ctx := context.Background()
	writer, _ := newSchema(t)
	reader, readerSchema := newSchema(t)
	_, js := startBroker(t)
	run := background(t)
	run(outbox.NewRelay(writer, js, quiet, outbox.RelayOptions{Schema: "writer"}).Run)
	live := worktime.NewLive()
	follower := messaging.NewConsumer(reader, js, quiet, calendarsync.Consumer("test-calendar"), calendarsync.Handler(live))
	run(follower.Run)

	bridge, y := bridgeYear()
	rev, err := calendarsync.Set(ctx, writer, y, "admin.xuanloc", time.Now())
	if err != nil || rev != 1 {
		t.Fatalf("set: %d %v", rev, err)
	}
	waitfor.Within(t, 15*time.Second, "the follower to put the edit in force", func() bool {
		return !live.Calendar().IsWorkingDay(bridge)
	})
	// A second edit gets the next revision and replaces the first.
	y2 := worktime.DefaultYear(2028)
	if rev, err := calendarsync.Set(ctx, writer, y2, "admin.xuanloc", time.Now()); err != nil || rev != 2 {
		t.Fatalf("second set: %d %v", rev, err)
	}
	waitfor.Within(t, 15*time.Second, "the second edit", func() bool { return live.Calendar().IsWorkingDay(bridge) })

	// A restarted follower finds the newest edit in its own copy.
	again := worktime.NewLive()
	if err := calendarsync.Load(ctx, pgtest.ConnectSchema(t, dbURL, readerSchema), again); err != nil {
		t.Fatal(err)
	}
	if _, rev := again.Year(2028); rev != 2 || !again.Calendar().IsWorkingDay(bridge) {
		t.Fatalf("after a restart: revision %d", rev)
	}
}

// TestAnOldEditArrivingLateChangesNothing: revisions order the edits of a year, whatever
// order the broker delivers them in; an edit that cannot be read is dead-lettered.
func TestAnOldEditArrivingLateChangesNothing(t *testing.T) {
	ctx := context.Background()
	writer, _ := newSchema(t)
	reader, _ := newSchema(t)
	_, js := startBroker(t)
	bridge, edited := bridgeYear()
	// Two edits stored, then published newest first.
	if _, err := calendarsync.Set(ctx, writer, worktime.DefaultYear(2028), "a", time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := calendarsync.Set(ctx, writer, edited, "a", time.Now()); err != nil {
		t.Fatal(err)
	}
	rows, err := writer.Query(ctx, "SELECT subject, payload, event_id FROM outbox ORDER BY id DESC")
	if err != nil {
		t.Fatal(err)
	}
	var msgs []*nats.Msg
	for rows.Next() {
		m := &nats.Msg{Header: nats.Header{}}
		var id string
		if err := rows.Scan(&m.Subject, &m.Data, &id); err != nil {
			t.Fatal(err)
		}
		m.Header.Set(nats.MsgIdHdr, id)
		msgs = append(msgs, m)
	}
	msgs = append(msgs, &nats.Msg{Subject: calendarsync.Subject(2028), Data: []byte("not a protobuf"), Header: nats.Header{}})
	for _, m := range msgs {
		if _, err := js.PublishMsg(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	live := worktime.NewLive()
	run := background(t)
	follower := messaging.NewConsumer(reader, js, quiet, calendarsync.Consumer("test-calendar"), calendarsync.Handler(live))
	run(follower.Run)
	waitfor.Within(t, 15*time.Second, "the three messages to be consumed or dead-lettered", func() bool {
		var n int
		_ = reader.QueryRow(ctx, "SELECT count(*) FROM inbox").Scan(&n)
		info, err := js.Stream(ctx, messaging.DeadLetterStream)
		if err != nil {
			return false
		}
		st, err := info.Info(ctx)
		return err == nil && n == 2 && st.State.Msgs == 1
	})
	if _, rev := live.Year(2028); rev != 2 || live.Calendar().IsWorkingDay(bridge) {
		t.Fatalf("after a late old edit: revision %d, bridge day working %v", rev, live.Calendar().IsWorkingDay(bridge))
	}
	var stored int64
	if err := reader.QueryRow(ctx, "SELECT revision FROM calendar_years WHERE year = 2028").Scan(&stored); err != nil || stored != 2 {
		t.Fatalf("stored revision %d %v", stored, err)
	}
}

// TestEveryReplicaPutsAnEditInForce: replicas of a service share its durable consumer,
// so only one of them applies an edit from the stream; each must still put it in force,
// from core NATS, and a replica that missed it catches up from the table.
func TestEveryReplicaPutsAnEditInForce(t *testing.T) {
	ctx := context.Background()
	writer, _ := newSchema(t)
	reader, _ := newSchema(t)
	url, js := startBroker(t)
	run := background(t)
	run(outbox.NewRelay(writer, js, quiet, outbox.RelayOptions{Schema: "writer"}).Run)

	replicas := make([]*worktime.Live, 3)
	for i := range replicas {
		replicas[i] = worktime.NewLive()
		if _, _, err := calendarsync.Follow(connectTo(t, url), reader, replicas[i], time.Hour, quiet); err != nil {
			t.Fatal(err)
		}
		// They share one durable consumer, as replicas of a service do.
		c := messaging.NewConsumer(reader, js, quiet, calendarsync.Consumer("test-calendar"), calendarsync.Handler(replicas[i]))
		run(c.Run)
	}
	bridge, y := bridgeYear()
	if _, err := calendarsync.Set(ctx, writer, y, "admin.xuanloc", time.Now()); err != nil {
		t.Fatal(err)
	}
	for i, r := range replicas {
		waitfor.Within(t, 15*time.Second, fmt.Sprintf("replica %d to put the edit in force", i), func() bool {
			return !r.Calendar().IsWorkingDay(bridge)
		})
	}
	// A replica that heard nothing (it was disconnected) catches up on its next reload.
	late := worktime.NewLive()
	_, reload, err := calendarsync.Follow(connectTo(t, url), reader, late, 50*time.Millisecond, quiet)
	if err != nil {
		t.Fatal(err)
	}
	run(reload)
	waitfor.Within(t, 15*time.Second, "the late replica to reload the edit", func() bool {
		return !late.Calendar().IsWorkingDay(bridge)
	})
}

// background runs the test's workers until it ends: the function it returns starts one,
// and the test stops them all and waits for them when it ends.
func background(t *testing.T) func(worker func(context.Context)) {
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	t.Cleanup(func() { stop(); wg.Wait() })
	return func(worker func(context.Context)) { wg.Go(func() { worker(ctx) }) }
}

// bridgeYear is 2028 as shipped with one edit: bridge, a Friday made a day off.
func bridgeYear() (worktime.Date, worktime.Year) {
	bridge := worktime.Date{Year: 2028, Month: time.March, Day: 3}
	y := worktime.DefaultYear(2028)
	y.DaysOff[bridge] = "Nghỉ bù / Bridge day"
	return bridge, y
}

// connectTo connects a client to url for the test.
func connectTo(t *testing.T, url string) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}
