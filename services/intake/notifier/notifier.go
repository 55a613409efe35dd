// Package notifier follows intake's dossier events and the postal service's shipment
// events with durable consumers of its own, and hands each change worth telling a
// citizen to the app's Notices, in the consumer's transaction: an event redelivered
// after a crash finds its notices queued already and queues none again.
package notifier

import (
	"context"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/notice"
	"github.com/motcua/motcua/services/platform/messaging"
)

// Dossiers names the durable consumer of intake's dossier events that tells citizens.
var Dossiers = messaging.Durable(messaging.DossierStream, "intake-notify-dossiers", "dossier.v1.>")

// Shipments names the durable consumer of the post's shipment events that tells
// citizens of their results' deliveries.
var Shipments = messaging.Durable(messaging.PostalStream, "intake-notify-shipments", "postal.v1.>")

// DossierHandler considers each dossier event with ns. An event that cannot be read is
// poison.
func DossierHandler(ns *app.Notices) messaging.Handler {
	return func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		var ev dossierv1.Event
		if err := messaging.DecodeProto(msg, &ev, "dossier event"); err != nil {
			return err
		}
		n, ok := FromDossierEvent(&ev)
		if !ok {
			return nil
		}
		return ns.Consider(ctx, store.NoticesIn(tx), n)
	}
}

// ShipmentHandler considers each shipment event with ns.
func ShipmentHandler(ns *app.Notices) messaging.Handler {
	return func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		var ev postalv1.Event
		if err := messaging.DecodeProto(msg, &ev, "shipment event"); err != nil {
			return err
		}
		n, ok := FromShipmentEvent(&ev)
		if !ok {
			return nil
		}
		return ns.Consider(ctx, store.NoticesIn(tx), n)
	}
}

// FromDossierEvent is the notice a dossier event is worth, if any: an online
// submission's code and PIN (a post office's counter gives them on its slip); the
// receipt at a desk, or of an online dossier after its check; a request for papers or
// for a fee; an apology with the new date; the result, unless the post brings it (the
// post's events tell of that); a refusal; the electronic receipt of a fee paid online.
func FromDossierEvent(ev *dossierv1.Event) (notice.Notice, bool) {
	id, err := uuid.Parse(ev.GetEventId())
	dossierID, err2 := uuid.Parse(ev.GetDossierId())
	if err != nil || err2 != nil {
		return notice.Notice{}, false
	}
	n := notice.Notice{EventID: id, DossierID: dossierID, Facts: notice.Facts{At: ev.GetOccurredAt().AsTime()}}
	due := ev.GetState().GetDueAt()
	switch k := ev.GetKind().(type) {
	case *dossierv1.Event_Received:
		r := k.Received
		n.Facts.Procedure = r.GetProcedure().GetName()
		switch {
		case r.GetCounter() != nil:
			return n, false
		case r.GetStatus() == "submitted":
			n.Kind, n.Facts.Online = notice.Submitted, true
		default:
			n.Kind = notice.Received
			due = r.GetDueAt()
		}
	case *dossierv1.Event_Admitted:
		n.Kind, n.Facts.Online = notice.Received, true
	case *dossierv1.Event_SupplementRequested:
		n.Kind, n.Facts.Items, n.Facts.Reason = notice.SupplementRequested, k.SupplementRequested.GetItems(), k.SupplementRequested.GetReason()
	case *dossierv1.Event_PaymentRequested:
		n.Kind, n.Facts.AmountVND = notice.PaymentRequested, k.PaymentRequested.GetAmountVnd()
	case *dossierv1.Event_Extended:
		n.Kind, n.Facts.Reason = notice.Apology, k.Extended.GetReason()
		due = k.Extended.GetNewDueAt()
	case *dossierv1.Event_Completed:
		if k.Completed.GetResultDelivery() == dossierv1.DeliveryMethod_DELIVERY_METHOD_POST {
			return n, false
		}
		n.Kind, n.Facts.Online = notice.ResultReady, k.Completed.GetResultFile() != nil
	case *dossierv1.Event_Refused:
		n.Kind, n.Facts.Reason = notice.Refused, k.Refused.GetReason()
	case *dossierv1.Event_PaymentRecorded:
		if !k.PaymentRecorded.GetOnline() {
			return n, false // the desk hands its receipt over the counter
		}
		n.Kind, n.Facts.AmountVND, n.Facts.Receipt = notice.Paid, k.PaymentRecorded.GetAmountVnd(), k.PaymentRecorded.GetReceiptNumber()
	default:
		return n, false
	}
	if due != nil && (n.Kind == notice.Received || n.Kind == notice.Apology) {
		n.Facts.Appointment = due.AsTime()
	}
	return n, true
}

// FromShipmentEvent is the notice a shipment event is worth: the result's delivery to
// the citizen going out, failing, or done.
func FromShipmentEvent(ev *postalv1.Event) (notice.Notice, bool) {
	r := ev.GetRecorded()
	id, err := uuid.Parse(ev.GetEventId())
	dossierID, err2 := uuid.Parse(r.GetDossierId())
	if r == nil || err != nil || err2 != nil || r.GetKind() != postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY {
		return notice.Notice{}, false
	}
	kind, ok := map[string]notice.Kind{"out_for_delivery": notice.OutForDelivery, "delivery_failed": notice.DeliveryFailed,
		"delivered": notice.Delivered}[r.GetType()]
	if !ok {
		return notice.Notice{}, false
	}
	return notice.Notice{EventID: id, DossierID: dossierID, Kind: kind,
		Facts: notice.Facts{At: r.GetAt().AsTime(), Tracking: r.GetTrackingNumber()}}, true
}
