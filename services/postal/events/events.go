// Package events turns postal's changes into the protobuf events of motcua.postal.v1
// and the subjects they are published on.
package events

import (
	"fmt"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/types/known/timestamppb"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// Subject is where an event of kind about shipment id is published; the shipment id in
// the subject keeps each shipment's events in order for consumers that filter on it.
func Subject(shipmentID uuid.UUID, kind string) string {
	return fmt.Sprintf("postal.v1.%s.%s", shipmentID, kind)
}

// Created builds the event of a newly opened shipment (its version 1).
func Created(s shipment.Shipment, at time.Time) (outbox.Message, error) {
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
	Type           shipment.Status
	At             time.Time
	PostOffice     string
	SealNumber     string
	ReasonCode     string
	ActionCode     string
	FailedAttempts int
	Relation       string
}

// Recorded builds the event of a step; s is the shipment after it.
func Recorded(s shipment.Shipment, st Step, at time.Time) (outbox.Message, error) {
	ev := &postalv1.Event{EventId: st.EventID.String(), OccurredAt: timestamppb.New(at), ShipmentId: s.ID.String(),
		Version: int64(s.Version),
		Kind: &postalv1.Event_Recorded{Recorded: &postalv1.ShipmentEventRecorded{
			TrackingNumber: s.TrackingNumber, DossierId: s.DossierID.String(), DossierCode: s.DossierCode,
			Kind: kind(s.Kind), Type: string(st.Type), FromOfficeCode: s.FromOffice, ToOfficeCode: s.ToOffice,
			At: timestamppb.New(st.At), PostOfficeCode: st.PostOffice, SealNumber: st.SealNumber,
			ReasonCode: st.ReasonCode, ActionCode: st.ActionCode, FailedAttempts: int32(st.FailedAttempts),
			RecipientRelation: st.Relation, PostageVnd: s.PostageVND, PaidBy: payer(s.PaidBy),
		}}}
	return encode(st.EventID, ev, s.ID, "recorded")
}

func encode(id uuid.UUID, ev *postalv1.Event, shipmentID uuid.UUID, k string) (outbox.Message, error) {
	return outbox.Encode(id, Subject(shipmentID, k), ev, "shipment "+k+" event")
}

// kinds are the protobuf names of the kinds of shipment.
var kinds = map[shipment.Kind]postalv1.ShipmentKind{
	shipment.KindPickup:   postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP,
	shipment.KindTransfer: postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER,
	shipment.KindDelivery: postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY,
	shipment.KindReturn:   postalv1.ShipmentKind_SHIPMENT_KIND_RETURN,
}

// kind is k's protobuf name; an unknown kind is unspecified.
func kind(k shipment.Kind) postalv1.ShipmentKind { return kinds[k] }

// payers are the protobuf names of who pays the postage.
var payers = map[shipment.Payer]postalv1.Payer{
	shipment.PaidByCitizen:   postalv1.Payer_PAYER_CITIZEN,
	shipment.PaidByAuthority: postalv1.Payer_PAYER_AUTHORITY,
}

// payer is p's protobuf name; an unknown payer is unspecified.
func payer(p shipment.Payer) postalv1.Payer { return payers[p] }
