package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/apiclient"
)

// TestPostalKilledMidFlight kills postal with SIGKILL while desks register dossiers that
// arrive by post, each of which the post must pick up, and starts it again later. Intake
// does not wait for the post; once back, postal opens exactly one pickup for each
// dossier: none lost with the process, none opened twice from an event delivered again.
func TestPostalKilledMidFlight(t *testing.T) {
	e := start(t)
	const n, workers, killAfter, restartAfter = 300, 6, 100, 200
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var (
		mu       sync.Mutex
		receipts []apiclient.Receipt
		next, ok atomic.Int64
		wg       sync.WaitGroup
		backAt   time.Time
		phases   sync.WaitGroup
	)
	phases.Add(1)
	go func() {
		defer phases.Done()
		for ok.Load() < killAfter && ctx.Err() == nil {
			time.Sleep(5 * time.Millisecond)
		}
		if err := e.cl.Postal.Kill(); err != nil {
			t.Errorf("kill postal: %v", err)
		}
		t.Logf("postal killed after %d registrations", ok.Load())
		for ok.Load() < restartAfter && ctx.Err() == nil {
			time.Sleep(5 * time.Millisecond)
		}
		if err := e.cl.Postal.Restart(); err != nil {
			t.Errorf("restart postal: %v", err)
		}
		backAt = time.Now()
		t.Logf("postal restarted after %d registrations", ok.Load())
	}()
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				var body map[string]any
				_ = json.Unmarshal(apiclient.Registration(office, procedure, 7000+i), &body)
				body["channel"] = "post"
				b, _ := json.Marshal(body)
				r, status, err := e.client.Register(ctx, e.cl.Intake.Addr, e.token, uuid.NewString(), b)
				if err != nil || status != http.StatusCreated {
					t.Errorf("registration %d: %d %v", i, status, err)
					return
				}
				mu.Lock()
				receipts = append(receipts, r)
				mu.Unlock()
				ok.Add(1)
			}
		})
	}
	wg.Wait()
	phases.Wait()
	if len(receipts) != n {
		t.Fatalf("%d registrations answered, want %d", len(receipts), n)
	}
	want := byCode(t, receipts)
	e.waitFor(fmt.Sprintf("postal to open a pickup for each of %d dossiers", n), 90*time.Second, func() (bool, string) {
		got := e.count(`SELECT count(*) FROM postal.shipments s JOIN postal.dossiers d ON d.id = s.dossier_id
			WHERE s.kind = 'pickup' AND d.code = ANY($1)`, slices.Collect(maps.Keys(want)))
		return got >= n, fmt.Sprintf("%d pickups of %d", got, n)
	})
	t.Logf("postal had a pickup for every dossier %s after it was back", time.Since(backAt).Round(10*time.Millisecond))
	var pickups, dossiers int
	if err := e.db.QueryRow(ctx, `SELECT count(*), count(DISTINCT s.dossier_id) FROM postal.shipments s
		JOIN postal.dossiers d ON d.id = s.dossier_id WHERE s.kind = 'pickup' AND d.code = ANY($1)`, slices.Collect(maps.Keys(want))).
		Scan(&pickups, &dossiers); err != nil {
		t.Fatal(err)
	}
	if pickups != n || dossiers != n {
		t.Errorf("%d pickups for %d dossiers, want one for each of %d: lost or opened twice", pickups, dossiers, n)
	}
}
