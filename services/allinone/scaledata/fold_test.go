package scaledata

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/platform/pgtest"
	"github.com/motcua/motcua/services/status/adapters/store"
)

// checkFolds folds the events of the loaded dossiers with status's own folds
// (store.FoldReceived, FoldChange, FoldShipment), one event per transaction as the
// projection does, into a schema of their own, and fails unless every row the loader
// wrote into status is the row those folds make (but for updated_at, the moment of the
// fold).
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
	// A dossier's updated_at is when it was folded; a shipment's, when its newest event
	// happened.
	for _, q := range []struct{ table, key, foldTime string }{
		{"dossiers", "id", "updated_at"}, {"shipments", "id", ""}, {"shipment_steps", "event_id", ""},
	} {
		var diffs []json.RawMessage
		err := pool.QueryRow(ctx, `SELECT coalesce(jsonb_agg(jsonb_build_object('folded', f, 'loaded', l)), '[]')
			FROM (SELECT to_jsonb(x) - $1 AS f, x.`+q.key+` AS k FROM `+schema+`.`+q.table+` x) a
			FULL JOIN (SELECT to_jsonb(y) - $1 AS l, y.`+q.key+` AS k FROM status.`+q.table+` y) b USING (k)
			WHERE f IS DISTINCT FROM l`, q.foldTime).Scan(&diffs)
		if err != nil {
			t.Fatal(err)
		}
		if len(diffs) > 0 {
			t.Errorf("%d rows of %s differ from status's folds, the first: %s", len(diffs), q.table, diffs[0])
		}
	}
}
