package users

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/allinone/cluster"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/pgtest"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

func TestAdd(t *testing.T) {
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	var out strings.Builder
	// The command migrates intake's schema itself; the demo offices come after.
	err := Add(ctx, []string{"--username", "lan.nguyen", "--role", "desk", "--office", "000.00.16.H19"},
		strings.NewReader("a long enough password\n"), &out, dbURL, log)
	if err == nil || !strings.Contains(err.Error(), "unknown office") {
		t.Fatalf("an account of an unknown office: %v", err)
	}
	if err := cluster.LoadDemo(ctx, dbURL); err != nil {
		t.Fatal(err)
	}
	err = Add(ctx, []string{"--username", "Lan.Nguyen", "--role", "desk", "--office", "000.00.16.H19,000.01.16.H19"},
		strings.NewReader("a long enough password\n"), &out, dbURL, log)
	if err != nil {
		t.Fatal(err)
	}
	pool, err := database.Connect(ctx, dbURL, database.Options{Schema: store.Schema}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	acc, ok, err := store.New(pool).Account(ctx, "lan.nguyen")
	if err != nil || !ok || acc.Role != "desk" || len(acc.Offices) != 2 {
		t.Fatalf("account = %+v, %v, %v", acc, ok, err)
	}
	if match, _ := auth.CheckPassword(acc.PasswordHash, "a long enough password"); !match {
		t.Fatal("the password read from standard input does not match")
	}
	for _, tc := range []struct {
		name, stdin string
		args        []string
	}{
		{"short password", "short\n", []string{"--username", "an.tran", "--role", "desk", "--office", "000.00.16.H19"}},
		{"bad role", "a long enough password\n", []string{"--username", "an.tran", "--role", "boss", "--office", "000.00.16.H19"}},
		{"bad username", "a long enough password\n", []string{"--username", "an tran", "--role", "desk", "--office", "000.00.16.H19"}},
		{"no office", "a long enough password\n", []string{"--username", "an.tran", "--role", "desk"}},
	} {
		if err := Add(ctx, tc.args, strings.NewReader(tc.stdin), &out, dbURL, log); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}
