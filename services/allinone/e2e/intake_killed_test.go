package e2e

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/apiclient"
)

// TestIntakeKilledMidFlight kills intake with SIGKILL while desks register at a steady
// pace, each resending with the same Idempotency-Key until it is answered 201, and
// starts it again two seconds later. Every registration ends registered once: none lost
// (a commit cut by the kill is either in the database or resent), none twice (a resend
// of one that landed gets its first answer). Status then holds each, and the time it
// takes to catch up after intake is back is reported.
func TestIntakeKilledMidFlight(t *testing.T) {
	e := start(t)
	const n, workers, killAfter, outage = 600, 8, 200, 2 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var (
		mu        sync.Mutex
		receipts  []apiclient.Receipt
		next, ok  atomic.Int64
		resent    atomic.Int64
		wg        sync.WaitGroup
		killed    = make(chan struct{})
		backAt    time.Time
		backReady = make(chan struct{})
	)
	go func() {
		for ok.Load() < killAfter && ctx.Err() == nil {
			time.Sleep(5 * time.Millisecond)
		}
		if err := e.cl.Intake.Kill(); err != nil {
			t.Errorf("kill intake: %v", err)
		}
		close(killed)
		t.Logf("intake killed after %d registrations", ok.Load())
		time.Sleep(outage)
		if err := e.cl.Intake.Restart(); err != nil {
			t.Errorf("restart intake: %v", err)
		}
		backAt = time.Now()
		close(backReady)
	}()
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				key := uuid.NewString()
				body := apiclient.Registration(office, procedure, 5000+i)
				for try := 1; ; try++ {
					r, status, err := e.client.Register(ctx, e.cl.Intake.Addr, e.token, key, body)
					if err == nil && (status == http.StatusCreated || status == http.StatusOK) {
						mu.Lock()
						receipts = append(receipts, r)
						mu.Unlock()
						ok.Add(1)
						if try > 1 {
							resent.Add(1)
						}
						break
					}
					if ctx.Err() != nil {
						t.Errorf("registration %d never answered: status %d, %v", i, status, err)
						return
					}
					time.Sleep(100 * time.Millisecond)
				}
			}
		})
	}
	wg.Wait()
	lastAnswer := time.Now()
	<-backReady
	t.Logf("%d registrations answered, %d of them after a resend", len(receipts), resent.Load())
	if len(receipts) != n {
		t.Fatalf("%d registrations answered, want %d", len(receipts), n)
	}
	select {
	case <-killed:
	default:
		t.Fatal("intake was never killed")
	}
	want := byCode(t, receipts)
	if len(want) != n {
		t.Errorf("%d distinct codes answered for %d registrations", len(want), n)
	}
	var rows, distinct int
	if err := e.db.QueryRow(ctx, "SELECT count(*), count(DISTINCT code) FROM intake.dossiers").Scan(&rows, &distinct); err != nil {
		t.Fatal(err)
	}
	if rows != n || distinct != n {
		t.Errorf("intake.dossiers has %d rows and %d distinct codes, want %d of each: lost or duplicated", rows, distinct, n)
	}
	sameSet(t, "intake.dossiers against the 201 answers", e.codes("intake.dossiers"), want)
	e.waitFor(fmt.Sprintf("status to hold %d dossiers", n), 60*time.Second, func() (bool, string) {
		got := e.count("SELECT count(*) FROM status.dossiers")
		return got >= n, fmt.Sprintf("status holds %d of %d", got, n)
	})
	t.Logf("status held every dossier %s after the last answer (%s after intake was back)",
		time.Since(lastAnswer).Round(10*time.Millisecond), time.Since(backAt).Round(10*time.Millisecond))
	e.expectStatusHolds(want, pinsOf(receipts))
	e.expectStreamEachOnce()
}
