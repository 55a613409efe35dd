package natstest

import (
	"testing"

	"github.com/motcua/motcua/services/platform/embeddednats"
)

// StartRestartable runs a NATS server with JetStream that the test may stop and start
// again on the same address and store, as when the broker restarts; it stops when the
// test ends.
func StartRestartable(t testing.TB) *embeddednats.Restartable {
	t.Helper()
	b, err := embeddednats.StartRestartable(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Stop)
	return b
}
