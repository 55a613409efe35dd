// Package pgtest gives each test package a fresh database on the real PostgreSQL server
// that DATABASE_URL points to (make test starts one). There is no fake: without a server
// the tests fail and say how to get one.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Main runs the package's tests against a database of its own, created from template0
// before the tests and dropped after; *dbURL receives its URL.
func Main(m *testing.M, dbURL *string) {
	os.Exit(run(m, dbURL))
}

func run(m *testing.M, dbURL *string) int {
	admin := os.Getenv("DATABASE_URL")
	if admin == "" {
		fmt.Fprintln(os.Stderr, "pgtest:", errNoServer)
		return 1
	}
	u, drop, err := CreateDatabase(context.Background(), admin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgtest:", err)
		return 1
	}
	defer drop()
	*dbURL = u
	return m.Run()
}

// CreateDatabase creates an empty database on the server of adminURL and returns its URL
// and a function that drops it.
func CreateDatabase(ctx context.Context, adminURL string) (string, func(), error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return "", nil, fmt.Errorf("connect to %s: %w", redact(adminURL), err)
	}
	defer conn.Close(ctx)
	name := randomName("test_")
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE template0 ENCODING 'UTF8'"); err != nil {
		return "", nil, fmt.Errorf("create database: %w", err)
	}
	u, err := url.Parse(adminURL)
	if err != nil {
		return "", nil, err
	}
	u.Path = "/" + name
	drop := func() {
		dctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(dctx, adminURL)
		if err != nil {
			return
		}
		defer c.Close(dctx)
		_, _ = c.Exec(dctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	}
	return u.String(), drop, nil
}

// randomName is prefix followed by 12 random hex digits: a name no other test takes.
func randomName(prefix string) string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "DATABASE_URL"
	}
	return u.Redacted()
}
