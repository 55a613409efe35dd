package main

import (
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/custody"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// TestCustodyVerifyExits: "motcua custody verify" exits 0 while every chain holds and 1
// once a row of one was altered in the database.
func TestCustodyVerifyExits(t *testing.T) {
	u := pgtest.NewDatabase(t, pgtest.Server(t))
	t.Setenv("DATABASE_URL", u)
	pool, err := store.Open(t.Context(), u, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	id := uuid.New()
	for i, event := range []string{"received", "transferred"} {
		h := app.Handover{DossierID: id, Code: "000.00.16.H19-260302-0001", Record: custody.Record{
			At: time.Now().Add(time.Duration(i) * time.Minute), Event: event, From: "citizen", To: "000.00.16.H19", By: "desk.xuanloc"}}
		if err := pgx.BeginFunc(t.Context(), pool, func(tx pgx.Tx) error {
			return app.Custodian{}.Record(t.Context(), store.CustodyIn(tx), h)
		}); err != nil {
			t.Fatal(err)
		}
	}
	if code := run(t.Context(), []string{"custody", "verify"}); code != 0 {
		t.Fatalf("untouched chains: exit %d, want 0", code)
	}
	if _, err := pool.Exec(t.Context(), "UPDATE custody_entries SET event = 'accepted' WHERE dossier_id = $1 AND seq = 1", id); err != nil {
		t.Fatal(err)
	}
	if code := run(t.Context(), []string{"custody", "verify"}); code != 1 {
		t.Fatalf("a row altered: exit %d, want 1", code)
	}
}
