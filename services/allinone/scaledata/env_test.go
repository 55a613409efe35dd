package scaledata

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/allinone/cluster"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// env is the services running on a database of their own, with the demo data, a desk
// and a supervisor for every office, and a loader on that database.
type env struct {
	t          *testing.T
	dbURL      string
	cl         *cluster.Cluster
	pool       *pgxpool.Pool
	client     *apiclient.Client
	desk       string
	supervisor string
	loader     *Loader

	mu    sync.Mutex
	lives []*life
}

const password = "scale-password-1"

func start(t *testing.T) *env {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	e := &env{t: t, dbURL: pgtest.NewDatabase(t, pgtest.Server(t)), client: apiclient.NewClient(8)}
	var err error
	e.cl, err = cluster.Start(ctx, cluster.Options{Bin: bin, DatabaseURL: e.dbURL, Dir: dir})
	if err != nil {
		t.Fatalf("start cluster: %v", err)
	}
	t.Cleanup(e.cl.Close)
	t.Cleanup(func() {
		if t.Failed() {
			logs, _ := filepath.Glob(filepath.Join(dir, "*.log"))
			for _, name := range logs {
				b, _ := os.ReadFile(name)
				lines := strings.Split(string(b), "\n")
				t.Logf("--- %s\n%s", filepath.Base(name), strings.Join(lines[max(0, len(lines)-40):], "\n"))
			}
		}
	})
	if err := cluster.LoadDemo(ctx, e.dbURL); err != nil {
		t.Fatal(err)
	}
	offices := append([]string{demo.DistrictDesk, demo.LandOffice}, demo.CommuneCodes()...)
	for _, a := range []struct{ user, role string }{{"scale.desk", "desk"}, {"scale.supervisor", "supervisor"}} {
		if err := cluster.AddAccount(ctx, e.dbURL, a.user, password, a.role, offices); err != nil {
			t.Fatal(err)
		}
	}
	if e.desk, err = e.client.Token(ctx, e.cl.Intake.Addr, "scale.desk", password); err != nil {
		t.Fatal(err)
	}
	if e.supervisor, err = e.client.Token(ctx, e.cl.Intake.Addr, "scale.supervisor", password); err != nil {
		t.Fatal(err)
	}
	if e.pool, err = pgxpool.New(ctx, e.dbURL); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.pool.Close)
	keys, err := KeysOf(e.cl.Keys)
	if err != nil {
		t.Fatal(err)
	}
	if e.loader, err = New(ctx, e.pool, Options{Seed: 16, Keys: keys, BatchSize: 64}); err != nil {
		t.Fatal(err)
	}
	e.loader.observe = func(l *life) {
		e.mu.Lock()
		e.lives = append(e.lives, l)
		e.mu.Unlock()
	}
	return e
}

// get sends a GET of path to the service at addr with token, and decodes a 200's body
// into out; it returns the status.
func (e *env) get(addr, path, token string, out any) int {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	a, err := e.client.Do(ctx, http.MethodGet, "http://"+addr+path, token, "", nil, out)
	if err != nil {
		e.t.Fatalf("GET %s: %v", path, err)
	}
	if a.Status != http.StatusOK {
		e.t.Logf("GET %s answered %d: %s", path, a.Status, a.Body)
	}
	return a.Status
}
