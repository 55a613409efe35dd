// Package outward follows the DOSSIER and POSTAL streams for the parties outside the
// product that intake tells of them: the endpoints administrators subscribed by webhook
// (a dossier's every status change, a shipment's every step) and, when it is set up,
// the National Public Service Portal (a dossier's every status change). Each follower
// is a durable consumer of its own, and what an event owes (one call per endpoint, one
// record for the portal) is added in the consumer's transaction, under ids derived from
// the event, to the queues that send it.
package outward

import (
	"context"
	"errors"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/messaging"
)

// The durable consumers: the webhooks' of intake's dossier events and of the post's
// shipment events, and the national sync's of the dossier events.
var (
	WebhookDossiers  = messaging.Durable(messaging.DossierStream, "intake-webhooks", "dossier.v1.>")
	WebhookShipments = messaging.Durable(messaging.PostalStream, "intake-webhooks-shipments", "postal.v1.>")
	NationalDossiers = messaging.Durable(messaging.DossierStream, "intake-national-sync", "dossier.v1.>")
)

// WebhookDossierHandler owes the subscribed endpoints a call for each status a
// dossier reaches. An event that cannot be read is poison.
func WebhookDossierHandler(a app.Announcer) messaging.Handler {
	return func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		c, ok, err := statusChange(msg)
		if err != nil || !ok {
			return err
		}
		return a.Dossier(ctx, store.FollowersIn(tx), c)
	}
}

// WebhookShipmentHandler owes the subscribed endpoints a call for each step of a
// shipment that carries a dossier. An event that cannot be read is poison.
func WebhookShipmentHandler(a app.Announcer) messaging.Handler {
	return func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		var ev postalv1.Event
		if err := messaging.DecodeProto(msg, &ev, "shipment event"); err != nil {
			return err
		}
		s, ok, err := FromShipmentEvent(&ev)
		if err != nil {
			return messaging.Unreadable(msg, err)
		}
		if !ok {
			return nil
		}
		return a.Shipment(ctx, store.FollowersIn(tx), s)
	}
}

// NationalHandler owes the portal a record for each status a dossier reaches. An
// event that cannot be read is poison.
func NationalHandler(n *app.NationalSync) messaging.Handler {
	return func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		c, ok, err := statusChange(msg)
		if err != nil || !ok {
			return err
		}
		return n.Record(ctx, store.FollowersIn(tx), c)
	}
}

// statusChange reads msg as a dossier event and the status it tells, if any.
func statusChange(msg jetstream.Msg) (app.StatusChange, bool, error) {
	var ev dossierv1.Event
	if err := messaging.DecodeProto(msg, &ev, "dossier event"); err != nil {
		return app.StatusChange{}, false, err
	}
	c, ok, err := FromDossierEvent(&ev)
	if err != nil {
		return c, false, messaging.Unreadable(msg, err)
	}
	return c, ok, nil
}

// ids reads an event's own id and its aggregate's.
func ids(event, aggregate string) (uuid.UUID, uuid.UUID, error) {
	e, err := uuid.Parse(event)
	if err != nil {
		return uuid.Nil, uuid.Nil, errors.New("event without an id")
	}
	a, err := uuid.Parse(aggregate)
	if err != nil {
		return uuid.Nil, uuid.Nil, errors.New("event without its aggregate's id")
	}
	return e, a, nil
}
