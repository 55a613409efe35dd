package e2e

import (
	"testing"
	"time"
)

const (
	total   = 1000
	workers = 8
)

// TestStatusKilledMidFlight kills status with SIGKILL while the desk registers 1,000
// dossiers and starts it again later. Intake does not depend on status, so every
// registration succeeds; once back, status folds every dossier exactly once.
func TestStatusKilledMidFlight(t *testing.T) {
	e := start(t)
	l := e.register(0, total, workers, false,
		hook{after: 300, name: "status killed", do: func() {
			if err := e.cl.Status.Kill(); err != nil {
				t.Errorf("kill status: %v", err)
			}
		}},
		hook{after: 600, name: "status restarted", do: func() {
			if err := e.cl.Status.Restart(); err != nil {
				t.Errorf("restart status: %v", err)
			}
		}},
	)
	noFailures(t, l)
	t.Logf("%d registrations succeeded while status was down", l.at[1]-l.at[0])
	e.waitReady(e.cl.Status)

	e.expectStatusHolds(byCode(t, l.receipts), pinsOf(l.receipts))
	e.expectStreamEachOnce()
}

// TestNATSKilledMidFlight kills the nats-server with SIGKILL while the desk registers
// 1,000 dossiers and starts it again on the same port and store. Intake keeps accepting
// registrations meanwhile (their events wait in the outbox); afterwards the relay
// publishes them, JetStream keeps one copy of each, and status folds each once.
func TestNATSKilledMidFlight(t *testing.T) {
	e := start(t)
	l := e.register(0, total, workers, false,
		hook{after: 300, name: "nats-server killed", do: func() {
			if err := e.cl.NATS.Kill(); err != nil {
				t.Errorf("kill nats-server: %v", err)
			}
		}},
		hook{after: 600, name: "nats-server restarted", do: func() {
			if err := e.cl.NATS.Restart(); err != nil {
				t.Errorf("restart nats-server: %v", err)
			}
		}},
	)
	noFailures(t, l)
	t.Logf("%d registrations succeeded while the broker was down", l.at[1]-l.at[0])
	e.waitReady(e.cl.Intake)
	e.waitReady(e.cl.Status)

	e.expectStatusHolds(byCode(t, l.receipts), pinsOf(l.receipts))
	e.expectStreamEachOnce()
}

// TestGracefulStopFlushesOutbox stops intake with SIGTERM while registrations are in
// flight: it finishes the requests it accepted, then its relay publishes every committed
// event before the process exits, so status gets them all with intake gone. Intake
// started again registers as before.
func TestGracefulStopFlushesOutbox(t *testing.T) {
	e := start(t)
	stopped := make(chan error, 1)
	l := e.register(0, 300, workers, true,
		hook{after: 100, name: "intake sent SIGTERM", do: func() {
			go func() { stopped <- e.cl.Intake.Stop(time.Minute) }()
		}},
	)
	if err := <-stopped; err != nil {
		t.Fatalf("intake did not stop cleanly: %v", err)
	}
	t.Logf("%d registrations succeeded, %d refused once intake was stopping", len(l.receipts), len(l.failures))

	if n := e.count("SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL"); n != 0 {
		t.Fatalf("%d outbox rows unsent after intake stopped", n)
	}
	// Everything intake committed is what the desk was told: no dossier without a receipt.
	committed := e.codes("intake.dossiers")
	sameSet(t, "intake.dossiers against the 201 answers", committed, byCode(t, l.receipts))
	// Status gets them all while intake is down: the flush published them.
	e.expectStatusHolds(committed, pinsOf(l.receipts))

	if err := e.cl.Intake.Restart(); err != nil {
		t.Fatal(err)
	}
	e.waitReady(e.cl.Intake)
	more := e.register(1000, 20, 4, false)
	noFailures(t, more)
	all := append(l.receipts, more.receipts...)
	e.expectStatusHolds(byCode(t, all), pinsOf(more.receipts))
	e.expectStreamEachOnce()
}
