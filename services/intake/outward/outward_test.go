package outward

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

var at = time.Date(2026, time.March, 2, 1, 30, 0, 0, time.UTC)

// TestFromDossierEvent: a registration's status and times come from what it carries,
// every later event's from its state; an admission tells its receipt; an event of a
// status this code does not know tells nothing.
func TestFromDossierEvent(t *testing.T) {
	id, event := uuid.New(), uuid.New()
	due, finished := at.Add(72*time.Hour), at.Add(48*time.Hour)
	env := func(k func(*dossierv1.Event)) *dossierv1.Event {
		ev := &dossierv1.Event{EventId: event.String(), OccurredAt: timestamppb.New(at), DossierId: id.String(), Version: 3,
			State: &dossierv1.State{Status: "processed", StatusCode: 9, CurrentOffice: &dossierv1.Ref{Code: "000.02.16.H19"},
				DueAt: timestamppb.New(due), FinishedAt: timestamppb.New(finished)}}
		k(ev)
		return ev
	}
	c, ok, err := FromDossierEvent(env(func(ev *dossierv1.Event) {
		ev.State, ev.Version = nil, 1
		ev.Kind = &dossierv1.Event_Received{Received: &dossierv1.Received{Code: "000.00.16.H19-260302-0001", Status: "received",
			StatusCode: 2, ReceivingOffice: &dossierv1.Ref{Code: "000.00.16.H19"}, ReceivedAt: timestamppb.New(at), DueAt: timestamppb.New(due)}}
	}))
	if err != nil || !ok || c.EventID != event || c.DossierID != id || c.Version != 1 || c.Code != "000.00.16.H19-260302-0001" ||
		c.Status != dossier.StatusReceived || c.StatusCode != 2 || c.Office != "000.00.16.H19" || !c.ReceivedAt.Equal(at) ||
		!c.DueAt.Equal(due) || c.FinishedAt != nil || !c.At.Equal(at) {
		t.Errorf("received: %+v %v %v", c, ok, err)
	}
	c, ok, err = FromDossierEvent(env(func(ev *dossierv1.Event) {
		ev.Kind = &dossierv1.Event_Completed{Completed: &dossierv1.Completed{Outcome: dossierv1.Outcome_OUTCOME_APPROVED}}
	}))
	if err != nil || !ok || c.Status != dossier.StatusProcessed || c.StatusCode != 9 || c.Office != "000.02.16.H19" ||
		c.Code != "" || c.ReceivedAt != nil || !c.DueAt.Equal(due) || !c.FinishedAt.Equal(finished) {
		t.Errorf("completed: %+v %v %v", c, ok, err)
	}
	c, _, _ = FromDossierEvent(env(func(ev *dossierv1.Event) {
		ev.State.Status, ev.State.StatusCode = "received", 2
		ev.Kind = &dossierv1.Event_Admitted{Admitted: &dossierv1.Admitted{ReceivedAt: timestamppb.New(at.Add(time.Hour))}}
	}))
	if c.ReceivedAt == nil || !c.ReceivedAt.Equal(at.Add(time.Hour)) {
		t.Errorf("admitted: received at %v", c.ReceivedAt)
	}
	if _, ok, err := FromDossierEvent(env(func(ev *dossierv1.Event) { ev.State.Status = "audited" })); ok || err != nil {
		t.Errorf("an unknown status: %v %v", ok, err)
	}
	for name, ev := range map[string]*dossierv1.Event{
		"no id":      env(func(ev *dossierv1.Event) { ev.EventId = "" }),
		"no dossier": env(func(ev *dossierv1.Event) { ev.DossierId = "x" }),
		"no time":    env(func(ev *dossierv1.Event) { ev.OccurredAt = nil }),
	} {
		if _, _, err := FromDossierEvent(ev); err == nil {
			t.Errorf("an event with %s was read", name)
		}
	}
}

// TestFromShipmentEvent: a shipment opened, and a step recorded at a post office (at
// the time the worker gave); a pickup asked carries no dossier yet.
func TestFromShipmentEvent(t *testing.T) {
	event := uuid.New()
	s, ok, err := FromShipmentEvent(&postalv1.Event{EventId: event.String(), ShipmentId: uuid.NewString(), OccurredAt: timestamppb.New(at),
		Kind: &postalv1.Event_Created{Created: &postalv1.ShipmentCreated{TrackingNumber: "EA123456785VN", DossierCode: "C-1",
			Kind: postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER, FromOfficeCode: "000.00.16.H19"}}})
	if err != nil || !ok || s.EventID != event || s.Step != "created" || s.Kind != "transfer" || s.Office != "000.00.16.H19" ||
		s.DossierCode != "C-1" || s.TrackingNumber != "EA123456785VN" || !s.At.Equal(at) {
		t.Errorf("created: %+v %v %v", s, ok, err)
	}
	s, ok, err = FromShipmentEvent(&postalv1.Event{EventId: event.String(), ShipmentId: uuid.NewString(), OccurredAt: timestamppb.New(at),
		Kind: &postalv1.Event_Recorded{Recorded: &postalv1.ShipmentEventRecorded{TrackingNumber: "EB123456785VN", DossierCode: "C-1",
			Kind: postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY, Type: "delivery_failed", PostOfficeCode: "000.30.16.H19",
			At: timestamppb.New(at.Add(-time.Hour))}}})
	if err != nil || !ok || s.Step != "delivery_failed" || s.Kind != "delivery" || s.Office != "000.30.16.H19" || !s.At.Equal(at.Add(-time.Hour)) {
		t.Errorf("recorded: %+v %v %v", s, ok, err)
	}
	if _, ok, err := FromShipmentEvent(&postalv1.Event{EventId: event.String(),
		Kind: &postalv1.Event_PickupAsked{PickupAsked: &postalv1.PickupAsked{TrackingNumber: "EC000000015VN"}}}); ok || err != nil {
		t.Errorf("a pickup asked: %v %v", ok, err)
	}
	if _, _, err := FromShipmentEvent(&postalv1.Event{EventId: event.String(), ShipmentId: uuid.NewString()}); err == nil {
		t.Error("a shipment event of no kind was read")
	}
}
