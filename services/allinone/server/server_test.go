package server

import (
	"context"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go"

	"github.com/motcua/motcua/services/allinone/secrets"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/pgtest"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

// serve runs the all-in-one with its embedded NATS until the returned stop is called.
func serve(t *testing.T, dataDir string) (addr string, stop func()) {
	r := serveOn(t, dataDir, nil)
	return r.addr, r.stop
}

// serving is an all-in-one running for a test: its address, its embedded NATS server's.
type serving struct {
	addr, broker string
	stop         func()
}

// serveOn runs the all-in-one with the demo data on dataDir, with extra added to the
// tests' settings, until stop is called.
func serveOn(t *testing.T, dataDir string, extra map[string]string) serving {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	done := make(chan error, 1)
	env := map[string]string{"DATABASE_URL": dbURL, "MOTCUA_DATA_DIR": dataDir, "MOTCUA_HTTP_ADDR": "127.0.0.1:0"}
	maps.Copy(env, extra)
	var broker string
	go func() {
		done <- Run(ctx, Options{Env: env, Demo: true, Ready: func(a net.Addr) { ready <- a },
			Broker: func(u string) { broker = u }}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	}()
	select {
	case a := <-ready:
		return serving{addr: a.String(), broker: broker, stop: func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run returned %v after a clean stop", err)
			}
		}}
	case err := <-done:
		t.Fatalf("Run stopped before serving: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("the all-in-one did not start within 60s")
	}
	cancel()
	return serving{stop: func() {}}
}

// TestServeDemoEndToEnd drives the path of make run: the demo loads, a desk registers a
// dossier, a citizen finds it, and after a restart on the same data it is still there.
func TestServeDemoEndToEnd(t *testing.T) {
	dir := t.TempDir()
	addr, stop := serve(t, dir)
	ctx := context.Background()
	c := apiclient.NewClient(4)
	token, err := c.Token(ctx, addr, "desk.xuanloc", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	receipt, status, err := c.Register(ctx, addr, token, "", apiclient.Registration(demo.DistrictDesk, "2.000720", 1))
	if err != nil || status != http.StatusCreated {
		t.Fatalf("register: %d %v", status, err)
	}
	track := func(addr string) int {
		deadline := time.Now().Add(20 * time.Second)
		for {
			code, body, err := c.Track(ctx, addr, receipt.Code, receipt.LookupPIN)
			if err == nil && code == http.StatusOK {
				if body["code"] != receipt.Code {
					t.Fatalf("tracked %v, want %s", body["code"], receipt.Code)
				}
				return code
			}
			if time.Now().After(deadline) {
				return code
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	if got := track(addr); got != http.StatusOK {
		t.Fatalf("the citizen's lookup answered %d", got)
	}
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		resp, err := http.Get("http://" + addr + path)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %v %v", path, resp, err)
		}
		resp.Body.Close()
	}
	stop()
	if _, err := os.Stat(filepath.Join(dir, "secrets.json")); err != nil {
		t.Fatalf("keys were not kept: %v", err)
	}
	addr, stop = serve(t, dir)
	defer stop()
	if got := track(addr); got != http.StatusOK {
		t.Fatalf("after a restart on the same data the lookup answered %d", got)
	}
}

// TestTheEmbeddedBrokerTakesOnlyTheServices: the all-in-one's NATS server refuses a
// client without credentials: another process on the machine cannot read the
// citizens' events nor publish forged ones. The services themselves get in (the demo
// tests run through it).
func TestTheEmbeddedBrokerTakesOnlyTheServices(t *testing.T) {
	r := serveOn(t, t.TempDir(), nil)
	defer r.stop()
	broker := r.broker
	if broker == "" {
		t.Fatal("no embedded broker")
	}
	nc, err := nats.Connect(broker, nats.MaxReconnects(0))
	if err == nil {
		nc.Close()
		t.Fatal("a client without credentials got into the embedded broker")
	}
	if !strings.Contains(strings.ToLower(err.Error()), "authorization") {
		t.Errorf("refused for another reason than credentials: %v", err)
	}
}

// TestKeyRotationSignsNobodyOut: the token signing key is rotated (motcua keys rotate)
// and the all-in-one restarted: a token signed before the rotation still opens the API,
// and new sign-ins are signed with the new key.
func TestKeyRotationSignsNobodyOut(t *testing.T) {
	dir := t.TempDir()
	addr, stop := serve(t, dir)
	ctx := context.Background()
	c := apiclient.NewClient(2)
	before, err := c.Token(ctx, addr, "desk.xuanloc", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	body := apiclient.Registration(demo.DistrictDesk, "2.000720", 7)
	receipt, status, err := c.Register(ctx, addr, before, "", body)
	if err != nil || status != http.StatusCreated {
		t.Fatalf("register: %d %v", status, err)
	}
	stop()
	rotated, err := secrets.Rotate(dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	addr, stop = serve(t, dir)
	defer stop()
	after, err := c.Token(ctx, addr, "desk.xuanloc", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	for name, tok := range map[string]string{"before the rotation": before, "after it": after} {
		a, err := c.Do(ctx, http.MethodGet, "http://"+addr+"/api/v1/dossiers/search?name=an", tok, "", nil, nil)
		if err != nil || a.Status != http.StatusOK {
			t.Errorf("a token signed %s: %v %v", name, a.Status, err)
		}
	}
	// The data key rotated too: what the old one sealed still opens, and still is found.
	var whole struct {
		Applicant struct {
			IDNumber string `json:"id_number"`
		} `json:"applicant"`
	}
	a, err := c.Do(ctx, http.MethodGet, "http://"+addr+"/api/v1/dossiers/"+receipt.Code, after, "", nil, &whole)
	if err != nil || a.Status != http.StatusOK || whole.Applicant.IDNumber == "" {
		t.Errorf("a dossier sealed before the rotation: %v %v %+v", a.Status, err, whole)
	}
	found, err := c.Do(ctx, http.MethodGet, "http://"+addr+"/api/v1/dossiers/search?id_number="+whole.Applicant.IDNumber, after, "", nil, nil)
	if err != nil || found.Status != http.StatusOK || !strings.Contains(string(found.Body), receipt.Code) {
		t.Errorf("a dossier indexed before the rotation is not found: %v %v", found.Status, err)
	}
	newKey, err := auth.ParsePublicKey(rotated.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := auth.NewVerifier(newKey).Verify(after); err != nil {
		t.Errorf("the new sign-in is not signed with the new key: %v", err)
	}
}

// TestEachServiceHasItsOwnDatabaseRole: the all-in-one gives each service a role of its
// own, owning its schema and no superuser, and the services work under them.
func TestEachServiceHasItsOwnDatabaseRole(t *testing.T) {
	addr, stop := serve(t, t.TempDir())
	defer stop()
	ctx := context.Background()
	c := apiclient.NewClient(2)
	if _, err := c.Token(ctx, addr, "desk.xuanloc", demo.Password); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, schema := range []string{"intake", "status", "postal"} {
		role, err := database.RoleName(dbURL, schema)
		if err != nil {
			t.Fatal(err)
		}
		var owner string
		var super, connected bool
		err = conn.QueryRow(ctx, `SELECT n.nspowner::regrole::text, r.rolsuper,
			EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.usename = r.rolname AND a.datname = current_database())
			FROM pg_namespace n, pg_roles r WHERE n.nspname = $1 AND r.rolname = $2`, schema, role).Scan(&owner, &super, &connected)
		if err != nil || owner != role || super || !connected {
			t.Errorf("%s: owned by %s (want %s), superuser %v, connected %v (%v)", schema, owner, role, super, connected, err)
		}
	}
}
