package scaledata

import (
	"fmt"
	"time"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/shipment"
	postalevents "github.com/motcua/motcua/services/postal/events"
	"github.com/motcua/motcua/services/status/adapters/store"
	"github.com/motcua/motcua/services/status/projection"
)

// postalRows adds what the post keeps of the dossier (its copy, the offices it has
// been at and the one holding it, as postal's consumer of dossier events keeps them) and
// its legs, in postal and, folded from postal's events, in status.
func (b *builder) postalRows(l *life, out *batch) error {
	var pickup, delivery []byte
	if l.channel == dossier.ChannelPost {
		pickup = b.sealer.Seal(app.AddressField(shipment.KindPickup), l.applicant.address)
	}
	if l.delivery == dossier.DeliverByPost && l.state.Outcome != "" {
		delivery = b.sealer.Seal(app.AddressField(shipment.KindDelivery), l.applicant.address)
	}
	out.add(postalDossiers, l.id, l.code, l.receiving, l.procedure.Name, pickup, delivery)
	offices := officeSet(nil, l.receiving, l.handling)
	holder, version := l.receiving, int64(1)
	for _, a := range l.acts {
		st, step := a.state, a.step
		offices = officeSet(offices, st.CurrentOffice, st.PendingOffice, step.Office)
		if step.Action == dossier.ActTransfer {
			offices = officeSet(offices, step.FromOffice, step.ToOffice)
		}
		holder, version = st.CurrentOffice, int64(st.Version)
	}
	for _, o := range offices {
		out.add(postalDossierOffices, l.id, o)
	}
	out.add(postalDossierHolders, l.id, holder, version)
	for i := range l.legs {
		lg := &l.legs[i]
		var address []byte // a leg between offices has none
		switch lg.kind {
		case legPickup:
			address = pickup
		case legDelivery:
			address = delivery
		}
		if err := b.legRows(l, lg, address, out); err != nil {
			return err
		}
	}
	return nil
}

// legRows adds a leg's shipment and events as postal keeps them, and as status folds
// postal's events of it (store.FoldShipment).
func (b *builder) legRows(l *life, lg *leg, address []byte, out *batch) error {
	opener := l.firstEventID
	if lg.opener >= 0 {
		opener = l.acts[lg.opener].eventID
	}
	last := lg.events[len(lg.events)-1]
	var firstFailed any
	if lg.firstFailed != nil {
		firstFailed = *lg.firstFailed
	}
	out.add(postalShipments, lg.id, lg.tracking, string(lg.kind), string(last.typ), l.id, lg.from, lg.to, address,
		lg.origin, lg.destination, lg.failed, firstFailed, lg.seal, lg.postage, string(lg.paidBy), last.at,
		len(lg.events), "dossier-event:"+opener.String(), "", lg.opened, int64(0))
	for i, e := range lg.events {
		out.add(postalShipmentEvents, e.id, lg.id, i+1, string(e.typ), e.at, e.at, e.user, e.postOffice,
			e.user == app.SystemActor, e.seal, e.reason, e.action, e.relation)
	}
	evs, err := legEvents(l, lg)
	if err != nil {
		return err
	}
	var folded store.ShipmentEvent
	var acceptedAt, deliveredAt *time.Time
	for i, ev := range evs {
		out.add(statusShipmentSteps, ev.EventID, ev.ShipmentID, ev.DossierID, ev.Version, ev.At, ev.Type, ev.Kind,
			ev.TrackingNumber, ev.FromOfficeCode, ev.ToOfficeCode, ev.ReasonCode)
		switch {
		case (ev.Type == "accepted" || ev.Type == "picked_up") && acceptedAt == nil:
			acceptedAt = &evs[i].At
		case ev.Type == "delivered" && deliveredAt == nil:
			deliveredAt = &evs[i].At
		}
		if i == 0 {
			folded = ev
		} else {
			folded.Type, folded.ReasonCode, folded.At, folded.Version = ev.Type, ev.ReasonCode, ev.At, ev.Version
		}
	}
	out.add(statusShipments, lg.id, folded.TrackingNumber, l.id, folded.Kind, folded.Type, folded.ReasonCode,
		folded.FromOfficeCode, folded.ToOfficeCode, evs[0].OccurredAt, folded.At, folded.Version,
		folded.OriginPostOfficeCode, folded.DestinationPostOfficeCode, acceptedAt, deliveredAt)
	return nil
}

// legEvents are a leg's events as postal's events package writes them and status's
// projection decodes them, in order; their ids are the leg's own draws.
func legEvents(l *life, lg *leg) ([]store.ShipmentEvent, error) {
	s := shipment.Shipment{ID: lg.id, TrackingNumber: lg.tracking, Kind: lg.kind, DossierID: l.id, DossierCode: l.code,
		FromOffice: lg.from, ToOffice: lg.to, OriginPostOffice: lg.origin, DestinationPostOffice: lg.destination,
		PostageVND: lg.postage, PaidBy: lg.paidBy, CreatedAt: lg.opened}
	out := make([]store.ShipmentEvent, 0, len(lg.events))
	for i, e := range lg.events {
		s.Status, s.Version, s.LastEventAt = e.typ, i+1, e.at
		var ev store.ShipmentEvent
		var err error
		if e.typ == shipment.Created {
			ev, err = decodeShipment(postalevents.Created(s, e.at))
		} else {
			ev, err = decodeShipment(postalevents.Recorded(s, postalevents.Step{EventID: e.id, Type: e.typ, At: e.at,
				PostOffice: e.postOffice, SealNumber: e.seal, ReasonCode: e.reason, ActionCode: e.action,
				FailedAttempts: e.failedAttempts, Relation: e.relation}, e.at))
		}
		if err != nil {
			return nil, fmt.Errorf("shipment %s of %s: %w", lg.tracking, l.code, err)
		}
		ev.EventID = e.id
		out = append(out, ev)
	}
	return out, nil
}

// decodeShipment reads an event postal publishes as status's projection does.
func decodeShipment(msg outbox.Message, err error) (store.ShipmentEvent, error) {
	if err != nil {
		return store.ShipmentEvent{}, err
	}
	return projection.DecodeShipment(msg.Payload)
}
