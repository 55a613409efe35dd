package servicetest

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// vietnam is the time zone of dossier codes and appointments.
var vietnam = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		return time.FixedZone("ICT", 7*3600)
	}
	return loc
}()

// schemaText returns every row of every table of the intake schema as text (bytea
// columns appear in hex).
func (e *env) schemaText(t *testing.T) map[string][]string {
	t.Helper()
	ctx := context.Background()
	rows, err := e.DB.Query(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'intake' AND table_type = 'BASE TABLE'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	if rows.Err() != nil || len(tables) == 0 {
		t.Fatalf("list tables: %v (%d)", rows.Err(), len(tables))
	}
	out := map[string][]string{}
	for _, table := range tables {
		q := fmt.Sprintf(`SELECT t::text FROM intake.%q t`, table)
		rs, err := e.DB.Query(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rs.Next() {
			var s string
			if err := rs.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out[table] = append(out[table], s)
		}
		if rs.Err() != nil {
			t.Fatal(rs.Err())
		}
	}
	if len(out["dossiers"]) == 0 || len(out["outbox"]) == 0 {
		t.Fatalf("expected rows in dossiers and outbox, got tables %v", tables)
	}
	return out
}

func mustParse(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
