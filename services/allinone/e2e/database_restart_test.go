package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/allinone/cluster"
	"github.com/motcua/motcua/services/platform/apiclient"
)

const (
	// restartTotal registrations are sent by restartWorkers workers; PostgreSQL is
	// stopped once restartAfter of them have succeeded and started again restartOutage
	// later.
	restartTotal   = 600
	restartWorkers = 8
	restartAfter   = 200
	restartOutage  = 2 * time.Second
	// A worker sends a registration again, with the same key and body, retryPause after
	// each answer other than 201, and gives up giveUpAfter after its first try.
	retryPause  = 100 * time.Millisecond
	giveUpAfter = 60 * time.Second
	// restartPace is the least time between the first tries of two registrations of a
	// worker: at most 400 a second in all, so that the 400 after restartAfter cannot all
	// be done before PostgreSQL has gone down, however fast the machine.
	restartPace = 20 * time.Millisecond
)

// TestDatabaseRestartedMidFlight stops PostgreSQL (fast shutdown) while the desk
// registers 600 dossiers and starts it again two seconds later; the services keep
// running throughout. Each registration carries an Idempotency-Key of its own, and its
// worker sends it again, same key and same body, until it is answered 201. Meanwhile
// intake answers 503 with the error envelope, never 500. Afterwards every registration
// has its dossier, once, in intake and in status, the outbox is sent and the DOSSIER
// stream holds each event once: the relay and status's consumer recovered on their own.
//
// The database is a PostgreSQL server of the test's own (the one of DATABASE_URL is
// shared with other packages and must not go down).
func TestDatabaseRestartedMidFlight(t *testing.T) {
	began := time.Now()
	pg := startPostgres(t)
	e := startOn(t, pg.url)
	t.Logf("private PostgreSQL and cluster ready in %s", time.Since(began).Round(time.Millisecond))

	r := e.registerThroughOutage(pg)
	r.report(t)

	if len(r.gaveUp) > 0 {
		t.Errorf("%d registrations never got a 201 within %s, e.g. %v", len(r.gaveUp), giveUpAfter, head(r.gaveUp))
	}
	if len(r.transport) > 0 {
		t.Errorf("%d requests got no HTTP answer from intake or an unreadable one, e.g. %v", len(r.transport), head(r.transport))
	}
	for status, n := range r.statuses {
		if status != http.StatusServiceUnavailable {
			t.Errorf("intake answered %d %d times while the database was restarted; only 503 is acceptable, e.g. %v",
				status, n, head(r.examples[status]))
		}
	}
	if len(r.badEnvelope) > 0 {
		t.Errorf("%d refusals without the error envelope, e.g. %v", len(r.badEnvelope), head(r.badEnvelope))
	}
	if r.statuses[http.StatusServiceUnavailable] == 0 {
		t.Errorf("no registration was refused with 503: the outage was not seen")
	}
	if r.atRestart >= restartTotal {
		t.Errorf("all %d registrations had succeeded before PostgreSQL was back: the outage was not mid-flight", restartTotal)
	}
	for _, p := range append(e.cl.Services(), e.cl.NATS) {
		if !p.Running() {
			t.Errorf("%s exited during the run; no process may be restarted here", p.Name)
		}
	}
	if len(r.receipts) != restartTotal {
		t.Fatalf("%d registrations answered 201, want %d", len(r.receipts), restartTotal)
	}
	want := byCode(t, r.receipts)

	// Intake holds exactly the registered dossiers, each once: no retry registered twice.
	var rows, distinct int
	if err := e.db.QueryRow(context.Background(), "SELECT count(*), count(DISTINCT code) FROM intake.dossiers").Scan(&rows, &distinct); err != nil {
		t.Fatal(err)
	}
	if rows != restartTotal || distinct != restartTotal {
		t.Errorf("intake.dossiers has %d rows and %d distinct codes, want %d of each", rows, distinct, restartTotal)
	}
	sameSet(t, "intake.dossiers against the 201 answers", e.codes("intake.dossiers"), want)

	// Status catches up on its own, within a minute, and the outbox is sent.
	e.waitFor(fmt.Sprintf("status to hold %d dossiers and intake's outbox to be sent", restartTotal), 60*time.Second, func() (bool, string) {
		got := e.count("SELECT count(*) FROM status.dossiers")
		unsent := e.count("SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL")
		return got >= restartTotal && unsent == 0, fmt.Sprintf("status holds %d of %d dossiers, %d outbox rows unsent", got, restartTotal, unsent)
	})
	e.expectStatusHolds(want, pinsOf(r.receipts))
	e.expectStreamEachOnce()
	t.Logf("whole test: %s", time.Since(began).Round(time.Millisecond))
}

// restartRun is the outcome of registrations sent through a database restart.
type restartRun struct {
	receipts []apiclient.Receipt
	// replayed counts the 201 answers intake replayed from an earlier try of the same key:
	// tries that had registered the dossier although their own answer was not a 201.
	replayed int
	// statuses counts the answers other than 201, by status; examples keeps a few of each.
	statuses    map[int]int
	examples    map[int][]string
	errorCodes  map[string]int
	retryAfter  map[string]int
	badEnvelope []string
	transport   []string
	gaveUp      []string
	// retried counts the registrations that needed more than one try.
	retried int
	// atStop and atRestart are the successes when PostgreSQL was told to stop and when it
	// was back; stopTook and startTook how long the script took.
	atStop, atRestart   int
	stopTook, startTook time.Duration
	// firstRefusal and lastRefusal are the times of the first and last answer other than
	// 201, and firstAfter that of the first 201 after the restart, from the stop.
	firstRefusal, lastRefusal, firstAfter time.Duration
	took                                  time.Duration
}

func (r *restartRun) report(t *testing.T) {
	t.Helper()
	t.Logf("%d registrations in %s: PostgreSQL stopped after %d (stop took %s), back after %d (start took %s)",
		len(r.receipts), r.took.Round(time.Millisecond), r.atStop, r.stopTook.Round(time.Millisecond),
		r.atRestart, r.startTook.Round(time.Millisecond))
	t.Logf("refusals by status %v, by error code %v, Retry-After %v; %d registrations retried, %d answered by a replay",
		r.statuses, r.errorCodes, r.retryAfter, r.retried, r.replayed)
	t.Logf("from the stop: first refusal at %s, last refusal at %s, first 201 after the restart at %s",
		r.firstRefusal.Round(time.Millisecond), r.lastRefusal.Round(time.Millisecond), r.firstAfter.Round(time.Millisecond))
}

// registerThroughOutage sends restartTotal registrations from restartWorkers workers,
// each retried with its key until it is answered 201. Once restartAfter have succeeded,
// a goroutine of its own stops PostgreSQL, waits restartOutage and starts it again; the
// workers go on meanwhile.
func (e *env) registerThroughOutage(pg *postgres) *restartRun {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	r := &restartRun{statuses: map[int]int{}, examples: map[int][]string{}, errorCodes: map[string]int{}, retryAfter: map[string]int{}}
	var (
		mu       sync.Mutex
		next, ok atomic.Int64
		wg       sync.WaitGroup
		trigger  = make(chan struct{})
		once     sync.Once
		finished = make(chan struct{})
		outage   = make(chan struct{})
		// stoppedAt and restarted are set by the outage goroutine under mu.
		stoppedAt time.Time
		restarted bool
	)
	since := func(at time.Time) time.Duration {
		if stoppedAt.IsZero() {
			return 0
		}
		return at.Sub(stoppedAt)
	}

	go func() {
		defer close(outage)
		select {
		case <-trigger:
		case <-finished:
			return
		}
		mu.Lock()
		r.atStop = int(ok.Load())
		stoppedAt = time.Now()
		mu.Unlock()
		if err := pg.stop(); err != nil {
			e.t.Errorf("stop PostgreSQL: %v", err)
		}
		r.stopTook = time.Since(stoppedAt)
		if pg.running() {
			e.t.Errorf("PostgreSQL still runs after stop")
		}
		e.t.Logf("PostgreSQL stopped after %d registrations", r.atStop)
		time.Sleep(restartOutage)
		startAt := time.Now()
		if _, err := pg.start(); err != nil {
			e.t.Errorf("start PostgreSQL again: %v", err)
		}
		mu.Lock()
		r.startTook = time.Since(startAt)
		r.atRestart = int(ok.Load())
		restarted = true
		mu.Unlock()
		e.t.Logf("PostgreSQL started again after %d registrations", r.atRestart)
	}()

	start := time.Now()
	for range restartWorkers {
		wg.Go(func() {
			var prev time.Time
			for {
				time.Sleep(time.Until(prev.Add(restartPace)))
				prev = time.Now()
				i := int(next.Add(1)) - 1
				if i >= restartTotal {
					return
				}
				key := uuid.NewString()
				body := apiclient.Registration(office, procedure, i)
				first := time.Now()
				for try := 1; ; try++ {
					a, err := e.postRegistration(ctx, key, body)
					now := time.Now()
					if err == nil && a.status == http.StatusCreated {
						mu.Lock()
						r.receipts = append(r.receipts, a.receipt)
						if a.replayed {
							r.replayed++
						}
						if try > 1 {
							r.retried++
						}
						if restarted && r.firstAfter == 0 {
							r.firstAfter = since(now)
						}
						mu.Unlock()
						if ok.Add(1) == restartAfter {
							once.Do(func() { close(trigger) })
						}
						break
					}
					mu.Lock()
					if err != nil {
						r.transport = append(r.transport, fmt.Sprintf("registration %d try %d: %v", i, try, err))
					} else {
						r.statuses[a.status]++
						if len(r.examples[a.status]) < 5 {
							r.examples[a.status] = append(r.examples[a.status], fmt.Sprintf("registration %d try %d: %s", i, try, a.raw))
						}
						r.errorCodes[a.errCode]++
						r.retryAfter[a.retryAfter]++
						if a.errCode == "" || a.errMessage == "" {
							r.badEnvelope = append(r.badEnvelope, fmt.Sprintf("%d %s", a.status, a.raw))
						}
					}
					if r.firstRefusal == 0 {
						r.firstRefusal = since(now)
					}
					r.lastRefusal = since(now)
					mu.Unlock()
					if now.Sub(first) > giveUpAfter || ctx.Err() != nil {
						mu.Lock()
						r.gaveUp = append(r.gaveUp, fmt.Sprintf("registration %d (key %s) after %d tries", i, key, try))
						mu.Unlock()
						break
					}
					time.Sleep(retryPause)
				}
			}
		})
	}
	wg.Wait()
	r.took = time.Since(start)
	close(finished)
	<-outage
	if stoppedAt.IsZero() {
		e.t.Fatalf("PostgreSQL was never stopped: only %d registrations succeeded, want %d first", ok.Load(), restartAfter)
	}
	return r
}

// regAnswer is intake's answer to one registration.
type regAnswer struct {
	status   int
	replayed bool
	receipt  apiclient.Receipt
	// For answers other than 201: the error envelope's code and message, the Retry-After
	// header and the body as sent.
	errCode, errMessage, retryAfter, raw string
}

// postRegistration posts a registration with an Idempotency-Key and reads the answer,
// the receipt of a 201 or the error envelope of anything else.
func (e *env) postRegistration(ctx context.Context, key string, body []byte) (regAnswer, error) {
	resp, err := e.client.Do(ctx, http.MethodPost, "http://"+e.cl.Intake.Addr+"/api/v1/dossiers", e.token, key, body, nil)
	if err != nil {
		return regAnswer{}, err
	}
	a := regAnswer{status: resp.Status, replayed: resp.Header.Get("Idempotent-Replayed") == "true"}
	if a.status == http.StatusCreated {
		if err := json.Unmarshal(resp.Body, &a.receipt); err != nil || a.receipt.Code == "" {
			return a, fmt.Errorf("201 answer without a receipt: %q (%v)", resp.Body, err)
		}
		return a, nil
	}
	a.raw = string(resp.Body)
	a.retryAfter = resp.Header.Get("Retry-After")
	var env apiclient.ErrorBody
	if json.Unmarshal(resp.Body, &env) == nil {
		a.errCode, a.errMessage = env.Error.Code, env.Error.Message
	}
	return a, nil
}

// postgres is a PostgreSQL server of one test's own, run by deploy/local/postgres.sh in a
// temporary directory, so that it can be stopped without disturbing other tests.
type postgres struct {
	t      *testing.T
	script string
	dir    string
	port   int
	url    string
}

// startPostgres starts a PostgreSQL server for t, stopped and removed when t ends.
func startPostgres(t *testing.T) *postgres {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("..", "..", "..", "deploy", "local", "postgres.sh"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(script); err != nil {
		t.Fatalf("the PostgreSQL script: %v", err)
	}
	// As root the script runs PostgreSQL as the postgres user, who must reach the directory.
	dir, err := os.MkdirTemp("", "motcua-e2e-pg-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	port, err := cluster.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	p := &postgres{t: t, script: script, dir: dir, port: port}
	t.Cleanup(func() {
		if t.Failed() {
			p.dumpLog()
		}
		if err := p.stop(); err != nil {
			t.Errorf("stop PostgreSQL: %v", err)
		}
		_ = os.RemoveAll(dir)
	})
	p.url, err = p.start()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// start starts the server (initialising its directory the first time) and returns its
// DATABASE_URL.
func (p *postgres) start() (string, error) {
	url, err := p.run("start", p.dir, fmt.Sprint(p.port))
	if err != nil {
		return "", err
	}
	if url == "" {
		return "", errors.New("postgres.sh start printed no DATABASE_URL")
	}
	return url, nil
}

// stop stops the server with a fast shutdown: sessions are ended, nothing is waited for.
func (p *postgres) stop() error {
	_, err := p.run("stop", p.dir)
	return err
}

// running reports whether the server runs.
func (p *postgres) running() bool {
	_, err := p.run("status", p.dir)
	return err == nil
}

func (p *postgres) run(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, p.script, args...)
	cmd.Env = append(os.Environ(), "PG_FSYNC=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("postgres.sh %s: %w\n%s", args[0], err, stderr.String())
	}
	return strings.TrimSpace(stdout.String()), nil
}

// dumpLog prints the last lines of the server's log.
func (p *postgres) dumpLog() {
	logTail(p.t, filepath.Join(p.dir, "server.log"), "PostgreSQL's server.log", 40)
}
