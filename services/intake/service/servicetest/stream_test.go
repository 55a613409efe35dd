package servicetest

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"google.golang.org/protobuf/proto"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/messaging"
)

// streamMessages waits up to within for n messages on subject of stream and returns the
// data of those that came, in order (fewer than n when time ran out).
func (e *env) streamMessages(t testing.TB, stream, subject string, n int, within time.Duration) [][]byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	cons, err := e.JS.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}})
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for len(out) < n && ctx.Err() == nil {
		msg, err := cons.Next(jetstream.FetchMaxWait(time.Second))
		if err != nil {
			continue // not published yet: the relay runs in the background
		}
		out = append(out, msg.Data())
	}
	return out
}

// decodeEvent reads a message of the DOSSIER stream.
func decodeEvent(t testing.TB, data []byte) *dossierv1.Event {
	t.Helper()
	var ev dossierv1.Event
	if err := proto.Unmarshal(data, &ev); err != nil {
		t.Fatalf("decode event: %v", err)
	}
	return &ev
}

// receivedEvent waits for the Received event of a dossier on the DOSSIER stream.
func (e *env) receivedEvent(t testing.TB, dossierID string) *dossierv1.Event {
	t.Helper()
	data := e.streamMessages(t, messaging.DossierStream, "dossier.v1."+dossierID+".received", 1, 15*time.Second)
	if len(data) == 0 {
		t.Fatalf("no received event for dossier %s on stream %s", dossierID, messaging.DossierStream)
	}
	ev := decodeEvent(t, data[0])
	if ev.GetReceived() == nil {
		t.Fatalf("event on the received subject is a %T", ev.GetKind())
	}
	return ev
}

// dossierEvents waits for n events of a dossier on the DOSSIER stream.
func (e *env) dossierEvents(t testing.TB, dossierID string, n int) []*dossierv1.Event {
	t.Helper()
	var out []*dossierv1.Event
	for _, data := range e.streamMessages(t, messaging.DossierStream, "dossier.v1."+dossierID+".>", n, 20*time.Second) {
		out = append(out, decodeEvent(t, data))
	}
	if len(out) < n {
		t.Fatalf("%d events of dossier %s, want %d", len(out), dossierID, n)
	}
	return out
}
