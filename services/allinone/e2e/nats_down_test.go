package e2e

import (
	"fmt"
	"os"
	"testing"
	"time"
)

// TestNATSDownAMinute stops the nats-server for a minute (MOTCUA_FAULT_OUTAGE, when set,
// is another length) while the desk registers, then starts it again, and reports how
// long intake's relay and status take to be level again: nothing is lost, each event
// once. It runs in make test-faults (MOTCUA_FAULTS=long), not in make test, for its
// minute.
func TestNATSDownAMinute(t *testing.T) {
	if os.Getenv("MOTCUA_FAULTS") != "long" {
		t.Skip("a minute long: run by make test-faults")
	}
	outage := time.Minute
	if d, err := time.ParseDuration(os.Getenv("MOTCUA_FAULT_OUTAGE")); err == nil {
		outage = d
	}
	e := start(t)
	var downAt time.Time
	l := e.register(0, 600, workers, false,
		hook{after: 200, name: "nats-server killed", do: func() {
			if err := e.cl.NATS.Kill(); err != nil {
				t.Errorf("kill nats-server: %v", err)
			}
			downAt = time.Now()
		}},
	)
	noFailures(t, l)
	time.Sleep(time.Until(downAt.Add(outage)))
	unsent := e.count("SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL")
	if err := e.cl.NATS.Restart(); err != nil {
		t.Fatalf("restart nats-server: %v", err)
	}
	back := time.Now()
	t.Logf("nats-server down %s; %d events waited in the outbox", outage, unsent)
	if unsent <= 0 {
		t.Errorf("%d outbox rows unsent while the broker was down", unsent)
	}
	want := byCode(t, l.receipts)
	e.waitFor(fmt.Sprintf("status to hold %d dossiers and the outbox to be sent", len(want)), 60*time.Second, func() (bool, string) {
		got := e.count("SELECT count(*) FROM status.dossiers")
		left := e.count("SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL")
		return got >= len(want) && left == 0, fmt.Sprintf("status holds %d of %d, %d unsent", got, len(want), left)
	})
	t.Logf("level again %s after the broker was back", time.Since(back).Round(10*time.Millisecond))
	e.expectStatusHolds(want, pinsOf(l.receipts))
	e.expectStreamEachOnce()
}
