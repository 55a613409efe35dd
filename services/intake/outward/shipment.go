package outward

import (
	"errors"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/app"
)

// kinds name the legs as the contract does.
var kinds = map[postalv1.ShipmentKind]string{
	postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP:   "pickup",
	postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER: "transfer",
	postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY: "delivery",
	postalv1.ShipmentKind_SHIPMENT_KIND_RETURN:   "return",
}

// FromShipmentEvent is the step of a shipment an event tells: "created" when the post
// opened it (at the office it leaves from, else the post office that picks it up),
// else the step a postal worker recorded, at the post office they recorded it for. ok
// is false for a pickup a citizen asked for, which carries no dossier yet.
func FromShipmentEvent(ev *postalv1.Event) (s app.ShipmentStep, ok bool, err error) {
	if ev.GetPickupAsked() != nil {
		return s, false, nil
	}
	s.EventID, _, err = ids(ev.GetEventId(), ev.GetShipmentId())
	if err != nil {
		return s, false, err
	}
	at := ev.GetOccurredAt()
	switch k := ev.GetKind().(type) {
	case *postalv1.Event_Created:
		c := k.Created
		s.Step, s.Kind, s.DossierCode, s.TrackingNumber = "created", kinds[c.GetKind()], c.GetDossierCode(), c.GetTrackingNumber()
		s.Office = or(c.GetFromOfficeCode(), c.GetOriginPostOfficeCode())
	case *postalv1.Event_Recorded:
		r := k.Recorded
		s.Step, s.Kind, s.DossierCode, s.TrackingNumber = r.GetType(), kinds[r.GetKind()], r.GetDossierCode(), r.GetTrackingNumber()
		s.Office = r.GetPostOfficeCode()
		if r.GetAt() != nil {
			at = r.GetAt()
		}
	default:
		return s, false, errors.New("shipment event of no kind")
	}
	if at == nil {
		return s, false, errors.New("shipment event without a time")
	}
	if s.Step == "" || s.TrackingNumber == "" {
		return s, false, errors.New("shipment event without its step or number")
	}
	s.At = at.AsTime()
	return s, true, nil
}

// or is s, or else when s is empty.
func or(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}
