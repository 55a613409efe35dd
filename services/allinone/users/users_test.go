package users

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

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
	if err != nil || !ok || acc.Role != "desk" || len(acc.Offices) != 2 || acc.Email != "" {
		t.Fatalf("account = %+v, %v, %v", acc, ok, err)
	}
	// An e-mail address, in lower case; added again without --email, the account keeps it.
	for _, args := range [][]string{{"--email", " Lan.Nguyen@Mot-Cua.example.vn"}, nil} {
		args = append([]string{"--username", "lan.nguyen", "--role", "officer", "--office", "000.00.16.H19"}, args...)
		if err := Add(ctx, args, strings.NewReader("a long enough password\n"), &out, dbURL, log); err != nil {
			t.Fatal(err)
		}
		if acc, _, _ = store.New(pool).Account(ctx, "lan.nguyen"); acc.Email != "lan.nguyen@mot-cua.example.vn" || acc.Role != "officer" {
			t.Errorf("after add %v: %+v", args, acc)
		}
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
		{"bad e-mail", "a long enough password\n", []string{"--username", "an.tran", "--role", "desk", "--office", "000.00.16.H19", "--email", "an.tran"}},
	} {
		if err := Add(ctx, tc.args, strings.NewReader(tc.stdin), &out, dbURL, log); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}

// TestPasswd: the new password read from standard input replaces the old one and ends
// the account's sessions; a short password and an unknown account are refused.
func TestPasswd(t *testing.T) {
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	if err := cluster.LoadDemo(ctx, dbURL); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	before := time.Now().Add(-time.Second)
	if err := Passwd(ctx, []string{"--username", " Desk.GiaRay "}, strings.NewReader("a brand new password\n"), &out, dbURL, log); err != nil {
		t.Fatal(err)
	}
	pool, err := database.Connect(ctx, dbURL, database.Options{Schema: store.Schema}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	acc, ok, err := store.New(pool).Account(ctx, "desk.giaray")
	if err != nil || !ok {
		t.Fatalf("account: %v %v", ok, err)
	}
	if match, _ := auth.CheckPassword(acc.PasswordHash, "a brand new password"); !match {
		t.Fatal("the new password does not match")
	}
	var ended time.Time
	if err := pool.QueryRow(ctx, "SELECT not_before FROM session_ends WHERE username = 'desk.giaray'").Scan(&ended); err != nil || ended.Before(before) {
		t.Errorf("the sessions did not end: %v %v", ended, err)
	}
	if err := Passwd(ctx, []string{"--username", "desk.giaray"}, strings.NewReader("short\n"), &out, dbURL, log); err == nil ||
		!strings.Contains(err.Error(), "10 characters") {
		t.Errorf("a short password: %v", err)
	}
	if err := Passwd(ctx, []string{"--username", "nobody.here"}, strings.NewReader("a brand new password\n"), &out, dbURL, log); err == nil {
		t.Error("an unknown account was given a password")
	}
}
