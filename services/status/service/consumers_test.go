package service_test

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// The durable names of status's consumers, written out rather than read from the
// product: they are the consumers' positions in the streams and name their dead letters,
// so a rename is a change the tests must see.
const (
	durable          = "status-dossiers"
	shipmentsDurable = "status-shipments"
)

// consumer is one of status's durable consumers and the stream it reads.
type consumer struct {
	stream, durable string
}

// The consumers the tests wait on: of intake's dossier events and of postal's shipment
// events.
var (
	dossierEvents  = consumer{stream: messaging.DossierStream, durable: durable}
	shipmentEvents = consumer{stream: messaging.PostalStream, durable: shipmentsDurable}
)

// lastSeq is the sequence of the newest message in stream.
func (e *env) lastSeq(stream string) uint64 {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := e.js.Stream(ctx, stream)
	if err != nil {
		e.t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	return info.State.LastSeq
}

// consumerInfo is the state of c as the server holds it; an error while status has not
// made c yet.
func (e *env) consumerInfo(c consumer) (*jetstream.ConsumerInfo, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	jc, err := e.js.Consumer(ctx, c.stream, c.durable)
	if err != nil {
		return nil, err
	}
	return jc.Info(ctx)
}

// waitConsumerSettled waits until c has acknowledged (or dead-lettered) everything in
// its stream up to the stream's current end.
func (e *env) waitConsumerSettled(c consumer) {
	e.t.Helper()
	last := e.lastSeq(c.stream)
	waitfor.Until(e.t, fmt.Sprintf("the consumer %s to settle up to sequence %d", c.durable, last), func() bool {
		info, err := e.consumerInfo(c)
		return err == nil && info.AckFloor.Stream >= last && info.NumAckPending == 0 && info.NumPending == 0
	})
}

// waitRetried waits until c has been handed everything in its stream up to the stream's
// current end and has had to try some of it again: an event it cannot apply yet. what
// names the wait in a failure.
func (e *env) waitRetried(c consumer, what string) {
	e.t.Helper()
	last := e.lastSeq(c.stream)
	waitfor.Until(e.t, what, func() bool {
		info, err := e.consumerInfo(c)
		return err == nil && info.Delivered.Stream >= last && info.NumRedelivered > 0
	})
}

// waitSettled waits until status's consumer of dossier events has settled.
func (e *env) waitSettled() {
	e.t.Helper()
	e.waitConsumerSettled(dossierEvents)
}

// deadLetters returns the messages c has dead-lettered (on deadletter.<durable>).
func (e *env) deadLetters(c consumer) []*jetstream.RawStreamMsg {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := messaging.ReadStream(ctx, e.js, messaging.DeadLetterStream, messaging.DeadLetterPrefix+c.durable)
	if err != nil {
		e.t.Fatal(err)
	}
	return out
}

// assertNoDeadLetters stops the test, naming each, when c has dead-lettered anything.
func (e *env) assertNoDeadLetters(c consumer) {
	e.t.Helper()
	if dls := e.deadLetters(c); len(dls) != 0 {
		for _, dl := range dls {
			e.t.Errorf("dead letter from %s: %s", dl.Header.Get("Motcua-Original-Subject"), dl.Header.Get("Motcua-Error"))
		}
		e.t.FailNow()
	}
}

// settle waits until every published dossier event is acknowledged and checks none was
// dead-lettered.
func (e *env) settle() {
	e.t.Helper()
	e.waitSettled()
	e.assertNoDeadLetters(dossierEvents)
}

// settlePostal waits until status has acknowledged everything in both streams and checks
// nothing was dead-lettered.
func (e *env) settlePostal() {
	e.t.Helper()
	e.settle()
	e.waitConsumerSettled(shipmentEvents)
	e.assertNoDeadLetters(shipmentEvents)
}
