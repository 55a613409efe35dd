package apitest

import (
	"testing"

	"github.com/motcua/motcua/services/platform/embeddednats"
)

// Broker runs a NATS server with JetStream for the test, as the services' binaries
// connect to one, with its store in a temporary directory; it returns the server's
// client URL (the services' NATS_URL). The server shuts down when the test ends, after
// the cleanups registered later (the services using it) have run.
func Broker(t testing.TB) string {
	t.Helper()
	ns, err := embeddednats.Start(embeddednats.Options{StoreDir: t.TempDir(), Port: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() })
	return ns.ClientURL()
}
