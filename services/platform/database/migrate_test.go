package database_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/pgtest"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

func migrate(t *testing.T, pool *pgxpool.Pool, schema string, steps []database.Migration) {
	t.Helper()
	if err := database.Migrate(context.Background(), pool, schema, steps); err != nil {
		t.Fatal(err)
	}
}

func recorded(t *testing.T, pool *pgxpool.Pool) []string {
	t.Helper()
	rows, err := pool.Query(context.Background(), "SELECT name FROM schema_migrations ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func notes(t *testing.T, pool *pgxpool.Pool) []string {
	t.Helper()
	rows, err := pool.Query(context.Background(), "SELECT body FROM notes ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func tableExists(t *testing.T, pool *pgxpool.Pool, schema, table string) bool {
	t.Helper()
	var ok bool
	err := pool.QueryRow(context.Background(),
		"SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2)",
		schema, table).Scan(&ok)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

func equal(a, b []string) bool { return strings.Join(a, "\n") == strings.Join(b, "\n") }

// Steps that are not idempotent on their own (an INSERT), so running one twice shows.
var baseSteps = []database.Migration{
	{Name: "001_notes", SQL: "CREATE TABLE notes (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL)"},
	{Name: "002_first", SQL: "INSERT INTO notes (body) VALUES ('first')"},
}

func TestMigrateTwiceIsANoOp(t *testing.T) {
	t.Parallel()
	pool, schema := pgtest.NewSchema(t, dbURL)
	migrate(t, pool, schema, baseSteps)
	migrate(t, pool, schema, baseSteps)

	if got := notes(t, pool); !equal(got, []string{"first"}) {
		t.Fatalf("notes = %q after two runs, want one insert", got)
	}
	if got := recorded(t, pool); !equal(got, []string{"001_notes", "002_first"}) {
		t.Fatalf("recorded steps = %q", got)
	}
	// The steps ran in the service's schema, not in public.
	if !tableExists(t, pool, schema, "notes") {
		t.Fatalf("table notes not created in schema %s", schema)
	}
}

func TestMigrateAppliesANewStepOnce(t *testing.T) {
	t.Parallel()
	pool, schema := pgtest.NewSchema(t, dbURL)
	migrate(t, pool, schema, baseSteps)

	more := append(append([]database.Migration(nil), baseSteps...),
		database.Migration{Name: "003_second", SQL: "INSERT INTO notes (body) VALUES ('second')"})
	migrate(t, pool, schema, more)
	migrate(t, pool, schema, more)

	if got := notes(t, pool); !equal(got, []string{"first", "second"}) {
		t.Fatalf("notes = %q, want the new step applied once", got)
	}
	if got := recorded(t, pool); !equal(got, []string{"001_notes", "002_first", "003_second"}) {
		t.Fatalf("recorded steps = %q", got)
	}
}

func TestMigrateFailingStepLeavesNothingRecorded(t *testing.T) {
	t.Parallel()
	pool, schema := pgtest.NewSchema(t, dbURL)
	steps := append(append([]database.Migration(nil), baseSteps...),
		database.Migration{Name: "003_broken", SQL: "CREATE TABLE half_done (x int); INSERT INTO notes (body) VALUES ('broken'); SELECT 1/0"},
		database.Migration{Name: "004_after", SQL: "INSERT INTO notes (body) VALUES ('after')"},
	)
	err := database.Migrate(context.Background(), pool, schema, steps)
	if err == nil {
		t.Fatal("Migrate with a failing step returned no error")
	}
	if !strings.Contains(err.Error(), "003_broken") {
		t.Fatalf("error %q does not name the failing step", err)
	}

	// The steps before it stay applied; the failing one left no trace; later ones did
	// not run.
	if got := recorded(t, pool); !equal(got, []string{"001_notes", "002_first"}) {
		t.Fatalf("recorded steps = %q, want only the steps before the failure", got)
	}
	if tableExists(t, pool, schema, "half_done") {
		t.Fatal("the failing step's table survived its rollback")
	}
	if got := notes(t, pool); !equal(got, []string{"first"}) {
		t.Fatalf("notes = %q, want the failing and later steps' rows absent", got)
	}

	// Once the step is fixed, the next run applies it and the rest.
	steps[2].SQL = "INSERT INTO notes (body) VALUES ('fixed')"
	migrate(t, pool, schema, steps)
	if got := notes(t, pool); !equal(got, []string{"first", "fixed", "after"}) {
		t.Fatalf("notes = %q after the fix", got)
	}
}

func TestMigrateConcurrentStartsApplyEachStepOnce(t *testing.T) {
	t.Parallel()
	pool, schema := pgtest.NewSchema(t, dbURL)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() { errs <- database.Migrate(context.Background(), pool, schema, baseSteps) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := notes(t, pool); !equal(got, []string{"first"}) {
		t.Fatalf("notes = %q after concurrent runs, want one insert", got)
	}
}

func TestFromFSOrdersAndPrefixesSQLFiles(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"m/002_b.sql":   {Data: []byte("SELECT 2")},
		"m/001_a.sql":   {Data: []byte("SELECT 1")},
		"m/README.md":   {Data: []byte("not a step")},
		"m/sub/003.sql": {Data: []byte("SELECT 3")},
	}
	got, err := database.FromFS(fsys, "m", "svc_")
	if err != nil {
		t.Fatal(err)
	}
	want := []database.Migration{{Name: "svc_001_a.sql", SQL: "SELECT 1"}, {Name: "svc_002_b.sql", SQL: "SELECT 2"}}
	if len(got) != len(want) {
		t.Fatalf("FromFS = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("FromFS[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}
