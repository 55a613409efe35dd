// Package custodian keeps every dossier's custody chain from the events that tell its
// steps: intake's own (every kind, whoever recorded the step: a desk, an office, the
// citizen online, the post through intake's road) and the postal service's (every event
// of a shipment that carries the dossier). Each is appended by the app's Custodian in
// the consumer's transaction, so an event is chained once, and the chain's new head is
// published through the outbox with it. Per dossier, entries follow in the order the
// events are consumed.
package custodian

import (
	"context"
	"errors"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/messaging"
)

// Dossiers names the durable consumer of intake's dossier events that keeps the chains.
var Dossiers = messaging.Durable(messaging.DossierStream, "intake-custody-dossiers", "dossier.v1.>")

// Shipments names the durable consumer of the postal service's shipment events that
// keeps the chains.
var Shipments = messaging.Durable(messaging.PostalStream, "intake-custody-shipments", "postal.v1.>")

// DossierHandler chains each dossier event with c. An event that cannot be read, or
// names no dossier or no time, is poison.
func DossierHandler(c app.Custodian) messaging.Handler {
	return func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		var ev dossierv1.Event
		if err := messaging.DecodeProto(msg, &ev, "dossier event"); err != nil {
			return err
		}
		h, err := FromDossierEvent(&ev, kindOf(msg.Subject()))
		if err != nil {
			return messaging.Unreadable(msg, err)
		}
		return c.Record(ctx, store.CustodyIn(tx), h)
	}
}

// ShipmentHandler chains each shipment event with c. An event that cannot be read, or
// names no dossier or no time, is poison.
func ShipmentHandler(c app.Custodian) messaging.Handler {
	return func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		var ev postalv1.Event
		if err := messaging.DecodeProto(msg, &ev, "shipment event"); err != nil {
			return err
		}
		if ev.GetPickupAsked() != nil {
			return nil // no dossier yet: its chain starts when the worker takes it at the door
		}
		h, err := FromShipmentEvent(&ev)
		if err != nil {
			return messaging.Unreadable(msg, err)
		}
		return c.Record(ctx, store.CustodyIn(tx), h)
	}
}

// kindOf is the last token of a dossier event's subject (dossier.v1.<id>.<kind>).
func kindOf(subject string) string {
	return subject[strings.LastIndexByte(subject, '.')+1:]
}

// dossierID is the dossier an event names.
func dossierID(s string) (uuid.UUID, error) {
	id, err := uuid.Parse(s)
	if err != nil {
		return uuid.Nil, errors.New("event without a dossier id")
	}
	return id, nil
}

// or is s, or else when s is empty.
func or(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}
