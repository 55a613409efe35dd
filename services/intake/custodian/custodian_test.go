package custodian

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/domain/custody"
)

const (
	desk    = "000.00.16.H19"
	commune = "000.02.16.H19"
	post    = "000.30.16.H19"
)

var (
	id = uuid.MustParse("5a1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b")
	at = time.Date(2026, time.March, 2, 1, 30, 0, 123456000, time.UTC)
)

// acted is a dossier event of kind k by username, the papers at current (and awaited at
// pending).
func acted(username, current, pending string, k func(*dossierv1.Event)) *dossierv1.Event {
	ev := &dossierv1.Event{EventId: uuid.NewString(), OccurredAt: timestamppb.New(at), DossierId: id.String(), Version: 2,
		Actor: &dossierv1.Actor{Username: username, OfficeCode: current},
		State: &dossierv1.State{CurrentOffice: &dossierv1.Ref{Code: current}},
		Step:  &dossierv1.Step{Office: &dossierv1.Ref{Code: current}}}
	if pending != "" {
		ev.State.PendingOffice = &dossierv1.Ref{Code: pending}
	}
	k(ev)
	return ev
}

// TestDossierSteps: each kind of dossier event is the step it tells, between the
// parties it moves the papers between, by whoever acted.
func TestDossierSteps(t *testing.T) {
	for _, tc := range []struct {
		name                       string
		ev                         *dossierv1.Event
		event, from, to, by, track string
		code                       string
	}{
		{"received at the desk", acted("desk.xuanloc", "", "", func(ev *dossierv1.Event) {
			ev.State, ev.Step = nil, nil
			ev.Kind = &dossierv1.Event_Received{Received: &dossierv1.Received{Code: "000.00.16.H19-260302-0001",
				ReceivingOffice: &dossierv1.Ref{Code: desk}, Status: "received"}}
		}), "received", custody.Citizen, desk, "desk.xuanloc", "", "000.00.16.H19-260302-0001"},
		{"submitted online", acted("citizen", "", "", func(ev *dossierv1.Event) {
			ev.State, ev.Step = nil, nil
			ev.Kind = &dossierv1.Event_Received{Received: &dossierv1.Received{Code: "000.00.16.H19-260302-0002",
				ReceivingOffice: &dossierv1.Ref{Code: desk}, Status: "submitted"}}
		}), "submitted", custody.Citizen, desk, "citizen", "", "000.00.16.H19-260302-0002"},
		{"taken at a post office's counter", acted("", "", "", func(ev *dossierv1.Event) {
			ev.State, ev.Step, ev.Actor = nil, nil, nil
			ev.Kind = &dossierv1.Event_Received{Received: &dossierv1.Received{Code: "000.00.16.H19-260302-0003",
				ReceivingOffice: &dossierv1.Ref{Code: desk}, Status: "submitted",
				Counter: &dossierv1.Counter{PostOffice: &dossierv1.Ref{Code: post}, TrackingNumber: "EC000000015VN"}}}
		}), "submitted", custody.Citizen, post, custody.Product, "EC000000015VN", "000.00.16.H19-260302-0003"},
		{"transferred", acted("desk.xuanloc", desk, commune, func(ev *dossierv1.Event) {
			ev.Kind = &dossierv1.Event_Transferred{Transferred: &dossierv1.Transferred{
				FromOffice: &dossierv1.Ref{Code: desk}, ToOffice: &dossierv1.Ref{Code: commune}, Via: dossierv1.Via_VIA_POST}}
		}), "transferred", desk, commune, "desk.xuanloc", "", ""},
		{"arrived by post", acted("postal", desk, commune, func(ev *dossierv1.Event) {
			ev.Kind = &dossierv1.Event_Arrived{Arrived: &dossierv1.Arrived{TrackingNumber: "EA123456785VN"}}
		}), "arrived", custody.Post, commune, "postal", "EA123456785VN", ""},
		{"accepted from another office", acted("officer.baohoa", commune, "", func(ev *dossierv1.Event) {
			ev.Kind = &dossierv1.Event_Accepted{Accepted: &dossierv1.Accepted{FromOffice: &dossierv1.Ref{Code: desk}}}
		}), "accepted", desk, commune, "officer.baohoa", "", ""},
		{"accepted at the desk that received it", acted("desk.xuanloc", desk, "", func(ev *dossierv1.Event) {
			ev.Kind = &dossierv1.Event_Accepted{Accepted: &dossierv1.Accepted{}}
		}), "accepted", desk, desk, "desk.xuanloc", "", ""},
		{"supplemented", acted("citizen", desk, "", func(ev *dossierv1.Event) {
			ev.Kind = &dossierv1.Event_Supplemented{Supplemented: &dossierv1.Supplemented{}}
		}), "supplemented", custody.Citizen, desk, "citizen", "", ""},
		{"completed", acted("officer.baohoa", commune, "", func(ev *dossierv1.Event) {
			ev.Kind = &dossierv1.Event_Completed{Completed: &dossierv1.Completed{Outcome: dossierv1.Outcome_OUTCOME_APPROVED}}
		}), "completed", commune, commune, "officer.baohoa", "", ""},
		{"papers delivered at the desk", acted("postal", desk, "", func(ev *dossierv1.Event) {
			ev.Kind = &dossierv1.Event_PapersDelivered{PapersDelivered: &dossierv1.PapersDelivered{TrackingNumber: "EC000000015VN"}}
		}), "papers_delivered", custody.Post, desk, "postal", "EC000000015VN", ""},
		{"result brought back", acted("postal", desk, "", func(ev *dossierv1.Event) {
			ev.Kind = &dossierv1.Event_ResultBack{ResultBack: &dossierv1.ResultBack{TrackingNumber: "EB123456785VN"}}
		}), "result_back", custody.Post, desk, "postal", "EB123456785VN", ""},
		{"returned at the desk", acted("desk.xuanloc", desk, "", func(ev *dossierv1.Event) {
			ev.Kind = &dossierv1.Event_Returned{Returned: &dossierv1.Returned{}}
		}), "returned", desk, custody.Citizen, "desk.xuanloc", "", ""},
		{"returned by post", acted("postal", commune, "", func(ev *dossierv1.Event) {
			ev.Kind = &dossierv1.Event_Returned{Returned: &dossierv1.Returned{TrackingNumber: "EB123456785VN"}}
		}), "returned", custody.Post, custody.Citizen, "postal", "EB123456785VN", ""},
		{"paid online", acted("citizen", desk, "", func(ev *dossierv1.Event) {
			ev.Kind = &dossierv1.Event_PaymentRecorded{PaymentRecorded: &dossierv1.PaymentRecorded{AmountVnd: 50000, Online: true}}
		}), "payment_recorded", desk, desk, "citizen", "", ""},
		{"a kind this code does not know", acted("officer.baohoa", commune, "", func(ev *dossierv1.Event) {}),
			"sealed", commune, commune, "officer.baohoa", "", ""},
	} {
		h, err := FromDossierEvent(tc.ev, "sealed")
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		want := custody.Record{At: at, Event: tc.event, From: tc.from, To: tc.to, By: tc.by, TrackingNumber: tc.track}
		if h.DossierID != id || h.Code != tc.code || !h.At.Equal(at) || h.Record.Event != want.Event || h.From != want.From ||
			h.To != want.To || h.By != want.By || h.TrackingNumber != want.TrackingNumber {
			t.Errorf("%s: %+v, want %+v (code %q)", tc.name, h, want, tc.code)
		}
	}
	for name, ev := range map[string]*dossierv1.Event{
		"no dossier": {OccurredAt: timestamppb.New(at), DossierId: "not a uuid"},
		"no time":    {DossierId: id.String()},
	} {
		if _, err := FromDossierEvent(ev, "accepted"); err == nil {
			t.Errorf("an event with %s was read", name)
		}
	}
}

// TestShipmentSteps: a shipment's opening and each step a postal worker records are
// steps of the dossier it carries, by the post office that recorded them.
func TestShipmentSteps(t *testing.T) {
	recorded := func(kind postalv1.ShipmentKind, typ, from, to, office string) *postalv1.Event {
		return &postalv1.Event{EventId: uuid.NewString(), OccurredAt: timestamppb.New(at.Add(time.Hour)), ShipmentId: uuid.NewString(),
			Kind: &postalv1.Event_Recorded{Recorded: &postalv1.ShipmentEventRecorded{TrackingNumber: "EA123456785VN",
				DossierId: id.String(), DossierCode: "000.00.16.H19-260302-0001", Kind: kind, Type: typ,
				FromOfficeCode: from, ToOfficeCode: to, At: timestamppb.New(at), PostOfficeCode: office}}}
	}
	transfer, pickup, delivery := postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER, postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP,
		postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY
	for _, tc := range []struct {
		name                string
		ev                  *postalv1.Event
		event, from, to, by string
	}{
		{"a transfer opened", &postalv1.Event{EventId: uuid.NewString(), OccurredAt: timestamppb.New(at), ShipmentId: uuid.NewString(),
			Kind: &postalv1.Event_Created{Created: &postalv1.ShipmentCreated{TrackingNumber: "EA123456785VN",
				DossierCode: "000.00.16.H19-260302-0001", Kind: transfer, FromOfficeCode: desk, ToOfficeCode: commune,
				DossierId: id.String()}}}, "shipment.created", desk, commune, custody.Product},
		{"a pickup opened", &postalv1.Event{EventId: uuid.NewString(), OccurredAt: timestamppb.New(at), ShipmentId: uuid.NewString(),
			Kind: &postalv1.Event_Created{Created: &postalv1.ShipmentCreated{TrackingNumber: "EA123456785VN",
				DossierCode: "000.00.16.H19-260302-0001", Kind: pickup, ToOfficeCode: desk,
				DossierId: id.String()}}}, "shipment.created", custody.Citizen, desk, custody.Product},
		{"a transfer accepted", recorded(transfer, "accepted", desk, commune, post), "shipment.accepted", desk, post, post},
		{"a pickup picked up", recorded(pickup, "picked_up", "", desk, post), "shipment.picked_up", custody.Citizen, post, post},
		{"in transit", recorded(transfer, "in_transit", desk, commune, post), "shipment.in_transit", post, post, post},
		{"a transfer delivered", recorded(transfer, "delivered", desk, commune, post), "shipment.delivered", post, commune, post},
		{"a delivery delivered", recorded(delivery, "delivered", commune, "", post), "shipment.delivered", post, custody.Citizen, post},
		{"delivered, no post office named", recorded(transfer, "delivered", desk, commune, ""), "shipment.delivered",
			custody.Post, commune, custody.Postal},
		{"a delivery failed", recorded(delivery, "delivery_failed", commune, "", post), "shipment.delivery_failed", post, post, post},
	} {
		h, err := FromShipmentEvent(tc.ev)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if h.DossierID != id || h.Code != "000.00.16.H19-260302-0001" || !h.At.Equal(at) || h.Event != tc.event ||
			h.From != tc.from || h.To != tc.to || h.By != tc.by || h.TrackingNumber != "EA123456785VN" {
			t.Errorf("%s: %+v, want %s from %s to %s by %s at %s", tc.name, h, tc.event, tc.from, tc.to, tc.by, at)
		}
	}
	noDossier := recorded(transfer, "delivered", desk, commune, post)
	noDossier.GetRecorded().DossierId = ""
	noTime := recorded(transfer, "delivered", desk, commune, post)
	noTime.GetRecorded().At, noTime.OccurredAt = nil, nil
	for name, ev := range map[string]*postalv1.Event{"no dossier": noDossier, "no time": noTime, "no kind": {EventId: uuid.NewString()}} {
		if _, err := FromShipmentEvent(ev); err == nil {
			t.Errorf("a shipment event with %s was read", name)
		}
	}
}
