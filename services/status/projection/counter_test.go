package projection

import (
	"testing"
	"time"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/status/adapters/store"
)

// The post offices of the tests: one takes dossiers at its counter, the other is where a
// citizen collects a result.
var (
	counterOffice = &dossierv1.Ref{Code: "000.30.16.H19", Name: "Bưu điện huyện Xuân Lộc"}
	collectOffice = &dossierv1.Ref{Code: "000.31.16.H19", Name: "Bưu điện xã Xuân Hòa"}
)

// counterEvent is the first event of a dossier a post office took at its counter, as
// intake publishes it: submitted, its channel post, no reception and no appointment,
// the post's side of it, its result to be collected at another post office.
func counterEvent() *dossierv1.Event {
	ev := submittedEvent()
	r := ev.GetReceived()
	r.Channel, r.Files = dossierv1.Channel_CHANNEL_POST, nil
	r.Counter = &dossierv1.Counter{PostOffice: counterOffice, SealNumber: "SEAL-0042", PostageVnd: 26000,
		TrackingNumber: "EC123456785VN"}
	r.ResultDelivery, r.ResultPostOffice = dossierv1.DeliveryMethod_DELIVERY_METHOD_POST_OFFICE, collectOffice
	return ev
}

func decodeReceived(t *testing.T, ev *dossierv1.Event) store.Received {
	t.Helper()
	data, _ := proto.Marshal(ev)
	d, err := Decode(data)
	if err != nil || d.Received == nil {
		t.Fatalf("Decode = %+v, %v", d, err)
	}
	return *d.Received
}

// TestDecodeADossierTakenAtAPostOffice: the first step of a dossier a post office took
// is its handing in there, naming the post office; the dossier is submitted by post,
// its clock not started; where its result is collected is kept.
func TestDecodeADossierTakenAtAPostOffice(t *testing.T) {
	ev := counterEvent()
	submitted := ev.GetReceived().GetSubmittedAt().AsTime()
	r := decodeReceived(t, ev)
	if r.Status != "submitted" || r.Channel != "post" || r.ReceivedAt != nil || r.DueAt != nil ||
		r.SubmittedAt == nil || !r.SubmittedAt.Equal(submitted) {
		t.Fatalf("taken at a post office: %+v", r)
	}
	if r.Step.Type != "submitted_at_post" || r.Step.OfficeCode != counterOffice.Code || r.Step.OfficeName != counterOffice.Name ||
		!r.Step.At.Equal(submitted.Truncate(time.Microsecond)) {
		t.Errorf("first step: %+v", r.Step)
	}
	if r.CounterPostOffice != (store.PostOffice{Code: counterOffice.Code, Name: counterOffice.Name}) {
		t.Errorf("counter post office: %+v", r.CounterPostOffice)
	}
	if r.ResultDelivery != "post_office" || r.ResultPostOffice != (store.PostOffice{Code: collectOffice.Code, Name: collectOffice.Name}) {
		t.Errorf("result collected at %q %+v", r.ResultDelivery, r.ResultPostOffice)
	}
	// The receiving desk is still the dossier's: the step names the post office only.
	if r.ReceivingOfficeCode != ev.GetReceived().GetReceivingOffice().GetCode() {
		t.Errorf("receiving office %q", r.ReceivingOfficeCode)
	}

	// Without the time of its submission, the dossier was handed in when the event says
	// it happened: it keeps its place in the staff's lists.
	ev = counterEvent()
	ev.GetReceived().SubmittedAt = nil
	r = decodeReceived(t, ev)
	if r.SubmittedAt == nil || !r.SubmittedAt.Equal(ev.GetOccurredAt().AsTime()) || r.Step.Type != "submitted_at_post" {
		t.Errorf("without submitted_at: %+v", r)
	}

	// Post whatever the event's channel says.
	ev = counterEvent()
	ev.GetReceived().Channel = dossierv1.Channel_CHANNEL_DESK
	if r := decodeReceived(t, ev); r.Channel != "post" {
		t.Errorf("channel %q, want post", r.Channel)
	}

	// A post office named for a result given any other way is not where it is collected.
	ev = counterEvent()
	ev.GetReceived().ResultDelivery = dossierv1.DeliveryMethod_DELIVERY_METHOD_DESK
	if r := decodeReceived(t, ev); r.ResultDelivery != "desk" || r.ResultPostOffice != (store.PostOffice{}) {
		t.Errorf("collected at the desk: %q %+v", r.ResultDelivery, r.ResultPostOffice)
	}
	// A dossier of any other channel has no counter.
	if r := decodeReceived(t, submittedEvent()); r.CounterPostOffice != (store.PostOffice{}) || r.Step.Type != "submitted" {
		t.Errorf("online: %+v", r)
	}

	for name, mutate := range map[string]func(*dossierv1.Received){
		"a counter without its post office": func(r *dossierv1.Received) { r.Counter.PostOffice = nil },
		"a post office without a code":      func(r *dossierv1.Received) { r.Counter.PostOffice = &dossierv1.Ref{Name: "Bưu điện"} },
		"a post office name with NUL":       func(r *dossierv1.Received) { r.Counter.PostOffice.Name = "A\x00B" },
		"a result post office not UTF-8":    func(r *dossierv1.Received) { r.ResultPostOffice = &dossierv1.Ref{Code: "\xff"} },
		"submitted at an impossible time": func(r *dossierv1.Received) {
			r.SubmittedAt = &timestamppb.Timestamp{Seconds: 1 << 62}
		},
	} {
		ev := counterEvent()
		mutate(ev.GetReceived())
		data, _ := proto.Marshal(ev)
		if _, err := Decode(data); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestDecodePapersDeliveredAndACollection: the post's delivery of the papers at the
// desk is a step of its own, with the state the event carries; a Completed event that
// names a post office says the result is collected there.
func TestDecodePapersDeliveredAndACollection(t *testing.T) {
	decode := func(ev *dossierv1.Event) store.Change {
		t.Helper()
		data, _ := proto.Marshal(ev)
		d, err := Decode(data)
		if err != nil || d.Change == nil {
			t.Fatalf("Decode = %+v, %v", d, err)
		}
		return *d.Change
	}
	delivered := later(2, "submitted", 1, desk, nil, desk)
	delivered.State.DueAt = nil
	delivered.Kind = &dossierv1.Event_PapersDelivered{PapersDelivered: &dossierv1.PapersDelivered{TrackingNumber: "EC123456785VN"}}
	c := decode(delivered)
	if c.Step.Type != "papers_delivered" || c.Step.OfficeCode != desk.Code || c.State.Status != "submitted" ||
		c.State.DueAt != nil || c.ReceivedAt != nil {
		t.Errorf("papers delivered: %+v", c)
	}

	done := later(6, "processed", 9, dept, nil, dept)
	done.Kind = &dossierv1.Event_Completed{Completed: &dossierv1.Completed{Outcome: dossierv1.Outcome_OUTCOME_APPROVED,
		ResultDelivery: dossierv1.DeliveryMethod_DELIVERY_METHOD_POST_OFFICE, ResultPostOffice: collectOffice}}
	c = decode(done)
	if c.ResultPostOffice == nil || *c.ResultPostOffice != (store.PostOffice{Code: collectOffice.Code, Name: collectOffice.Name}) {
		t.Errorf("completed for a post office: %+v", c.ResultPostOffice)
	}
	done.GetCompleted().ResultPostOffice = nil
	if c := decode(done); c.ResultPostOffice != nil {
		t.Errorf("completed without a post office: %+v", c.ResultPostOffice)
	}
	done.GetCompleted().ResultPostOffice = &dossierv1.Ref{Code: "000.31.16.H19", Name: "\xff"}
	data, _ := proto.Marshal(done)
	if _, err := Decode(data); err == nil {
		t.Error("a post office named in text PostgreSQL cannot store: accepted")
	}
}

// TestDecodeTheLegsPostOffices: a shipment's creation names the post offices that take
// it in and deliver it; its other events name none.
func TestDecodeTheLegsPostOffices(t *testing.T) {
	data, _ := proto.Marshal(createdEvent())
	ev, err := DecodeShipment(data)
	if err != nil || ev.OriginPostOfficeCode != "BC-DA" || ev.DestinationPostOfficeCode != "BC-XH" {
		t.Errorf("created: %+v, %v", ev, err)
	}
	data, _ = proto.Marshal(recordedEvent("delivered"))
	if ev, err = DecodeShipment(data); err != nil || ev.OriginPostOfficeCode != "" || ev.DestinationPostOfficeCode != "" {
		t.Errorf("delivered: %+v, %v", ev, err)
	}
	bad := createdEvent()
	bad.GetCreated().DestinationPostOfficeCode = "BC\x00"
	data, _ = proto.Marshal(bad)
	if _, err := DecodeShipment(data); err == nil {
		t.Error("a post office code PostgreSQL cannot store: accepted")
	}
}
