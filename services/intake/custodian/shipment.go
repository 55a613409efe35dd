package custodian

import (
	"errors"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/custody"
)

// FromShipmentEvent is the step of a shipment event, for the chain of the dossier the
// shipment carries: "shipment.created" when the post opened it (by the product itself,
// from the office or the citizen it leaves to the one it goes to), then
// "shipment.<type>" for each step a postal worker recorded (accepted, picked_up,
// in_transit, arrived, out_for_delivery, delivered, delivery_failed, returned), by the
// post office they recorded it for. Accepting or picking the papers up takes them from
// where the leg starts into that post office's hands, delivering hands them over where
// it ends, and every other step leaves them with the post. A leg's end without an office
// is the citizen's address (a pickup's start, a delivery's end).
func FromShipmentEvent(ev *postalv1.Event) (app.Handover, error) {
	switch k := ev.GetKind().(type) {
	case *postalv1.Event_Created:
		c := k.Created
		id, err := dossierID(c.GetDossierId())
		if err != nil {
			return app.Handover{}, err
		}
		if ev.GetOccurredAt() == nil {
			return app.Handover{}, errors.New("shipment event without a time")
		}
		return app.Handover{DossierID: id, Code: c.GetDossierCode(), Record: custody.Record{
			At: ev.GetOccurredAt().AsTime(), Event: "shipment.created", By: custody.Product,
			From: start(c.GetKind(), c.GetFromOfficeCode()), To: or(c.GetToOfficeCode(), custody.Citizen),
			TrackingNumber: c.GetTrackingNumber()}}, nil
	case *postalv1.Event_Recorded:
		r := k.Recorded
		id, err := dossierID(r.GetDossierId())
		if err != nil {
			return app.Handover{}, err
		}
		at := r.GetAt()
		if at == nil {
			at = ev.GetOccurredAt()
		}
		if at == nil {
			return app.Handover{}, errors.New("shipment event without a time")
		}
		post := or(r.GetPostOfficeCode(), custody.Post)
		h := app.Handover{DossierID: id, Code: r.GetDossierCode(), Record: custody.Record{
			At: at.AsTime(), Event: "shipment." + or(r.GetType(), "recorded"), By: or(r.GetPostOfficeCode(), custody.Postal),
			From: post, To: post, TrackingNumber: r.GetTrackingNumber()}}
		switch r.GetType() {
		case "accepted", "picked_up":
			h.From = start(r.GetKind(), r.GetFromOfficeCode())
		case "delivered":
			h.To = or(r.GetToOfficeCode(), custody.Citizen)
		}
		return h, nil
	default:
		return app.Handover{}, errors.New("shipment event of no kind")
	}
}

// start is where a leg of kind starts: its office, else the citizen's address for a
// pickup, else the post (a return brings back what the post could not deliver).
func start(kind postalv1.ShipmentKind, office string) string {
	if office != "" {
		return office
	}
	if kind == postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP {
		return custody.Citizen
	}
	return custody.Post
}
