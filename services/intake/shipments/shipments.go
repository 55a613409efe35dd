// Package shipments is intake's ear on the road: it reads the postal service's events
// and hands each delivered leg to the app's Road, in the consumer's transaction, and
// keeps the pickups at home citizens ask for, which workers name at the door.
package shipments

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/worktime"
)

// Consumer names intake's durable consumer of shipment events.
var Consumer = messaging.Durable(messaging.PostalStream, "intake-shipments", "postal.v1.>")

// legs are the shipment kinds whose delivery moves a dossier on; a pickup moves only a
// dossier a post office took, whose papers it brings in to the desk.
var legs = map[postalv1.ShipmentKind]app.Leg{
	postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP:   app.LegPickup,
	postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER: app.LegTransfer,
	postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY: app.LegDelivery,
	postalv1.ShipmentKind_SHIPMENT_KIND_RETURN:   app.LegReturn,
}

// Handler applies each shipment event with road. Events that move no dossier are
// acknowledged; an event that cannot be read, or names no dossier intake knows, is
// poison.
func Handler(road *app.Road) messaging.Handler {
	return func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		var ev postalv1.Event
		if err := messaging.DecodeProto(msg, &ev, "shipment event"); err != nil {
			return err
		}
		if asked := ev.GetPickupAsked(); asked != nil {
			return keepAsked(ctx, tx, msg, asked)
		}
		rec := ev.GetRecorded()
		if rec == nil || rec.GetType() != "delivered" {
			return nil
		}
		leg, ok := legs[rec.GetKind()]
		if !ok {
			return nil
		}
		id, err := uuid.Parse(rec.GetDossierId())
		if err != nil {
			return messaging.Unreadable(msg, errors.New("shipment event without a dossier id"))
		}
		if rec.GetAt() == nil {
			return messaging.Unreadable(msg, errors.New("shipment event without a time"))
		}
		err = road.Delivered(ctx, store.DossiersIn(tx), app.Carried{DossierID: id, Leg: leg,
			ToOffice: rec.GetToOfficeCode(), TrackingNumber: rec.GetTrackingNumber(), At: rec.GetAt().AsTime()})
		if errors.Is(err, app.ErrUnreadable) {
			return messaging.Unreadable(msg, err)
		}
		if errors.Is(err, app.ErrNotFound) {
			return messaging.Poison(fmt.Errorf("%s: shipment of an unknown dossier %s", msg.Subject(), id))
		}
		return err
	}
}

// keepAsked keeps a pickup at home a citizen asked for online, which a worker may name
// at the door. One that does not read as a pickup is poison.
func keepAsked(ctx context.Context, tx pgx.Tx, msg jetstream.Msg, asked *postalv1.PickupAsked) error {
	n, err := s10.Parse(asked.GetTrackingNumber())
	_, dayErr := worktime.ParseDate(asked.GetDate())
	if err != nil || dayErr != nil || asked.GetReceivingOfficeCode() == "" || asked.GetPostOfficeCode() == "" {
		return messaging.Unreadable(msg, errors.New("a pickup asked without its number, day or offices"))
	}
	return store.DossiersIn(tx).KeepAskedPickup(ctx, app.AskedPickup{TrackingNumber: n.String(),
		ReceivingOffice: asked.GetReceivingOfficeCode(), PostOffice: asked.GetPostOfficeCode()}, asked.GetDate(), asked.GetSlot())
}
