package e2e

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
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

	"github.com/motcua/motcua/services/allinone/cluster"
	"github.com/motcua/motcua/services/intake/custodian"
	"github.com/motcua/motcua/services/intake/notifier"
	"github.com/motcua/motcua/services/intake/outward"
	"github.com/motcua/motcua/services/intake/shipments"
	"github.com/motcua/motcua/services/platform/calendarsync"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/pgtest"
	"github.com/motcua/motcua/services/platform/sessionsync"
	postalprojection "github.com/motcua/motcua/services/postal/projection"
	"github.com/motcua/motcua/services/status/adapters/trackcache"
	statusprojection "github.com/motcua/motcua/services/status/projection"
)

// The NATS users of deploy/nats/accounts.conf, one per service.
var natsUsers = []string{"intake", "status", "postal"}

// natsConsumers are the durable consumers each service runs, with the options the
// service gives them (the calendar followers' names are those of each service.go).
var natsConsumers = map[string][]messaging.ConsumerOptions{
	"intake": {shipments.Consumer, calendarsync.Consumer("intake-calendar"), custodian.Dossiers, custodian.Shipments,
		outward.WebhookDossiers, outward.WebhookShipments, outward.NationalDossiers, notifier.Dossiers, notifier.Shipments},
	"status": {statusprojection.DossierConsumer, statusprojection.ShipmentConsumer, statusprojection.NoticeConsumer,
		calendarsync.Consumer("status-calendar"),
		sessionsync.Consumer("status-sessions")},
	"postal": {postalprojection.DossierConsumer, postalprojection.OfficeConsumer, calendarsync.Consumer("postal-calendar"),
		sessionsync.Consumer("postal-sessions")},
}

// TestNATSPermissions proves deploy/nats/accounts.conf gives each service what it needs
// and no more. It starts the nats-server the harness built from deploy/nats/single.conf
// with `include ./accounts.conf` turned on and the passwords in its environment, as
// deploy/nats/README.md says, and then, as each service's user, runs the messaging code
// that service runs: the readiness check, the five streams created or updated and
// looked up, its outbox relay publishing its events, its durable consumers created,
// pulling, acknowledging and dead-lettering, and status's core subscriptions. None of it
// may be refused. Then each user tries what it must not do (another service's events,
// dead letters or consumers, deleting or purging a stream, reading a stream directly),
// and every attempt must be refused. (cluster.Start cannot run nats-server from a
// configuration file, hence a server of the test's own.)
func TestNATSPermissions(t *testing.T) {
	srv := startAccountsServer(t, repoRoot(t))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	// Without a user, or with a wrong password, no client gets in.
	if nc, err := nats.Connect(srv.url("", ""), nats.MaxReconnects(0)); err == nil {
		nc.Close()
		t.Fatal("a client without a user was let in")
	}
	if nc, err := nats.Connect(srv.url("status", srv.passwords["intake"]), nats.MaxReconnects(0)); err == nil {
		nc.Close()
		t.Fatal("status was let in with intake's password")
	}

	// Each service's connection, opened as the service opens it, and the streams ensured.
	logFile, err := os.Create(filepath.Join(srv.dir, "services.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	log := slog.New(slog.NewTextHandler(logFile, &slog.HandlerOptions{Level: slog.LevelDebug}))
	conns := map[string]*nats.Conn{}
	streams := map[string]jetstream.JetStream{}
	refusedStreams := false
	for _, user := range natsUsers {
		nc, js, err := messaging.Connect(srv.url(user, srv.passwords[user]), user, log.With("service", user), nil)
		if err != nil {
			t.Fatalf("%s: %v", user, err)
		}
		defer nc.Close()
		conns[user], streams[user] = nc, js
		ectx, ecancel := context.WithTimeout(ctx, 10*time.Second)
		err = messaging.EnsureStreams(ectx, js, 1, log.With("service", user))
		ecancel()
		if err != nil {
			t.Fatalf("%s ensures the streams: %v%s", user, err, srv.violations())
		}
		// EnsureStreams creates only what is missing: the first user created the streams,
		// the others updated them. Creating an existing stream with the same configuration
		// succeeds, so every user's right to create is tried too, and to look one up.
		// A refused request is never answered: each waits a few seconds at most.
		rctx, rcancel := context.WithTimeout(ctx, 5*time.Second)
		for _, cfg := range messaging.Streams(1) {
			if _, err := js.CreateStream(rctx, cfg); err != nil {
				t.Errorf("%s creates stream %s: %v", user, cfg.Name, err)
				refusedStreams = true
			}
			if _, err := js.Stream(rctx, cfg.Name); err != nil {
				t.Errorf("%s looks up stream %s: %v", user, cfg.Name, err)
				refusedStreams = true
			}
		}
		if err := messaging.Ready(rctx, nc, js); err != nil {
			t.Errorf("%s readiness check: %v", user, err)
			refusedStreams = true
		}
		rcancel()
	}
	if refusedStreams {
		t.Fatalf("refused:%s", srv.violations())
	}

	// status listens for dossier and shipment events on core NATS, as it does to evict
	// the views it caches; the counters beside check that the events reach it.
	if _, err := trackcache.Listen(conns["status"], trackcache.New(100, 1<<20, time.Minute, time.Now)); err != nil {
		t.Fatal(err)
	}
	var heardMu sync.Mutex
	heard := map[string]int{}
	for _, subject := range []string{"dossier.v1.>", "postal.v1.>"} {
		if _, err := conns["status"].Subscribe(subject, func(*nats.Msg) {
			heardMu.Lock()
			heard[subject]++
			heardMu.Unlock()
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := conns["status"].Flush(); err != nil {
		t.Fatal(err)
	}
	// Every service's replicas hear calendar edits (calendarsync.Follow) and the ends of
	// staff sessions (sessionsync.Follow) on core NATS.
	for _, svc := range natsUsers {
		for _, subject := range []string{"reference.v1.calendar.>", sessionsync.Subjects} {
			if _, err := conns[svc].Subscribe(subject, func(*nats.Msg) {}); err != nil {
				t.Fatal(err)
			}
		}
		if err := conns[svc].Flush(); err != nil {
			t.Fatal(err)
		}
	}

	// Each service's schema: the outbox and the inbox, as the service's own migrations
	// make them.
	dbURL := pgtest.NewDatabase(t, pgtest.Server(t))
	pools := map[string]*pgxpool.Pool{}
	schemas := map[string]string{}
	for _, user := range natsUsers {
		pools[user], schemas[user] = pgtest.NewSchema(t, dbURL, append(outbox.Migrations(), messaging.InboxMigrations()...)...)
	}

	// The events each publisher's relay sends: for each kind, one its consumers apply and
	// one they cannot (and dead-letter).
	published := map[string][]string{
		"intake": {
			"dossier.v1." + uuid.NewString() + ".received",
			"reference.v1.office.000.00.16.H19",
			"reference.v1.calendar." + strconv.Itoa(time.Now().Year()),
			sessionsync.Subject("desk.xuanloc"),
			"custody.v1.heads." + uuid.NewString(),
			"notice.v1." + uuid.NewString() + ".sent",
		},
		"postal": {"postal.v1." + uuid.NewString() + ".created"},
	}
	poisoned := map[string][]string{
		"intake": {
			"dossier.v1." + uuid.NewString() + ".accepted",
			"reference.v1.office.000.01.16.H19",
			"reference.v1.calendar." + strconv.Itoa(time.Now().Year()+1),
			sessionsync.Subject("desk.giaray"),
			"notice.v1." + uuid.NewString() + ".sent",
		},
		"postal": {"postal.v1." + uuid.NewString() + ".recorded"},
	}
	for _, user := range []string{"intake", "postal"} {
		var msgs []outbox.Message
		for _, s := range published[user] {
			msgs = append(msgs, outbox.Message{EventID: uuid.New(), Subject: s, Payload: []byte("apply")})
		}
		for _, s := range poisoned[user] {
			msgs = append(msgs, outbox.Message{EventID: uuid.New(), Subject: s, Payload: []byte("poison")})
		}
		if err := pgx.BeginFunc(ctx, pools[user], func(tx pgx.Tx) error { return outbox.Add(ctx, tx, msgs...) }); err != nil {
			t.Fatal(err)
		}
		relay := outbox.NewRelay(pools[user], streams[user], log.With("service", user), outbox.RelayOptions{Schema: schemas[user]})
		if err := relay.Flush(ctx); err != nil {
			t.Fatalf("%s's relay: %v%s", user, err, srv.violations())
		}
		var unsent int
		if err := pools[user].QueryRow(ctx, "SELECT count(*) FROM outbox WHERE sent_at IS NULL").Scan(&unsent); err != nil {
			t.Fatal(err)
		}
		if unsent != 0 {
			t.Fatalf("%s's relay left %d events unsent%s", user, unsent, srv.violations())
		}
	}

	// Every durable consumer, run by messaging.Consumer as its service runs it. The
	// handler notes each event it applies (a batch with the poisoned event in it fails
	// and is applied again one event at a time, so an event may be seen twice).
	var (
		appliedMu sync.Mutex
		applied   = map[string]map[string]bool{}
	)
	handler := func(durable string) messaging.Handler {
		return func(_ context.Context, _ pgx.Tx, m jetstream.Msg) error {
			if string(m.Data()) == "poison" {
				return messaging.Poison(errors.New("a message the test made unreadable"))
			}
			appliedMu.Lock()
			if applied[durable] == nil {
				applied[durable] = map[string]bool{}
			}
			applied[durable][m.Subject()] = true
			appliedMu.Unlock()
			return nil
		}
	}
	runCtx, stop := context.WithCancel(ctx)
	var running sync.WaitGroup
	defer func() { stop(); running.Wait() }()
	want := map[string][]string{}
	for _, user := range natsUsers {
		for _, opt := range natsConsumers[user] {
			c := messaging.NewConsumer(pools[user], streams[user], log.With("service", user), opt, handler(opt.Durable))
			running.Go(func() { c.Run(runCtx) })
			for _, s := range slices.Concat(published["intake"], published["postal"]) {
				if filtered(opt.FilterSubjects, s) {
					want[opt.Durable] = append(want[opt.Durable], s)
				}
			}
			if len(want[opt.Durable]) == 0 {
				t.Fatalf("no event of the test is for %s (filter %v)", opt.Durable, opt.FilterSubjects)
			}
		}
	}

	// Each consumer applies its events, dead-letters the poisoned one, and keeps nothing
	// pending; status heard every dossier and shipment event.
	deadline := time.Now().Add(15 * time.Second)
	for {
		state := consumersState(ctx, t, streams, want, &appliedMu, applied)
		heardMu.Lock()
		if heard["dossier.v1.>"] != 2 || heard["postal.v1.>"] != 2 {
			state = append(state, fmt.Sprintf("status heard %d dossier and %d shipment events on core NATS, want 2 and 2",
				heard["dossier.v1.>"], heard["postal.v1.>"]))
		}
		heardMu.Unlock()
		if len(state) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the services' messaging did not finish:\n  %s%s", strings.Join(state, "\n  "), srv.violations())
		}
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	running.Wait()
	if v := srv.violations(); v != "" {
		t.Fatalf("a service was refused something it does:%s", v)
	}

	// What each service must not do.
	before := streamCounts(ctx, t, streams["intake"])
	id := uuid.NewString()
	refused(t, srv, "intake", []attempt{
		{publish: "postal.v1." + id + ".created"},
		{publish: "deadletter.status-dossiers"},
		{publish: "$JS.API.STREAM.DELETE.DOSSIER"},
		{publish: "$JS.API.STREAM.PURGE.REFERENCE"},
		{publish: "$JS.API.STREAM.MSG.GET.DOSSIER"},
		{publish: "$JS.API.STREAM.MSG.DELETE.DEADLETTER"},
		{publish: "$JS.API.CONSUMER.CREATE.DOSSIER.status-dossiers"},
		{publish: "$JS.API.CONSUMER.DELETE.POSTAL.intake-shipments"},
		{publish: "$JS.ACK.DOSSIER.status-dossiers.1.1.1.1.0"},
		{subscribe: "dossier.>"},
		{subscribe: "deadletter.>"},
	})
	refused(t, srv, "status", []attempt{
		{publish: "dossier.v1." + id + ".received"},
		{publish: "custody.v1.heads." + id},
		{publish: "postal.v1." + id + ".created"},
		{publish: "reference.v1.calendar.2030"},
		{publish: "deadletter.postal-dossiers"},
		{publish: "$JS.API.CONSUMER.MSG.NEXT.DOSSIER.postal-dossiers"},
		{publish: "$JS.API.CONSUMER.CREATE.REFERENCE.postal-offices"},
		{publish: "$JS.API.STREAM.DELETE.DEADLETTER"},
		{subscribe: "reference.>"},
		{subscribe: "deadletter.>"},
	})
	refused(t, srv, "postal", []attempt{
		{publish: "reference.v1.office.000.00.16.H19"},
		{publish: "custody.v1.heads." + id},
		{publish: "reference.v1.calendar.2030"},
		{publish: "dossier.v1." + id + ".received"},
		{publish: "deadletter.intake-shipments"},
		{publish: "$JS.API.CONSUMER.CREATE.POSTAL.intake-shipments"},
		{publish: "$JS.API.STREAM.DELETE.POSTAL"},
		{subscribe: "postal.>"},
	})
	if after := streamCounts(ctx, t, streams["intake"]); !equalCounts(before, after) {
		t.Errorf("the streams held %v before the refused attempts and %v after", before, after)
	}
}

// consumersState describes what is not done yet: events not applied, dead letters
// missing, messages pending.
func consumersState(ctx context.Context, t *testing.T, streams map[string]jetstream.JetStream, want map[string][]string,
	mu *sync.Mutex, applied map[string]map[string]bool) []string {
	t.Helper()
	// A lookup the server refuses is never answered: wait for each briefly.
	var cancels []context.CancelFunc
	defer func() {
		for _, cancel := range cancels {
			cancel()
		}
	}()
	quick := func() context.Context {
		c, cancel := context.WithTimeout(ctx, 2*time.Second)
		cancels = append(cancels, cancel)
		return c
	}
	var state []string
	dead := map[string]uint64{}
	if s, err := streams["status"].Stream(quick(), messaging.DeadLetterStream); err != nil {
		state = append(state, err.Error())
	} else if info, err := s.Info(quick(), jetstream.WithSubjectFilter(messaging.DeadLetterPrefix+">")); err != nil {
		state = append(state, err.Error())
	} else {
		dead = info.State.Subjects
	}
	for _, user := range natsUsers {
		for _, opt := range natsConsumers[user] {
			mu.Lock()
			got := slices.Sorted(maps.Keys(applied[opt.Durable]))
			mu.Unlock()
			if w := slices.Sorted(slices.Values(want[opt.Durable])); !slices.Equal(got, w) {
				state = append(state, fmt.Sprintf("%s applied %v, want %v", opt.Durable, got, w))
			}
			if n := dead[messaging.DeadLetterPrefix+opt.Durable]; n != 1 {
				state = append(state, fmt.Sprintf("%s dead-lettered %d messages, want 1", opt.Durable, n))
			}
			c, err := streams[user].Consumer(quick(), opt.Stream, opt.Durable)
			if err != nil {
				state = append(state, fmt.Sprintf("%s looks up %s: %v", user, opt.Durable, err))
				continue
			}
			if info := c.CachedInfo(); info.NumPending != 0 || info.NumAckPending != 0 {
				state = append(state, fmt.Sprintf("%s has %d messages pending and %d unacknowledged",
					opt.Durable, info.NumPending, info.NumAckPending))
			}
		}
	}
	return state
}

// filtered reports whether subject matches one of the filters.
func filtered(filters []string, subject string) bool {
	for _, f := range filters {
		if subjectMatches(f, subject) {
			return true
		}
	}
	return false
}

// subjectMatches matches a subject against a NATS filter with * and >.
func subjectMatches(filter, subject string) bool {
	f, s := strings.Split(filter, "."), strings.Split(subject, ".")
	for i, tok := range f {
		if tok == ">" {
			return len(s) > i
		}
		if i >= len(s) || (tok != "*" && tok != s[i]) {
			return false
		}
	}
	return len(f) == len(s)
}

// attempt is one thing a user must not be allowed: a publish or a subscription.
type attempt struct{ publish, subscribe string }

// refused connects as user and makes each attempt in turn, each of which the server must
// refuse with a permissions violation naming its subject.
func refused(t *testing.T, srv *accountsServer, user string, attempts []attempt) {
	t.Helper()
	errs := make(chan error, 64)
	nc, err := nats.Connect(srv.url(user, srv.passwords[user]), nats.Name(user+"-forbidden"), nats.MaxReconnects(0),
		nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) { errs <- err }))
	if err != nil {
		t.Fatalf("%s: %v", user, err)
	}
	defer nc.Close()
	for _, a := range attempts {
		what, subject := "publish to", a.publish
		if a.subscribe != "" {
			what, subject = "subscribe to", a.subscribe
			if _, err := nc.Subscribe(a.subscribe, func(*nats.Msg) {}); err != nil {
				t.Fatal(err)
			}
		} else if err := nc.PublishMsg(&nats.Msg{Subject: a.publish, Reply: nc.NewRespInbox(), Data: []byte("{}")}); err != nil {
			t.Fatal(err)
		}
		if err := nc.Flush(); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-errs:
			if !errors.Is(err, nats.ErrPermissionViolation) || !strings.Contains(err.Error(), strconv.Quote(subject)) {
				t.Errorf("%s may not %s %s: got %v, want a permissions violation for it", user, what, subject, err)
			}
		case <-time.After(3 * time.Second):
			t.Errorf("%s may %s %s: nothing refused it", user, what, subject)
		}
	}
}

// streamCounts is the number of messages in each stream.
func streamCounts(ctx context.Context, t *testing.T, js jetstream.JetStream) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	for _, cfg := range messaging.Streams(1) {
		s, err := js.Stream(ctx, cfg.Name)
		if err != nil {
			t.Fatal(err)
		}
		out[cfg.Name] = s.CachedInfo().State.Msgs
	}
	return out
}

func equalCounts(a, b map[string]uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// accountsServer is a nats-server running deploy/nats/single.conf with accounts.conf.
type accountsServer struct {
	dir       string
	port      int
	passwords map[string]string
	log       string
}

func (s *accountsServer) url(user, password string) string {
	u := url.URL{Scheme: "nats", Host: fmt.Sprintf("127.0.0.1:%d", s.port)}
	if user != "" {
		u.User = url.UserPassword(user, password)
	}
	return u.String()
}

// violations is the server's log lines about refused publishes and subscriptions, each
// on a line of its own after a newline, or "" when there is none.
func (s *accountsServer) violations() string {
	f, err := os.Open(s.log)
	if err != nil {
		return "\n" + err.Error()
	}
	defer f.Close()
	var out strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "Violation") {
			out.WriteString("\n  nats-server: " + sc.Text())
		}
	}
	return out.String()
}

// startAccountsServer copies single.conf (its include line turned on) and accounts.conf
// to a directory of the test's own and runs the harness's nats-server on them, with new
// passwords in its environment and free ports in place of the file's (the -p and -m
// flags override the file's listen and http ports).
func startAccountsServer(t *testing.T, root string) *accountsServer {
	t.Helper()
	s := &accountsServer{dir: t.TempDir(), passwords: map[string]string{}}
	conf := filepath.Join(s.dir, "single.conf")
	copyConf(t, filepath.Join(root, "deploy", "nats", "single.conf"), conf)
	copyConf(t, filepath.Join(root, "deploy", "nats", "accounts.conf"), filepath.Join(s.dir, "accounts.conf"))
	env := os.Environ()
	for _, user := range natsUsers {
		s.passwords[user] = hexPassword(t)
		env = append(env, "MOTCUA_NATS_"+strings.ToUpper(user)+"_PASSWORD="+s.passwords[user])
	}
	var err error
	if s.port, err = cluster.FreePort(); err != nil {
		t.Fatal(err)
	}
	monitor, err := cluster.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	s.log = filepath.Join(s.dir, "nats-server.log")
	logFile, err := os.Create(s.log)
	if err != nil {
		t.Fatal(err)
	}
	// The store stays the file's (.data/nats-server), relative to the test's directory.
	cmd := exec.Command(bin.NATSServer, "-c", conf, "-p", strconv.Itoa(s.port), "-m", strconv.Itoa(monitor))
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = s.dir, env, logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		logFile.Close()
		if t.Failed() {
			if b, err := os.ReadFile(s.log); err == nil {
				t.Logf("--- nats-server.log ---\n%s", b)
			}
			logTail(t, filepath.Join(s.dir, "services.log"), "", 60)
		}
	})
	// Ready when /healthz answers 200 (JetStream up); the wait ends early if it exits.
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	go func() {
		select {
		case <-exited:
			cancel()
		case <-ctx.Done():
		}
	}()
	if err := cluster.WaitOK(ctx, fmt.Sprintf("http://127.0.0.1:%d/healthz", monitor)); err != nil {
		b, _ := os.ReadFile(s.log)
		select {
		case <-exited:
			t.Fatalf("nats-server exited:\n%s", b)
		default:
			t.Fatalf("nats-server not healthy after 15s:\n%s", b)
		}
	}
	return s
}

// TestNATSPermissionsConfigsLoad checks that nats-server accepts each configuration of
// deploy/nats with accounts.conf included (nats-server -t), and the ConfigMap's of
// deploy/k8s/nats.yaml.
func TestNATSPermissionsConfigsLoad(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	copyConf(t, filepath.Join(root, "deploy", "nats", "accounts.conf"), filepath.Join(dir, "accounts.conf"))
	env := append(os.Environ(), "POD_NAME=nats-0")
	for _, user := range natsUsers {
		env = append(env, "MOTCUA_NATS_"+strings.ToUpper(user)+"_PASSWORD="+hexPassword(t))
	}
	check := func(dir, name string) {
		cmd := exec.Command(bin.NATSServer, "-c", name, "-t")
		cmd.Dir, cmd.Env = dir, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s with accounts.conf: %v\n%s", name, err, out)
		}
	}
	for _, name := range []string{"single.conf", "cluster-1.conf", "cluster-2.conf", "cluster-3.conf"} {
		copyConf(t, filepath.Join(root, "deploy", "nats", name), filepath.Join(dir, name))
		check(dir, name)
	}
	// The ConfigMap's nats.conf, with its own accounts.conf beside it.
	k8s := t.TempDir()
	nc, err := configMapFile(filepath.Join(root, "deploy", "k8s", "nats.yaml"), "nats.conf")
	if err != nil {
		t.Fatal(err)
	}
	ac, err := configMapFile(filepath.Join(root, "deploy", "k8s", "nats.yaml"), "accounts.conf")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"nats.conf": nc, "accounts.conf": ac} {
		if err := os.WriteFile(filepath.Join(k8s, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	check(k8s, "nats.conf")
}

// TestNATSPermissionsKubernetesCopy checks that the accounts.conf of deploy/k8s/nats.yaml,
// and the embedded server's (services/platform/embeddednats), are the one of deploy/nats
// from `accounts {` down, so TestNATSPermissions covers them all.
func TestNATSPermissionsKubernetesCopy(t *testing.T) {
	root := repoRoot(t)
	k8s, err := configMapFile(filepath.Join(root, "deploy", "k8s", "nats.yaml"), "accounts.conf")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "deploy", "nats", "accounts.conf"))
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := os.ReadFile(filepath.Join(root, "services", "platform", "embeddednats", "accounts.conf"))
	if err != nil {
		t.Fatal(err)
	}
	body := func(s string) string {
		i := strings.Index(s, "\naccounts {")
		if i < 0 {
			t.Fatalf("no line `accounts {` in:\n%s", s)
		}
		return strings.TrimSpace(s[i:])
	}
	for name, copied := range map[string]string{"deploy/k8s/nats.yaml's accounts.conf": k8s,
		"services/platform/embeddednats/accounts.conf": string(embedded)} {
		sameAccounts(t, name, body(string(b)), body(copied))
	}
}

// sameAccounts fails the test at the first line where the copy named name differs from
// deploy/nats/accounts.conf.
func sameAccounts(t *testing.T, name, a, b string) {
	t.Helper()
	if a != b {
		al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
		for i := range max(len(al), len(bl)) {
			var x, y string
			if i < len(al) {
				x = al[i]
			}
			if i < len(bl) {
				y = bl[i]
			}
			if x != y {
				t.Fatalf("%s differs from deploy/nats/accounts.conf at line %d of `accounts {`:\n  deploy/nats: %q\n  the copy:    %q", name, i+1, x, y)
			}
		}
	}
}

// configMapFile reads the block scalar of key in the ConfigMap of a manifest (the lines
// after `  key: |` indented by four spaces), without its indentation.
func configMapFile(manifest, key string) (string, error) {
	b, err := os.ReadFile(manifest)
	if err != nil {
		return "", err
	}
	var out []string
	in := false
	for line := range strings.SplitSeq(string(b), "\n") {
		if !in {
			in = line == "  "+key+": |"
			continue
		}
		if line != "" && !strings.HasPrefix(line, "    ") {
			break
		}
		out = append(out, strings.TrimPrefix(line, "    "))
	}
	if len(out) == 0 {
		return "", fmt.Errorf("%s: no ConfigMap key %s", manifest, key)
	}
	return strings.Join(out, "\n"), nil
}

// copyConf copies a configuration file, turning on `include ./accounts.conf` where it is
// commented out; a file that has no such line (nor an active one) fails the test.
func copyConf(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if filepath.Base(from) != "accounts.conf" {
		const off, on = "\n# include ./accounts.conf\n", "\ninclude ./accounts.conf\n"
		if !strings.Contains(text, off) && !strings.Contains(text, on) {
			t.Fatalf("%s has no line `# include ./accounts.conf` to turn on", from)
		}
		text = strings.Replace(text, off, on, 1)
	}
	if err := os.WriteFile(to, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// hexPassword is a password made as deploy/nats/README.md says (openssl rand -hex 24). A
// value of digits only (with at most a size suffix) would read as a number: draw again in
// that vanishingly rare case.
func hexPassword(t *testing.T) string {
	t.Helper()
	for {
		b := make([]byte, 24)
		if _, err := rand.Read(b); err != nil {
			t.Fatal(err)
		}
		pw := hex.EncodeToString(b)
		if len(strings.Trim(pw, "0123456789")) > 2 {
			return pw
		}
	}
}

// repoRoot is the directory of go.work above the test's working directory.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.work above the test's directory")
		}
		dir = parent
	}
}
