package projection

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/postal/adapters/store"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// DossierConsumer names postal's durable consumer of dossier events.
var DossierConsumer = messaging.Durable(messaging.DossierStream, "postal-dossiers", "dossier.v1.>")

// Dossiers opens the shipments dossier events call for: a dossier sent by post is picked
// up from the citizen, a transfer by post is a leg between offices, a result to be
// delivered by post is a delivery. Each is opened once per event.
type Dossiers struct {
	// Sealer seals what the post keeps; EventSealer opens the addresses the events
	// carry sealed with the event key.
	Sealer      *sealing.Sealer
	EventSealer *sealing.Sealer
	// Shipments take in the dossiers post offices take.
	Shipments *app.Shipments
}

// address is an address an event carries: sealed with the event key, or in clear in an
// event from before addresses were sealed. One that does not open is poison: no retry
// will open it.
func (h *Dossiers) address(msg jetstream.Msg, field string, sealed []byte, clear string) (string, error) {
	if len(sealed) == 0 {
		return clear, nil
	}
	a, err := h.EventSealer.Open(field, sealed)
	if err != nil {
		return "", messaging.Unreadable(msg, fmt.Errorf("%s: %w", field, err))
	}
	return a, nil
}

// Handle applies one dossier event in the consumer's transaction.
func (h *Dossiers) Handle(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
	var ev dossierv1.Event
	if err := messaging.DecodeProto(msg, &ev, "dossier event"); err != nil {
		return err
	}
	id, err := uuid.Parse(ev.GetDossierId())
	if err != nil || ev.GetOccurredAt() == nil {
		return messaging.Unreadable(msg, errors.New("dossier event without a dossier id or a time"))
	}
	at := ev.GetOccurredAt().AsTime()
	open := app.Opening{DossierID: id, Source: "dossier-event:" + ev.GetEventId(), PaidBy: shipment.PaidByCitizen,
		By: app.SystemActor, At: at}
	postal := store.InTx(tx)
	if err := keepOffices(ctx, postal, id, &ev); err != nil {
		return err
	}
	switch k := ev.Kind.(type) {
	case *dossierv1.Event_Received:
		r := k.Received
		d := app.DossierCopy{ID: id, Code: r.GetCode(), ReceivingOffice: r.GetReceivingOffice().GetCode(),
			ProcedureName: r.GetProcedure().GetName()}
		pickup, err := h.address(msg, sealing.EventPickupAddress, r.GetPickupAddressSealed(), r.GetPickupAddress())
		if err != nil {
			return err
		}
		d.PickupAddressSealed = h.Sealer.Seal(app.AddressField(shipment.KindPickup), pickup)
		if d.Code == "" || d.ReceivingOffice == "" {
			return messaging.Unreadable(msg, errors.New("received event without code or receiving office"))
		}
		if err := postal.KeepReceived(ctx, d); err != nil {
			return err
		}
		if c := r.GetCounter(); c != nil {
			return opened(h.Shipments.TakeIn(ctx, postal, app.Taken{DossierID: id, Source: open.Source,
				PostOffice: c.GetPostOffice().GetCode(), Desk: d.ReceivingOffice, By: ev.GetActor().GetUsername(), At: at,
				SealNumber: c.GetSealNumber(), TrackingNumber: c.GetTrackingNumber(), AtDoor: c.GetAtDoor(),
				PostageVND: c.GetPostageVnd(), FeeVND: r.GetFeePaidVnd()}))
		}
		if r.GetChannel() != dossierv1.Channel_CHANNEL_POST {
			return nil
		}
		open.Kind, open.To, open.AddressSealed = shipment.KindPickup, d.ReceivingOffice, d.PickupAddressSealed
	case *dossierv1.Event_Transferred:
		t := k.Transferred
		if t.GetVia() != dossierv1.Via_VIA_POST {
			return nil
		}
		open.Kind, open.From, open.To = shipment.KindTransfer, t.GetFromOffice().GetCode(), t.GetToOffice().GetCode()
		open.PaidBy = shipment.PaidByAuthority
	case *dossierv1.Event_Completed:
		c := k.Completed
		if c.GetResultDelivery() == dossierv1.DeliveryMethod_DELIVERY_METHOD_POST_OFFICE {
			// To the post office the citizen collects it at: a delivery to an office.
			open.Kind, open.From, open.To = shipment.KindDelivery, ev.GetState().GetCurrentOffice().GetCode(),
				c.GetResultPostOffice().GetCode()
			break
		}
		if c.GetResultDelivery() != dossierv1.DeliveryMethod_DELIVERY_METHOD_POST {
			return nil
		}
		delivery, err := h.address(msg, sealing.EventDeliveryAddress, c.GetDeliveryAddressSealed(), c.GetDeliveryAddress())
		if err != nil {
			return err
		}
		sealed := h.Sealer.Seal(app.AddressField(shipment.KindDelivery), delivery)
		if err := postal.KeepDeliveryAddress(ctx, id, sealed); err != nil {
			return err
		}
		open.Kind, open.From, open.AddressSealed = shipment.KindDelivery, ev.GetState().GetCurrentOffice().GetCode(), sealed
	default:
		return nil
	}
	_, _, err = app.Open(ctx, postal, open)
	return opened(err)
}

// opened is what the consumer does after opening a shipment ended with err.
func opened(err error) error {
	switch {
	case errors.Is(err, app.ErrUnknownDossier), errors.Is(err, app.ErrUnknownOffice):
		// The dossier's first event, or the office's, is still on its way.
		return messaging.Later(err)
	case errors.Is(err, app.ErrNotServed), errors.Is(err, app.ErrNoSuchPickup):
		return messaging.Poison(err)
	}
	return err
}

// keepOffices keeps which offices the dossier of ev has been at or is going to, and
// which holds it now: who may see its shipments and who may open one.
func keepOffices(ctx context.Context, postal *store.Tx, id uuid.UUID, ev *dossierv1.Event) error {
	st := ev.GetState()
	holder := st.GetCurrentOffice().GetCode()
	offices := []string{holder, st.GetPendingOffice().GetCode(), ev.GetStep().GetOffice().GetCode()}
	switch k := ev.Kind.(type) {
	case *dossierv1.Event_Received:
		holder = k.Received.GetReceivingOffice().GetCode()
		offices = append(offices, holder, k.Received.GetHandlingOffice().GetCode())
	case *dossierv1.Event_Transferred:
		offices = append(offices, k.Transferred.GetFromOffice().GetCode(), k.Transferred.GetToOffice().GetCode())
	}
	return postal.KeepOffices(ctx, id, ev.GetVersion(), holder, offices)
}
