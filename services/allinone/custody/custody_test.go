package custody

import (
	"context"
	"encoding/hex"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/custody"
	"github.com/motcua/motcua/services/platform/pgtest"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

// chain appends n steps to the custody chain of dossier id as intake's custodian does,
// each in a transaction of its own.
func chain(t *testing.T, pool *pgxpool.Pool, id uuid.UUID, code string, n int) {
	t.Helper()
	at := time.Date(2026, time.March, 2, 1, 15, 4, 0, time.UTC)
	for i := range n {
		h := app.Handover{DossierID: id, Code: code, Record: custody.Record{At: at.Add(time.Duration(i) * time.Hour),
			Event: "transferred", From: "000.00.16.H19", To: "000.02.16.H19", By: "desk.xuanloc"}}
		if err := pgx.BeginFunc(t.Context(), pool, func(tx pgx.Tx) error {
			return app.Custodian{}.Record(t.Context(), store.CustodyIn(tx), h)
		}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestVerify: untouched chains verify; a row altered, a row removed or a chain's head
// altered is found, named by its dossier's code and the entry where its chain breaks.
func TestVerify(t *testing.T) {
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	var out strings.Builder
	if err := Verify(ctx, nil, &out, dbURL, log); err != nil || !strings.Contains(out.String(), "0 custody chains verified (0 entries checked)") {
		t.Fatalf("no chain yet: %v\n%s", err, out.String())
	}
	pool, err := store.Open(ctx, dbURL, log)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	first, second, third := uuid.New(), uuid.New(), uuid.New()
	chain(t, pool, first, "000.00.16.H19-260302-0001", 3)
	chain(t, pool, second, "000.00.16.H19-260302-0002", 2)
	chain(t, pool, third, "", 1) // a dossier intake does not know, of no code
	out.Reset()
	if err := Verify(ctx, nil, &out, dbURL, log); err != nil || !strings.Contains(out.String(), "3 custody chains verified (6 entries checked), none broken") {
		t.Fatalf("untouched chains: %v\n%s", err, out.String())
	}

	// The second entry of the first chain altered: found there, its stored hash and the
	// recomputed one told.
	var stored []byte
	if err := pool.QueryRow(ctx, "UPDATE custody_entries SET to_party = '000.03.16.H19' WHERE dossier_id = $1 AND seq = 2 RETURNING hash",
		first).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	err = Verify(ctx, nil, &out, dbURL, log)
	want := "dossier 000.00.16.H19-260302-0001 (id " + first.String() + "), entry 2: stored hash " + hex.EncodeToString(stored) + ", recomputed "
	if !errors.Is(err, ErrBroken) || !strings.Contains(err.Error(), want) || !strings.Contains(out.String(), "broken: "+want) ||
		!strings.Contains(out.String(), "1 of 3 custody chains broken (6 entries checked)") {
		t.Fatalf("an altered row: %v\n%s", err, out.String())
	}

	// The last entry of the second chain removed: its head names an entry the chain
	// no longer has. The third chain's head altered: likewise.
	if _, err := pool.Exec(ctx, "DELETE FROM custody_entries WHERE dossier_id = $1 AND seq = 2", second); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, "UPDATE custody_heads SET hash = sha256(hash) WHERE dossier_id = $1", third); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	err = Verify(ctx, nil, &out, dbURL, log)
	for _, want := range []string{
		"broken: dossier 000.00.16.H19-260302-0001 (id " + first.String() + "), entry 2: stored hash",
		"broken: dossier 000.00.16.H19-260302-0002 (id " + second.String() + "), head: entry 2 with hash",
		"broken: dossier (code unknown) (id " + third.String() + "), head: entry 1 with hash",
		"3 of 3 custody chains broken (5 entries checked)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in\n%s", want, out.String())
		}
	}
	if !errors.Is(err, ErrBroken) {
		t.Errorf("three broken chains: %v", err)
	}

	if err := Verify(ctx, []string{"everything"}, &out, dbURL, log); err == nil || errors.Is(err, ErrBroken) {
		t.Errorf("an argument: %v", err)
	}
	if err := Verify(ctx, nil, &out, "", log); err == nil || errors.Is(err, ErrBroken) {
		t.Errorf("no database: %v", err)
	}
}
