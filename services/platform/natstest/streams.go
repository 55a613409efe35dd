package natstest

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/messaging"
)

// Connect is a client of the server at url as a service connects
// (messaging.Connect), named for the test, with the product's streams made sure of; it
// is closed when the test ends.
func Connect(t testing.TB, url string) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	quiet := slog.New(slog.DiscardHandler)
	nc, js, err := messaging.Connect(url, t.Name(), quiet, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := messaging.EnsureStreams(ctx, js, 1, quiet); err != nil {
		t.Fatal(err)
	}
	return nc, js
}
