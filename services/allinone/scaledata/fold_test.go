package scaledata

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/platform/pgtest"
	"github.com/motcua/motcua/services/status/adapters/store"
	"github.com/motcua/motcua/services/status/app/citizen"
)

// checkFolds folds the events of the loaded dossiers with status's own folds
// (store.FoldReceived, FoldChange, FoldShipment), one event per transaction as the
// projection does, and rates them as a citizen's rating is kept (Store.Rate), into a
// schema of their own, and fails unless every row the loader wrote into status is the
// row those make (but for the moments of the fold and of the rating).
func (e *env) checkFolds(t *testing.T) {
	ctx := context.Background()
	pool, schema := pgtest.NewSchema(t, e.dbURL, store.Migrations()...)
	fold := func(f func(pgx.Tx) error) {
		t.Helper()
		if err := pgx.BeginFunc(ctx, pool, f); err != nil {
			t.Fatal(err)
		}
	}
	b := e.loader.builder
	e.mu.Lock()
	lives := e.lives
	e.mu.Unlock()
	for _, l := range lives {
		r, changes, err := b.statusEvents(l)
		if err != nil {
			t.Fatal(err)
		}
		fold(func(tx pgx.Tx) error { return store.FoldReceived(ctx, tx, r) })
		for _, c := range changes {
			fold(func(tx pgx.Tx) error { return store.FoldChange(ctx, tx, c) })
		}
		if rt := l.rating; rt != nil {
			if _, err := store.New(pool).Rate(ctx, l.id, citizen.Rating{Score: rt.score, Criteria: rt.criteria,
				Comment: rt.comment}); err != nil {
				t.Fatal(err)
			}
		}
		for i := range l.legs {
			evs, err := legEvents(l, &l.legs[i])
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range evs {
				fold(func(tx pgx.Tx) error { return store.FoldShipment(ctx, tx, ev) })
			}
		}
	}
	// Every table the folds and the rating filled, with the triggers they set off (the
	// sums, the names, the open dossiers), holds in status what it holds here, but for
	// the moments of things: a dossier's updated_at is when it was folded, a rating's
	// created_at when it was given, and a name's time is that of the first dossier folded
	// that gave it (the order the loader and this test fold in differs).
	moment := map[string][]string{"dossiers": {"updated_at"}, "ratings": {"created_at"},
		"procedure_names": {"named_at"}, "office_names": {"handled_at", "held_at"}}
	rows, err := pool.Query(ctx, "SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1", schema)
	if err != nil {
		t.Fatal(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	var compared []string
	for _, name := range names {
		var filled bool
		if err := pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM "+pgx.Identifier{schema, name}.Sanitize()+")").Scan(&filled); err != nil {
			t.Fatal(err)
		}
		if !filled || name == "schema_migrations" {
			continue // nothing of the folds' (the inbox, the calendar, the migrations)
		}
		compared = append(compared, name)
		rowsOf := func(s string) string {
			return "SELECT to_jsonb(x) - $1::text[] FROM " + pgx.Identifier{s, name}.Sanitize() + " x"
		}
		var diffs []json.RawMessage
		err := pool.QueryRow(ctx, `SELECT coalesce(jsonb_agg(d), '[]') FROM (
			(SELECT jsonb_build_object('folded', r) AS d FROM (`+rowsOf(schema)+` EXCEPT ALL `+rowsOf("status")+`) f (r))
			UNION ALL
			(SELECT jsonb_build_object('loaded', r) FROM (`+rowsOf("status")+` EXCEPT ALL `+rowsOf(schema)+`) l (r))) x`,
			moment[name]).Scan(&diffs)
		if err != nil {
			t.Fatal(err)
		}
		if len(diffs) > 0 {
			t.Errorf("%s: %d rows differ from status's folds, the first: %s", name, len(diffs), diffs[0])
		}
	}
	if len(compared) < 4 {
		t.Errorf("only %v compared of %v", compared, names)
	}
	t.Logf("compared %v", compared)
}
