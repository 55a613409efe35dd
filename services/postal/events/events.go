// Package events turns postal's changes into the protobuf events of motcua.postal.v1
// and the subjects they are published on.
package events

import (
	"fmt"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/postal/adapters/store"
)

// Subject is where an event of kind about shipment id is published; the shipment id in
// the subject keeps each shipment's events in order for consumers that filter on it.
func Subject(shipmentID uuid.UUID, kind string) string {
	return fmt.Sprintf("postal.v1.%s.%s", shipmentID, kind)
}

// Created builds the event of a newly opened shipment (its version 1).
func Created(s store.Shipment, at time.Time) (outbox.Message, error) {
	id := uuid.New()
	ev := &postalv1.Event{EventId: id.String(), OccurredAt: timestamppb.New(at), ShipmentId: s.ID.String(), Version: int64(s.Version),
		Kind: &postalv1.Event_Created{Created: &postalv1.ShipmentCreated{
			TrackingNumber: s.TrackingNumber, DossierCode: s.DossierCode, Kind: kind(s.Kind),
			FromOfficeCode: s.FromOffice, ToOfficeCode: s.ToOffice, DossierId: s.DossierID.String(),
			OriginPostOfficeCode: s.OriginPostOffice, DestinationPostOfficeCode: s.DestinationPostOffice,
			ReturnsTrackingNumber: s.ReturnsTrackingNumber,
		}}}
	return encode(id, ev, s.ID, "created")
}

// Step is a step of a shipment, for its event.
type Step struct {
	EventID        uuid.UUID
	Type           string
	At             time.Time
	PostOffice     string
	SealNumber     string
	ReasonCode     string
	ActionCode     string
	FailedAttempts int
	Relation       string
}

// Recorded builds the event of a step; s is the shipment after it.
func Recorded(s store.Shipment, st Step, at time.Time) (outbox.Message, error) {
	ev := &postalv1.Event{EventId: st.EventID.String(), OccurredAt: timestamppb.New(at), ShipmentId: s.ID.String(),
		Version: int64(s.Version),
		Kind: &postalv1.Event_Recorded{Recorded: &postalv1.ShipmentEventRecorded{
			TrackingNumber: s.TrackingNumber, DossierId: s.DossierID.String(), DossierCode: s.DossierCode,
			Kind: kind(s.Kind), Type: st.Type, FromOfficeCode: s.FromOffice, ToOfficeCode: s.ToOffice,
			At: timestamppb.New(st.At), PostOfficeCode: st.PostOffice, SealNumber: st.SealNumber,
			ReasonCode: st.ReasonCode, ActionCode: st.ActionCode, FailedAttempts: int32(st.FailedAttempts),
			RecipientRelation: st.Relation, PostageVnd: s.PostageVND, PaidBy: payer(s.PaidBy),
		}}}
	return encode(st.EventID, ev, s.ID, "recorded")
}

func encode(id uuid.UUID, ev *postalv1.Event, shipmentID uuid.UUID, k string) (outbox.Message, error) {
	payload, err := proto.Marshal(ev)
	if err != nil {
		return outbox.Message{}, fmt.Errorf("encode shipment %s event: %w", k, err)
	}
	return outbox.Message{EventID: id, Subject: Subject(shipmentID, k), Payload: payload}, nil
}

func kind(k string) postalv1.ShipmentKind {
	switch k {
	case "pickup":
		return postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP
	case "transfer":
		return postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER
	case "delivery":
		return postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY
	case "return":
		return postalv1.ShipmentKind_SHIPMENT_KIND_RETURN
	}
	return postalv1.ShipmentKind_SHIPMENT_KIND_UNSPECIFIED
}

func payer(p string) postalv1.Payer {
	switch p {
	case "citizen":
		return postalv1.Payer_PAYER_CITIZEN
	case "authority":
		return postalv1.Payer_PAYER_AUTHORITY
	}
	return postalv1.Payer_PAYER_UNSPECIFIED
}
