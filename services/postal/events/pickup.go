package events

import (
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/types/known/timestamppb"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/platform/outbox"
)

// Asked is a pickup at home a citizen asked for, as its event tells it: no address.
type Asked struct {
	TrackingNumber, ReceivingOffice, PostOffice string
	// Day is YYYY-MM-DD, Slot "morning" or "afternoon".
	Day, Slot     string
	ProcedureCode string
}

// PickupAsked builds the event of the pickup asked for as request id (its version 1).
func PickupAsked(id uuid.UUID, a Asked, at time.Time) (outbox.Message, error) {
	eventID := uuid.New()
	ev := &postalv1.Event{EventId: eventID.String(), OccurredAt: timestamppb.New(at), ShipmentId: id.String(), Version: 1,
		Kind: &postalv1.Event_PickupAsked{PickupAsked: &postalv1.PickupAsked{TrackingNumber: a.TrackingNumber,
			ReceivingOfficeCode: a.ReceivingOffice, PostOfficeCode: a.PostOffice, Date: a.Day, Slot: a.Slot,
			ProcedureCode: a.ProcedureCode}}}
	return encode(eventID, ev, id, "pickup_asked")
}
