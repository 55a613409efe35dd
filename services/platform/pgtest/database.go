package pgtest

import (
	"context"
	"testing"
)

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
