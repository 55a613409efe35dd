package database_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/pgtest"
)

// TestProvisionGivesEachServiceItsOwnRole: a service's role owns its schema, what an
// earlier start as the administrator put there included, migrates it and works in it,
// and can neither read another service's schema nor create one, nor is it a superuser.
func TestProvisionGivesEachServiceItsOwnRole(t *testing.T) {
	ctx := context.Background()
	admin := pgtest.NewDatabase(t, dbURL)
	t.Cleanup(func() { dropRoles(t, admin, "alpha", "beta") })
	steps := []database.Migration{{Name: "t1", SQL: "CREATE TABLE things (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)"}}
	quiet := slog.New(slog.DiscardHandler)
	for _, schema := range []string{"alpha", "beta"} {
		pool, err := database.Connect(ctx, admin, database.Options{Schema: schema}, quiet)
		if err != nil {
			t.Fatal(err)
		}
		if err := database.Migrate(ctx, pool, schema, steps); err != nil {
			t.Fatal(err)
		}
		pool.Close()
	}
	alphaURL, err := database.Provision(ctx, admin, "alpha", "Alpha1234567890abcd")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := database.Provision(ctx, admin, "alpha", "Alpha1234567890abcd"); err != nil {
		t.Fatalf("provisioning again: %v", err)
	}
	if _, err := database.Provision(ctx, admin, "beta", "Beta1234567890abcde"); err != nil {
		t.Fatal(err)
	}
	pool, err := database.Connect(ctx, alphaURL, database.Options{Schema: "alpha"}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	more := append(steps, database.Migration{Name: "t2", SQL: "ALTER TABLE things ADD COLUMN note text"})
	if err := database.Migrate(ctx, pool, "alpha", more); err != nil {
		t.Fatalf("the role migrates its own schema: %v", err)
	}
	if _, err := pool.Exec(ctx, "INSERT INTO things (name, note) VALUES ('a', 'b')"); err != nil {
		t.Fatalf("the role writes its own tables: %v", err)
	}
	for what, q := range map[string]string{
		"read another service's schema": "SELECT count(*) FROM beta.things",
		"create a schema":               "CREATE SCHEMA gamma",
		"create a role":                 "CREATE ROLE intruder",
	} {
		_, err := pool.Exec(ctx, q)
		if err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("the role may %s: %v", what, err)
		}
	}
	var super bool
	if err := pool.QueryRow(ctx, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").Scan(&super); err != nil || super {
		t.Errorf("the role is a superuser (%v)", err)
	}
	if _, err := database.Provision(ctx, admin, "alpha", "short"); err == nil {
		t.Error("a short password was set")
	}
}

// dropRoles drops the services' roles on the database of adminURL, which outlive it.
func dropRoles(t *testing.T, adminURL string, schemas ...string) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		t.Error(err)
		return
	}
	defer conn.Close(ctx)
	for _, s := range schemas {
		role, _ := database.RoleName(adminURL, s)
		r := pgx.Identifier{role}.Sanitize()
		if _, err := conn.Exec(ctx, "DROP OWNED BY "+r+"; DROP ROLE "+r); err != nil {
			t.Error(err)
		}
	}
}
