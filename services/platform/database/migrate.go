package database

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Migration is one forward-only step, applied once and recorded by name.
type Migration struct {
	Name string
	SQL  string
}

// Embedded is FromFS for migrations embedded in the binary (go:embed), which cannot be
// missing or unreadable at run time: a failure is a build's mistake, and panics.
func Embedded(fsys fs.FS, dir, prefix string) []Migration {
	m, err := FromFS(fsys, dir, prefix)
	if err != nil {
		panic(err)
	}
	return m
}

// FromFS lists the *.sql files of dir in fsys, in name order, as migrations whose names
// carry prefix (so steps from different sources never collide).
func FromFS(fsys fs.FS, dir, prefix string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []Migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		b, err := fs.ReadFile(fsys, dir+"/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		out = append(out, Migration{Name: prefix + e.Name(), SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Migrate creates schema when missing and applies, in order, every migration not yet
// recorded in schema.schema_migrations. Each step runs in its own transaction with
// search_path set to schema; an advisory lock keeps concurrent starts from racing.
// Applied steps are never edited: a change is a new step.
func Migrate(ctx context.Context, pool *pgxpool.Pool, schema string, steps []Migration) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", schema, err)
	}
	defer conn.Release()
	ident := pgx.Identifier{schema}.Sanitize()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock(hashtext('motcua.migrate'))"); err != nil {
		return fmt.Errorf("migrate %s: lock: %w", schema, err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock(hashtext('motcua.migrate'))") //nolint:errcheck
	// A schema made beforehand for the service's own role is used as it is: the role,
	// owning its schema only, may not create one (PostgreSQL checks that right before it
	// looks whether the schema exists).
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", schema).Scan(&exists); err != nil {
		return fmt.Errorf("migrate %s: %w", schema, err)
	}
	if !exists {
		if _, err := conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+ident); err != nil {
			return fmt.Errorf("migrate %s: create schema: %w", schema, err)
		}
	}
	setup := fmt.Sprintf(`CREATE TABLE IF NOT EXISTS %[1]s.schema_migrations (
	name text PRIMARY KEY,
	applied_at timestamptz NOT NULL DEFAULT now()
)`, ident)
	if _, err := conn.Exec(ctx, setup); err != nil {
		return fmt.Errorf("migrate %s: setup: %w", schema, err)
	}
	applied := map[string]bool{}
	rows, err := conn.Query(ctx, fmt.Sprintf("SELECT name FROM %s.schema_migrations", ident))
	if err != nil {
		return fmt.Errorf("migrate %s: list applied: %w", schema, err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("migrate %s: list applied: %w", schema, err)
	}
	for _, n := range names {
		applied[n] = true
	}
	for _, m := range steps {
		if applied[m.Name] {
			continue
		}
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "SET LOCAL search_path TO "+ident); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, fmt.Sprintf("INSERT INTO %s.schema_migrations (name) VALUES ($1)", ident), m.Name)
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s: step %s: %w", schema, m.Name, err)
		}
	}
	return nil
}
