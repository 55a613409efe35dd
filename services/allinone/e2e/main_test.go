package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/allinone/cluster"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// bin are the programs every test runs, built once for the package.
var bin cluster.Binaries

func TestMain(m *testing.M) { os.Exit(cluster.RunTests(m, "e2e", &bin)) }

const (
	// procedure is decided at the district desk, where desk.xuanloc works.
	procedure = "2.000720"
	office    = demo.DistrictDesk
	deskUser  = "desk.xuanloc"
	// consumer is status's durable consumer of dossier events.
	consumer = "status-dossiers"
)

// env is one test's cluster on a database of its own.
type env struct {
	t      *testing.T
	dir    string
	cl     *cluster.Cluster
	db     *pgxpool.Pool
	client *apiclient.Client
	token  string
}

// start creates a database for t on the server of DATABASE_URL, starts the cluster on
// it, loads the demo data and signs the desk in. Everything is stopped and dropped when t
// ends; if t failed, the tail of every process's log is printed first.
func start(t *testing.T) *env {
	t.Helper()
	return startOn(t, pgtest.Server(t))
}

// startOn is start on the PostgreSQL server of adminURL.
func startOn(t *testing.T, adminURL string) *env {
	t.Helper()
	return startWith(t, adminURL, nil)
}

// startWith is startOn with settings of the named services' own.
func startWith(t *testing.T, adminURL string, serviceEnv map[string][]string) *env {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	e := &env{t: t, dir: t.TempDir(), client: apiclient.NewClient(16)}
	dbURL := pgtest.NewDatabase(t, adminURL)
	t.Cleanup(func() {
		if t.Failed() {
			e.dumpLogs()
		}
	})
	var err error
	e.cl, err = cluster.Start(ctx, cluster.Options{Bin: bin, DatabaseURL: dbURL, Dir: e.dir,
		Env: []string{"MOTCUA_LOG_LEVEL=info"}, ServiceEnv: serviceEnv})
	if err != nil {
		t.Fatalf("start cluster: %v", err)
	}
	t.Cleanup(e.cl.Close)
	if err := cluster.LoadDemo(ctx, dbURL); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	e.db, err = pgxpool.New(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.db.Close)
	e.token, err = e.client.Token(ctx, e.cl.Intake.Addr, deskUser, demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// dumpLogs prints the last lines of each process's log.
func (e *env) dumpLogs() {
	logs, _ := filepath.Glob(filepath.Join(e.dir, "*.log"))
	for _, name := range logs {
		logTail(e.t, name, "", 60)
	}
}

// waitReady waits until p answers /readyz again, after a restart of it or of the broker.
func (e *env) waitReady(p *cluster.Proc) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := cluster.WaitReady(ctx, p.Addr); err != nil {
		e.t.Fatalf("%s after restart: %v", p.Name, err)
	}
}

// hook is something done to the cluster once after registrations have succeeded.
type hook struct {
	after int
	name  string
	do    func()
}

// load is the outcome of a burst of registrations.
type load struct {
	receipts []apiclient.Receipt
	failures []string
	// at is the number of successful registrations when each hook had finished.
	at []int
}

// register sends n registrations (numbered from first) from workers goroutines. Each
// hook runs once, in the goroutine whose registration made the count of successes reach
// its threshold, and after the hooks before it; the other workers keep registering
// meanwhile. A hook whose threshold is never reached runs at the end. With stopOnError a
// worker stops at its first failure; otherwise it goes on.
func (e *env) register(first, n, workers int, stopOnError bool, hooks ...hook) load {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var (
		mu   sync.Mutex
		out  = load{at: make([]int, len(hooks))}
		next atomic.Int64
		ok   atomic.Int64
		wg   sync.WaitGroup
	)
	done := make([]chan struct{}, len(hooks))
	ran := make([]atomic.Bool, len(hooks))
	for i := range done {
		done[i] = make(chan struct{})
	}
	runHook := func(i int) {
		if !ran[i].CompareAndSwap(false, true) {
			return
		}
		if i > 0 {
			<-done[i-1]
		}
		hooks[i].do()
		out.at[i] = int(ok.Load())
		e.t.Logf("%s after %d registrations", hooks[i].name, out.at[i])
		close(done[i])
	}
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				num := first + i
				key := fmt.Sprintf("e2e-%s-%d", e.t.Name(), num)
				r, status, err := e.client.Register(ctx, e.cl.Intake.Addr, e.token, key, apiclient.Registration(office, procedure, num))
				if err != nil || status != 201 {
					mu.Lock()
					out.failures = append(out.failures, fmt.Sprintf("registration %d: status %d, err %v", num, status, err))
					mu.Unlock()
					if stopOnError {
						return
					}
					continue
				}
				mu.Lock()
				out.receipts = append(out.receipts, r)
				mu.Unlock()
				count := int(ok.Add(1))
				for h := range hooks {
					if hooks[h].after == count {
						runHook(h)
					}
				}
			}
		})
	}
	wg.Wait()
	for h := range hooks {
		if !ran[h].Load() {
			e.t.Errorf("%s never ran: only %d registrations succeeded, want %d first", hooks[h].name, ok.Load(), hooks[h].after)
			runHook(h)
		}
	}
	return out
}

// count runs a query that returns one integer.
func (e *env) count(sql string, args ...any) int {
	e.t.Helper()
	n, err := e.queryInt(sql, args...)
	if err != nil {
		e.t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// tryCount is count for hooks, which run in worker goroutines: it reports -1 on error.
func (e *env) tryCount(sql string) int {
	n, err := e.queryInt(sql)
	if err != nil {
		e.t.Errorf("%s: %v", sql, err)
		return -1
	}
	return n
}

// queryInt runs a query that returns one integer.
func (e *env) queryInt(sql string, args ...any) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var n int
	err := e.db.QueryRow(ctx, sql, args...).Scan(&n)
	return n, err
}

// blocker is a transaction the test holds open to stall a service, e.g. with a lock.
type blocker struct {
	t  *testing.T
	tx pgx.Tx
}

// block begins a transaction and runs sql in it; the caller ends it with release. It may
// run in a worker goroutine, so it reports errors without stopping the test there.
func (e *env) block(sql string) *blocker {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	tx, err := e.db.Begin(context.Background())
	if err != nil {
		e.t.Errorf("begin blocker: %v", err)
		return &blocker{t: e.t}
	}
	e.t.Cleanup(func() { _ = tx.Rollback(context.Background()) })
	if _, err := tx.Exec(ctx, sql); err != nil {
		e.t.Errorf("%s: %v", sql, err)
	}
	return &blocker{t: e.t, tx: tx}
}

func (b *blocker) release() {
	if b == nil || b.tx == nil {
		return
	}
	if err := b.tx.Rollback(context.Background()); err != nil {
		b.t.Errorf("release blocker: %v", err)
	}
}

// logHas reports whether the log of process name holds a line containing text.
func (e *env) logHas(name, text string) bool {
	b, err := os.ReadFile(filepath.Join(e.dir, name+".log"))
	return err == nil && strings.Contains(string(b), text)
}

// codes reads the id of every dossier in table (schema-qualified), by code.
func (e *env) codes(table string) map[string]string {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rows, err := e.db.Query(ctx, "SELECT code, id::text FROM "+table)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var code, id string
		if err := rows.Scan(&code, &id); err != nil {
			e.t.Fatal(err)
		}
		out[code] = id
	}
	if err := rows.Err(); err != nil {
		e.t.Fatal(err)
	}
	return out
}

// byCode indexes receipts by dossier code (to the dossier's id), failing on a code
// given twice.
func byCode(t *testing.T, receipts []apiclient.Receipt) map[string]string {
	t.Helper()
	out := make(map[string]string, len(receipts))
	for _, r := range receipts {
		if prev, dup := out[r.Code]; dup {
			t.Fatalf("code %s given to two dossiers (%s and %s)", r.Code, prev, r.ID)
		}
		out[r.Code] = r.ID
	}
	return out
}

// sameSet reports the codes one side has and the other has not, or with another id.
func sameSet(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	var missing, extra, wrong []string
	for code, id := range want {
		g, ok := got[code]
		switch {
		case !ok:
			missing = append(missing, code)
		case g != id:
			wrong = append(wrong, fmt.Sprintf("%s has id %s, want %s", code, g, id))
		}
	}
	for code := range got {
		if _, ok := want[code]; !ok {
			extra = append(extra, code)
		}
	}
	if len(missing)+len(extra)+len(wrong) > 0 {
		slices.Sort(missing)
		slices.Sort(extra)
		t.Errorf("%s: %d missing %v, %d unexpected %v, %d with another id %v", what,
			len(missing), head(missing), len(extra), head(extra), len(wrong), head(wrong))
	}
}

func head(s []string) []string { return s[:min(len(s), 10)] }

// waitFor is waitUntil that logs how long the wait took.
func (e *env) waitFor(what string, deadline time.Duration, cond func() (bool, string)) {
	e.t.Helper()
	took := waitUntil(e.t, what, deadline, cond)
	e.t.Logf("%s after %s", what, took.Round(time.Millisecond))
}

// expectStatusHolds waits until status has folded exactly the dossiers of want (code to
// id), then checks its tables, its inbox, intake's outbox and a sample of lookups.
func (e *env) expectStatusHolds(want map[string]string, pins map[string]string) {
	e.t.Helper()
	n := len(want)
	e.waitFor(fmt.Sprintf("status to hold %d dossiers and intake's outbox to be sent", n), 90*time.Second, func() (bool, string) {
		got := e.count("SELECT count(*) FROM status.dossiers")
		unsent := e.count("SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL")
		if got > n {
			e.t.Fatalf("status holds %d dossiers, more than the %d registered", got, n)
		}
		return got == n && unsent == 0, fmt.Sprintf("status holds %d of %d dossiers, %d outbox rows unsent", got, n, unsent)
	})

	var rows, distinct int
	if err := e.db.QueryRow(context.Background(), "SELECT count(*), count(DISTINCT code) FROM status.dossiers").Scan(&rows, &distinct); err != nil {
		e.t.Fatal(err)
	}
	if rows != n || distinct != n {
		e.t.Errorf("status.dossiers has %d rows and %d distinct codes, want %d of each", rows, distinct, n)
	}
	sameSet(e.t, "status.dossiers against the registrations", e.codes("status.dossiers"), want)
	sameSet(e.t, "intake.dossiers against the registrations", e.codes("intake.dossiers"), want)

	if got := e.count("SELECT coalesce(sum(jsonb_array_length(timeline)), 0) FROM status.dossiers"); got != n {
		e.t.Errorf("the timelines hold %d steps, want %d (one 'received' step per dossier)", got, n)
	}
	if got := e.count(`SELECT count(*) FROM status.dossiers d WHERE (SELECT count(*) FROM jsonb_array_elements(d.timeline) s
		WHERE s->>'type' = 'received') <> 1`); got != 0 {
		e.t.Errorf("%d dossiers do not have exactly one 'received' step", got)
	}
	if got := e.count("SELECT count(*) FROM status.inbox WHERE consumer = $1", consumer); got != n {
		e.t.Errorf("status's inbox records %d events, want %d", got, n)
	}
	if got := e.count("SELECT count(*) FROM intake.outbox WHERE subject LIKE 'dossier.%'"); got != n {
		e.t.Errorf("intake's outbox holds %d events, want %d", got, n)
	}

	// A citizen finds a sample of them with the PIN of the receipt.
	codes := make([]string, 0, len(pins))
	for code := range pins {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	checked := 0
	for i, code := range codes {
		if i%50 != 0 && i != len(codes)-1 {
			continue
		}
		checked++
		status, body, err := e.client.Track(ctx, e.cl.Status.Addr, code, pins[code])
		if err != nil || status != 200 {
			e.t.Errorf("track %s: status %d, err %v", code, status, err)
			continue
		}
		if body["code"] != code {
			e.t.Errorf("track %s answered code %v", code, body["code"])
		}
		steps, _ := body["timeline"].([]any)
		if len(steps) != 1 {
			e.t.Errorf("track %s: timeline has %d steps, want 1", code, len(steps))
			continue
		}
		if step, _ := steps[0].(map[string]any); step["type"] != "received" {
			e.t.Errorf("track %s: first step is %v, want received", code, step["type"])
		}
	}
	e.t.Logf("status holds the %d dossiers; %d looked up by code and PIN", n, checked)
}

// pinsOf maps each receipt's code to its lookup PIN.
func pinsOf(receipts []apiclient.Receipt) map[string]string {
	out := make(map[string]string, len(receipts))
	for _, r := range receipts {
		out[r.Code] = r.LookupPIN
	}
	return out
}

// expectStreamEachOnce checks that the DOSSIER stream holds every event of intake's
// outbox exactly once, and nothing else.
func (e *env) expectStreamEachOnce() {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	rows, err := e.db.Query(ctx, "SELECT event_id::text FROM intake.outbox WHERE subject LIKE 'dossier.%'")
	if err != nil {
		e.t.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		e.t.Fatal(err)
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}

	nc, err := nats.Connect(e.cl.NATSURL, nats.Name("e2e"))
	if err != nil {
		e.t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		e.t.Fatal(err)
	}
	msgs, err := messaging.ReadStream(ctx, js, messaging.DossierStream, "")
	if err != nil {
		e.t.Fatal(err)
	}
	if len(msgs) != len(want) {
		e.t.Errorf("stream DOSSIER holds %d messages, want %d", len(msgs), len(want))
	}
	seen := map[string]int{}
	for _, m := range msgs {
		seen[m.Header.Get(jetstream.MsgIDHeader)]++
	}
	var twice, missing, extra []string
	for id, n := range seen {
		switch {
		case !want[id]:
			extra = append(extra, id)
		case n > 1:
			twice = append(twice, fmt.Sprintf("%s ×%d", id, n))
		}
	}
	for id := range want {
		if seen[id] == 0 {
			missing = append(missing, id)
		}
	}
	if len(twice)+len(missing)+len(extra) > 0 {
		e.t.Errorf("stream DOSSIER: %d events more than once %v, %d missing %v, %d unknown %v",
			len(twice), head(twice), len(missing), head(missing), len(extra), head(extra))
	}
	e.t.Logf("stream DOSSIER holds %d messages, %d distinct Nats-Msg-Id", len(msgs), len(seen))
}

// noFailures fails the test if any registration did not answer 201.
func noFailures(t *testing.T, l load) {
	t.Helper()
	if len(l.failures) > 0 {
		t.Fatalf("%d registrations failed, e.g. %v", len(l.failures), head(l.failures))
	}
}
