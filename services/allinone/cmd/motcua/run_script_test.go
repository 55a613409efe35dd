package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestMakeRun: make run starts its own PostgreSQL and says how to reach it, without
// printing the superuser's password (a log is read by more people than the machine's
// owner); it starts a local mail catcher, hands its SMTP address to the command and says
// where to read the mail; at exit it stops both.
func TestMakeRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	root, err := filepath.Abs("../../../..")
	if err != nil {
		t.Fatal(err)
	}
	// The postgres user must reach the data directory, as in a checkout.
	data, err := os.MkdirTemp("", "motcua-run-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(data) })
	if err := os.Chmod(data, 0o755); err != nil {
		t.Fatal(err)
	}
	// The command itself is not what is tested: a stand-in that says it ran.
	fake := filepath.Join(data, "motcua")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\necho \"motcua $* with mail at $MOTCUA_SMTP_URL\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(root, "deploy/local/run.sh"))
	cmd.Env = append(without(os.Environ(), "DATABASE_URL", "MOTCUA_SMTP_URL"), "MOTCUA_DATA_DIR="+data, "MOTCUA_BIN="+fake)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make run: %v\n%s", err, out)
	}
	pgdir := filepath.Join(data, "postgres")
	if b, err := os.ReadFile(filepath.Join(data, "postgres-dir")); err == nil {
		pgdir = strings.TrimSpace(string(b))
		t.Cleanup(func() { os.RemoveAll(pgdir) })
	}
	password, err := os.ReadFile(filepath.Join(pgdir, "password"))
	if err != nil || len(strings.TrimSpace(string(password))) < 8 {
		t.Fatalf("the cluster's password (%v): %q", err, password)
	}
	if !strings.Contains(string(out), "motcua serve --demo") || !strings.Contains(string(out), "PostgreSQL running") {
		t.Fatalf("make run did not start the cluster and the command:\n%s", out)
	}
	if strings.Contains(string(out), strings.TrimSpace(string(password))) {
		t.Errorf("make run printed the PostgreSQL superuser's password:\n%s", out)
	}
	if !strings.Contains(string(out), "with mail at smtp://127.0.0.1:") || !strings.Contains(string(out), "/api/v1/messages") ||
		!strings.Contains(string(out), "Mail catcher stopped.") {
		t.Errorf("make run did not start and stop the mail catcher:\n%s", out)
	}
}

// without is env without the variables names, so that make run starts its own.
func without(env []string, names ...string) []string {
	var out []string
	for _, kv := range env {
		if name, _, _ := strings.Cut(kv, "="); !slices.Contains(names, name) {
			out = append(out, kv)
		}
	}
	return out
}
