package pgtest

import (
	"context"
	"errors"
	"os"
	"testing"
)

// errNoServer says what to do when the tests have no PostgreSQL server.
var errNoServer = errors.New("DATABASE_URL is not set; run the tests with 'make test', which starts PostgreSQL")

// Server is the URL of the PostgreSQL server the tests run against, DATABASE_URL;
// without it the test fails, saying how to get one.
func Server(t testing.TB) string {
	t.Helper()
	u := os.Getenv("DATABASE_URL")
	if u == "" {
		t.Fatal(errNoServer)
	}
	return u
}

// NewDatabase creates an empty database for the test on the server of adminURL and
// returns its URL; the database is dropped when the test ends. For a test that needs a
// whole database of its own (services that migrate several schemas, a cluster of
// processes), where a schema from NewSchema is not enough.
func NewDatabase(t testing.TB, adminURL string) string {
	t.Helper()
	u, drop, err := CreateDatabase(context.Background(), adminURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(drop)
	return u
}
