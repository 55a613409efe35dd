package messaging_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/logging"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/natstest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// TestAFrozenBrokerDropsNothing: the broker stops answering for longer than the pull's
// heartbeats while a burst waits on the stream, then answers again. The client must drop
// nothing on the floor ("slow consumer"): dropped messages would only come back after the
// ack deadline, out of order, and stretch the catch-up.
func TestAFrozenBrokerDropsNothing(t *testing.T) {
	pool := newSchema(t)
	ns := natstest.Start(t)
	_, publisher := natstest.Connect(t, ns.ClientURL())
	freezer := natstest.Freezable(t, ns.Addr().String())
	var log logging.Capture
	nc, js, err := messaging.Connect(freezer.URL, "frozen", log.Logger(slog.LevelInfo), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	runConsumer(t, pool, js, quiet, messaging.ConsumerOptions{}, apply)

	first := newEvents(10)
	publishAll(t, publisher, first...)
	applied := func(n int) func() bool {
		return func() bool {
			var got int
			if err := pool.QueryRow(context.Background(), "SELECT count(DISTINCT event_id) FROM effects").Scan(&got); err != nil {
				t.Fatal(err)
			}
			return got == n
		}
	}
	waitfor.Until(t, "the first events applied", applied(len(first)))
	freezer.Freeze(8 * time.Second)
	burst := newEvents(1000)
	publishAll(t, publisher, burst...)
	start := time.Now()
	waitfor.Until(t, "the burst applied", applied(len(first)+len(burst)))
	t.Logf("the burst was applied %v after it was published", time.Since(start).Round(100*time.Millisecond))
	if strings.Contains(log.String(), "slow consumer") {
		t.Errorf("the client dropped messages:\n%s", log.String())
	}
}
