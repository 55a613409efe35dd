// Package natstest gives a test a real NATS server with JetStream of its own, as the
// services' tests need: no fake of the broker.
package natstest

import (
	"testing"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/motcua/motcua/services/platform/embeddednats"
)

// Start runs a NATS server with JetStream on a free port, its store in a folder of the
// test's; it stops, and is waited for, when the test ends.
func Start(t testing.TB) *server.Server {
	t.Helper()
	ns, err := embeddednats.Start(embeddednats.Options{StoreDir: t.TempDir(), Port: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() })
	return ns
}
