package natstest

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/messaging"
)

// TestStart: a client reaches the broker at the URL given, with JetStream on, and the
// broker is gone once the test that started it has ended.
func TestStart(t *testing.T) {
	var url string
	t.Run("running", func(t *testing.T) {
		url = Start(t).ClientURL()
		nc, err := nats.Connect(url)
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		js, err := jetstream.New(nc)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := js.AccountInfo(ctx); err != nil {
			t.Errorf("JetStream: %v", err)
		}
	})
	if nc, err := nats.Connect(url, nats.MaxReconnects(0), nats.Timeout(time.Second)); err == nil {
		nc.Close()
		t.Errorf("the broker at %s still answers after its test ended", url)
	}
}

// TestConnect: the client finds the product's streams made.
func TestConnect(t *testing.T) {
	_, js := Connect(t, Start(t).ClientURL())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := js.Stream(ctx, messaging.ReferenceStream); err != nil {
		t.Errorf("the %s stream: %v", messaging.ReferenceStream, err)
	}
}
