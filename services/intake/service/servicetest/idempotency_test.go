package servicetest

import (
	"bytes"
	"context"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
)

func TestIdempotencyKey(t *testing.T) {
	t.Parallel()
	e := start(t)
	desk := e.token(t, "desk.xuanloc")
	body := apitest.JSON(t, registration(demo.DistrictDesk))

	t.Run("same key and body answer the same", func(t *testing.T) {
		first := e.register(t, desk, body, "Idempotency-Key", "key-1")
		second := e.register(t, desk, body, "Idempotency-Key", "key-1")
		if first.Status != http.StatusCreated || second.Status != first.Status {
			t.Fatalf("statuses %d then %d: %s", first.Status, second.Status, second.Body)
		}
		if !bytes.Equal(first.Body, second.Body) {
			t.Fatalf("answers differ:\n%s\n%s", first.Body, second.Body)
		}
		if second.Header.Get("Idempotent-Replayed") != "true" {
			t.Error("replay not marked Idempotent-Replayed")
		}
		if n := e.count(t, "SELECT count(*) FROM intake.dossiers"); n != 1 {
			t.Fatalf("%d dossiers, want 1", n)
		}
		var rc receipt
		first.Decode(t, &rc)
		for table, rows := range e.schemaText(t) {
			for _, row := range rows {
				if strings.Contains(row, rc.LookupPIN) || strings.Contains(row, hex.EncodeToString([]byte(rc.LookupPIN))) {
					t.Errorf("the remembered answer leaves the PIN in clear in intake.%s", table)
				}
			}
		}
	})

	t.Run("same key with another body", func(t *testing.T) {
		other := registration(demo.DistrictDesk)
		other["fee_paid_vnd"] = 0
		e.register(t, desk, apitest.JSON(t, other), "Idempotency-Key", "key-1").
			ExpectError(t, http.StatusUnprocessableEntity, "idempotency_key_reused", "Idempotency-Key")
		if n := e.count(t, "SELECT count(*) FROM intake.dossiers"); n != 1 {
			t.Fatalf("%d dossiers, want 1", n)
		}
	})

	t.Run("concurrent requests with one key", func(t *testing.T) {
		const n = 12
		replies := make([]apitest.Reply, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { replies[i], errs[i] = e.do("POST", "/api/v1/dossiers", desk, body, "Idempotency-Key", "key-2") })
		}
		wg.Wait()
		for i, r := range replies {
			if errs[i] != nil {
				t.Fatal(errs[i])
			}
			r.Check(t, "concurrent registration")
			if r.Status != http.StatusCreated || !bytes.Equal(r.Body, replies[0].Body) {
				t.Fatalf("reply %d: %d %s, want 201 %s", i, r.Status, r.Body, replies[0].Body)
			}
		}
		if n := e.count(t, "SELECT count(*) FROM intake.dossiers"); n != 2 {
			t.Fatalf("%d dossiers, want 2", n)
		}
	})

	t.Run("keys belong to one account", func(t *testing.T) {
		r := e.register(t, e.token(t, "desk.giaray"), apitest.JSON(t, registration("000.01.16.H19")), "Idempotency-Key", "key-1")
		if r.Status != http.StatusCreated || r.Header.Get("Idempotent-Replayed") != "" {
			t.Fatalf("another account's key-1: %d %s", r.Status, r.Body)
		}
	})

	t.Run("no number lost to a replay", func(t *testing.T) {
		var last int
		if err := e.DB.QueryRow(context.Background(), "SELECT last_value FROM intake.code_sequences WHERE office_code = $1",
			demo.DistrictDesk).Scan(&last); err != nil {
			t.Fatal(err)
		}
		if last != 2 {
			t.Fatalf("district sequence at %d after two dossiers", last)
		}
	})
}

// count runs a query that returns one number.
func (e *env) count(t testing.TB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := e.DB.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
