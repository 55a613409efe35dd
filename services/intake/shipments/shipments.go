// Package shipments is intake's side of the road: it follows the postal service's
// events and moves a dossier on when the post has carried it. A transfer leg delivered
// to an office makes the dossier arrive there (awaiting acceptance); a result delivered
// to the citizen makes it returned; a result the post brings back puts it at the desk.
package shipments

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"
	"google.golang.org/protobuf/proto"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/worktime"
)

// Consumer names intake's durable consumer of shipment events.
var Consumer = messaging.ConsumerOptions{
	Stream:         messaging.PostalStream,
	Durable:        "intake-shipments",
	FilterSubjects: []string{"postal.v1.>"},
}

// Follower applies shipment events to dossiers.
type Follower struct {
	Calendar *worktime.Live
	// OfficeName names an office by its code, for the events it publishes.
	OfficeName func(ctx context.Context, code string) string
	Log        *slog.Logger
}

// Handle applies one shipment event in the consumer's transaction. Events that move no
// dossier are acknowledged; a step the dossier's state no longer allows (the citizen
// collected the result at the desk meanwhile) is logged and skipped; an event that
// cannot be read, or names no dossier intake knows, is poison.
func (f *Follower) Handle(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
	var ev postalv1.Event
	if err := proto.Unmarshal(msg.Data(), &ev); err != nil {
		return messaging.Poison(fmt.Errorf("%s: decode shipment event: %w", msg.Subject(), err))
	}
	rec := ev.GetRecorded()
	if rec == nil || rec.GetType() != "delivered" {
		return nil
	}
	id, err := uuid.Parse(rec.GetDossierId())
	if err != nil {
		return messaging.Poison(fmt.Errorf("%s: shipment event without a dossier id", msg.Subject()))
	}
	if rec.GetAt() == nil {
		return messaging.Poison(fmt.Errorf("%s: shipment event without a time", msg.Subject()))
	}
	d, err := store.LockInTx(ctx, tx, id)
	if err != nil {
		return err
	}
	if d == nil {
		return messaging.Poison(fmt.Errorf("%s: shipment of an unknown dossier %s", msg.Subject(), id))
	}
	cal := f.Calendar.Calendar()
	at := rec.GetAt().AsTime()
	var next dossier.State
	var step dossier.Step
	switch rec.GetKind() {
	case postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER:
		next, step, err = dossier.Arrive(d.State, rec.GetToOfficeCode(), rec.GetTrackingNumber(), at, cal)
	case postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY:
		next, step, err = dossier.Deliver(d.State, rec.GetTrackingNumber(), at, cal)
	case postalv1.ShipmentKind_SHIPMENT_KIND_RETURN:
		next, step, err = dossier.BringBack(d.State, rec.GetToOfficeCode(), rec.GetTrackingNumber(), at, cal)
	default:
		return nil // a pickup ends at the desk, which registered the dossier already
	}
	var na *dossier.NotAllowedError
	if errors.As(err, &na) {
		f.Log.Info("shipment delivered but the dossier has moved on", "dossier", d.Code,
			"kind", rec.GetKind().String(), "status", string(d.State.Status))
		return nil
	}
	if err != nil {
		return err
	}
	out, err := events.Action(events.Acted{DossierID: d.ID, State: next, Step: step,
		OfficeName: func(code string) string { return f.OfficeName(ctx, code) }, ProcessingTime: next.ProcessingTime(cal)})
	if err != nil {
		return messaging.Poison(err)
	}
	return store.SaveInTx(ctx, tx, d.ID, next, step, []outbox.Message{out})
}
