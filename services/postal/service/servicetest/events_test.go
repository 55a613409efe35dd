package servicetest

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	referencev1 "github.com/motcua/motcua/proto/motcua/reference/v1"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// publish puts a message on a stream as intake's relay does: the event id is the
// message id. It returns whether the stream took it as a duplicate.
func (e *env) publish(t testing.TB, subject string, id uuid.UUID, data []byte) bool {
	t.Helper()
	msg := &nats.Msg{Subject: subject, Data: data, Header: nats.Header{}}
	msg.Header.Set(nats.MsgIdHdr, id.String())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ack, err := e.JS.PublishMsg(ctx, msg)
	if err != nil {
		t.Fatalf("publish %s: %v", subject, err)
	}
	return ack.Duplicate
}

// publishOffice publishes an office's change on reference.v1.office.<code>.
func (e *env) publishOffice(t testing.TB, o office, revision int64) {
	t.Helper()
	id := uuid.New()
	ev := &referencev1.Event{EventId: id.String(), OccurredAt: timestamppb.Now(), Username: "admin.xuanloc",
		Kind: &referencev1.Event_OfficeSaved{OfficeSaved: &referencev1.OfficeSaved{Code: o.Code, Name: o.Name,
			Kind: o.Kind, ParentCode: o.Parent, Address: o.Address, PostOfficeCode: o.PostOffice, Revision: revision}}}
	e.publish(t, "reference.v1.office."+o.Code, id, marshal(t, ev))
}

func marshal(t testing.TB, m proto.Message) []byte {
	t.Helper()
	b, err := proto.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dossier is a dossier as intake would have registered it.
type dossier struct {
	ID        uuid.UUID
	Code      string
	Receiving string
	version   int64
}

var dossierSeq atomic.Int64

// newDossier names a new dossier received at office.
func newDossier(office string) *dossier {
	return &dossier{ID: uuid.New(), Receiving: office,
		Code: fmt.Sprintf("%s-261201-%04d", office, dossierSeq.Add(1))}
}

func ref(code string) *dossierv1.Ref {
	if code == "" {
		return nil
	}
	return &dossierv1.Ref{Code: code, Name: "Cơ quan " + code}
}

// event builds the envelope of the dossier's next event at at.
func (d *dossier) event(at time.Time, current string) *dossierv1.Event {
	d.version++
	ev := &dossierv1.Event{EventId: uuid.NewString(), OccurredAt: timestamppb.New(at), DossierId: d.ID.String(),
		Version: d.version, Actor: &dossierv1.Actor{Username: "desk.xuanloc", OfficeCode: d.Receiving}}
	if d.version > 1 {
		ev.State = &dossierv1.State{Status: "processing", StatusCode: 2, CurrentOffice: ref(current)}
		ev.Step = &dossierv1.Step{Office: ref(current), Timing: "early"}
	}
	return ev
}

// eventKey is the key intake seals the events' addresses with, as the tests' intake.
var eventKey = randomKey()

// eventSealed is an address as intake puts it in an event.
func eventSealed(field, address string) []byte {
	s, err := sealing.New(eventKey)
	if err != nil {
		panic(err)
	}
	return s.Seal(field, address)
}

// received is the dossier's Received event, sent through channel with the pickup address
// (for a dossier sent by post).
func (d *dossier) received(at time.Time, channel dossierv1.Channel, pickup string) *dossierv1.Event {
	ev := d.event(at, d.Receiving)
	ev.Kind = &dossierv1.Event_Received{Received: &dossierv1.Received{
		Code: d.Code, Procedure: &dossierv1.Ref{Code: "2.000720", Name: "Đăng ký thành lập hộ kinh doanh"},
		ReceivingOffice: ref(d.Receiving), HandlingOffice: ref(d.Receiving), Channel: channel,
		ApplicantMaskedName: "N*** V** A*", PinHash: []byte("hash"), ReceivedAt: timestamppb.New(at),
		DueAt: timestamppb.New(at.Add(72 * time.Hour)), TimeLimitHours: 24, Status: "received", StatusCode: 1,
		ResultDelivery: dossierv1.DeliveryMethod_DELIVERY_METHOD_POST, FeeDueVnd: 100000,
		PickupAddressSealed: eventSealed(sealing.EventPickupAddress, pickup)}}
	return ev
}

// transferred is the dossier's transfer from one office to another.
func (d *dossier) transferred(at time.Time, from, to string, via dossierv1.Via) *dossierv1.Event {
	ev := d.event(at, from)
	ev.State.PendingOffice = ref(to)
	ev.Kind = &dossierv1.Event_Transferred{Transferred: &dossierv1.Transferred{FromOffice: ref(from), ToOffice: ref(to), Via: via}}
	return ev
}

// completed is the dossier's result, ready at current, to be delivered by method.
func (d *dossier) completed(at time.Time, current string, method dossierv1.DeliveryMethod, address string) *dossierv1.Event {
	ev := d.event(at, current)
	ev.State.Status, ev.State.StatusCode = "processed", 4
	ev.Kind = &dossierv1.Event_Completed{Completed: &dossierv1.Completed{Outcome: dossierv1.Outcome_OUTCOME_APPROVED,
		ResultDelivery: method, DeliveryAddressSealed: eventSealed(sealing.EventDeliveryAddress, address)}}
	return ev
}

// kindOf is the subject suffix of a dossier event, as intake names it.
func kindOf(ev *dossierv1.Event) string {
	switch ev.Kind.(type) {
	case *dossierv1.Event_Received:
		return "received"
	case *dossierv1.Event_Transferred:
		return "transferred"
	case *dossierv1.Event_Completed:
		return "completed"
	}
	return "other"
}

// publishDossier publishes a dossier event on dossier.v1.<id>.<kind> with its event id as
// the message id.
func (e *env) publishDossier(t testing.TB, ev *dossierv1.Event) {
	t.Helper()
	e.publish(t, "dossier.v1."+ev.GetDossierId()+"."+kindOf(ev), uuid.MustParse(ev.GetEventId()), marshal(t, ev))
}

// postalEvent is an event postal published, with its message id.
type postalEvent struct {
	Subject string
	MsgID   string
	Data    []byte
	*postalv1.Event
}

// postalEvents reads every event on the POSTAL stream.
func (e *env) postalEvents(t testing.TB) []postalEvent {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	msgs, err := messaging.ReadStream(ctx, e.JS, messaging.PostalStream, "")
	if err != nil {
		t.Fatal(err)
	}
	out := make([]postalEvent, 0, len(msgs))
	for _, m := range msgs {
		var ev postalv1.Event
		if err := proto.Unmarshal(m.Data, &ev); err != nil {
			t.Fatalf("%s: %v", m.Subject, err)
		}
		out = append(out, postalEvent{Subject: m.Subject, MsgID: m.Header.Get(jetstream.MsgIDHeader), Data: m.Data, Event: &ev})
	}
	return out
}

// waitPostal waits until the POSTAL stream holds an event that match accepts, and
// returns the ones it accepts.
func (e *env) waitPostal(t testing.TB, what string, match func(postalEvent) bool) []postalEvent {
	t.Helper()
	var found []postalEvent
	waitfor.Until(t, what+" on POSTAL", func() bool {
		found = found[:0]
		for _, ev := range e.postalEvents(t) {
			if match(ev) {
				found = append(found, ev)
			}
		}
		return len(found) > 0
	})
	return found
}

// created matches the created event of tracking number tn.
func created(tn string) func(postalEvent) bool {
	return func(ev postalEvent) bool { return ev.GetCreated().GetTrackingNumber() == tn }
}

// recorded matches the recorded events of type typ of tracking number tn.
func recorded(tn, typ string) func(postalEvent) bool {
	return func(ev postalEvent) bool {
		r := ev.GetRecorded()
		return r.GetTrackingNumber() == tn && r.GetType() == typ
	}
}
