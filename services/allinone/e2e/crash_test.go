package e2e

import (
	"fmt"
	"testing"
	"time"
)

const (
	total   = 1000
	workers = 8
)

// TestStatusKilledMidFlight kills status with SIGKILL while the desk registers 1,000
// dossiers and starts it again later. Status is made to fall behind first (a lock stalls
// its folding), so it dies holding events it was given but had not applied. Intake does
// not depend on status, so every registration succeeds; once back, status folds every
// dossier exactly once.
func TestStatusKilledMidFlight(t *testing.T) {
	e := start(t)
	var lock *blocker
	folded := -1
	l := e.register(0, total, workers, false,
		hook{after: 200, name: "status.dossiers locked", do: func() {
			lock = e.block("LOCK TABLE status.dossiers IN EXCLUSIVE MODE")
		}},
		hook{after: 300, name: "status killed", do: func() {
			folded = e.tryCount("SELECT count(*) FROM status.dossiers")
			if err := e.cl.Status.Kill(); err != nil {
				t.Errorf("kill status: %v", err)
			}
			lock.release()
		}},
		hook{after: 600, name: "status restarted", do: func() {
			if err := e.cl.Status.Restart(); err != nil {
				t.Errorf("restart status: %v", err)
			}
		}},
	)
	noFailures(t, l)
	t.Logf("status had folded %d dossiers when it was killed; %d registrations succeeded while it was down",
		folded, l.at[2]-l.at[1])
	if folded < 0 || folded >= l.at[1] {
		t.Errorf("status had folded %d of %d dossiers when killed; the lock should have held it back", folded, l.at[1])
	}
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
	unsent := -1
	l := e.register(0, total, workers, false,
		hook{after: 300, name: "nats-server killed", do: func() {
			if err := e.cl.NATS.Kill(); err != nil {
				t.Errorf("kill nats-server: %v", err)
			}
		}},
		hook{after: 600, name: "nats-server restarted", do: func() {
			unsent = e.tryCount("SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL")
			if err := e.cl.NATS.Restart(); err != nil {
				t.Errorf("restart nats-server: %v", err)
			}
		}},
	)
	noFailures(t, l)
	t.Logf("%d registrations succeeded while the broker was down; %d events waited in the outbox",
		l.at[1]-l.at[0], unsent)
	if unsent <= 0 {
		t.Errorf("%d outbox rows unsent while the broker was down; registrations meanwhile must wait there", unsent)
	}
	e.waitReady(e.cl.Intake)
	e.waitReady(e.cl.Status)

	e.expectStatusHolds(byCode(t, l.receipts), pinsOf(l.receipts))
	e.expectStreamEachOnce()
}

// TestGracefulStopFlushesOutbox stops intake with SIGTERM while registrations are in
// flight and its relay is held back (an older open transaction keeps the newer outbox
// rows unsafe to send). Intake finishes the requests it accepted; the hold is released
// only once it has stopped serving HTTP, so the events can only go out through the
// relay's flush at shutdown. After the exit the outbox is empty and status has every
// dossier intake committed, with intake gone. Intake started again registers as before.
func TestGracefulStopFlushesOutbox(t *testing.T) {
	e := start(t)
	before := e.register(0, 50, workers, false)
	noFailures(t, before)
	e.waitFor("the first events to be sent", 30*time.Second, func() (bool, string) {
		n := e.count("SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL")
		return n == 0, fmt.Sprintf("%d unsent", n)
	})

	hold := e.block("SELECT pg_current_xact_id()")
	stopped := make(chan error, 1)
	unsentAtStop := -1
	l := e.register(1000, 300, workers, true,
		hook{after: 50, name: "intake sent SIGTERM", do: func() {
			unsentAtStop = e.tryCount("SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL")
			go func() { stopped <- e.cl.Intake.Stop(time.Minute) }()
		}},
	)
	e.waitFor("intake to stop serving HTTP", 30*time.Second, func() (bool, string) {
		return e.logHas("intake", `"msg":"http stopped"`), "no 'http stopped' in intake.log"
	})
	hold.release()
	if err := <-stopped; err != nil {
		t.Fatalf("intake did not stop cleanly: %v", err)
	}
	t.Logf("%d outbox rows unsent at SIGTERM; %d registrations succeeded, %d refused once intake was stopping",
		unsentAtStop, len(l.receipts), len(l.failures))
	if unsentAtStop <= 0 {
		t.Errorf("%d outbox rows unsent at SIGTERM; the hold should have kept them", unsentAtStop)
	}

	if n := e.count("SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL"); n != 0 {
		t.Fatalf("%d outbox rows unsent after intake stopped", n)
	}
	// Everything intake committed is what the desk was told: no dossier without a receipt.
	all := append(before.receipts, l.receipts...)
	committed := e.codes("intake.dossiers")
	sameSet(t, "intake.dossiers against the 201 answers", committed, byCode(t, all))
	// Status gets them all while intake is down: the flush published them.
	e.expectStatusHolds(committed, pinsOf(all))

	if err := e.cl.Intake.Restart(); err != nil {
		t.Fatal(err)
	}
	e.waitReady(e.cl.Intake)
	more := e.register(2000, 20, 4, false)
	noFailures(t, more)
	all = append(all, more.receipts...)
	e.expectStatusHolds(byCode(t, all), pinsOf(more.receipts))
	e.expectStreamEachOnce()
}
