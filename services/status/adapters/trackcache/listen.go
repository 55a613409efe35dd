package trackcache

import (
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
	"google.golang.org/protobuf/proto"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	noticev1 "github.com/motcua/motcua/proto/motcua/notice/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
)

// Listen subscribes c to every dossier event, every shipment event and every notice sent
// on core NATS (each
// instance hears all of them, whichever instance folds them) and returns the
// subscriptions.
func Listen(nc *nats.Conn, c *Cache) ([]*nats.Subscription, error) {
	dossiers, err := nc.Subscribe("dossier.v1.>", func(m *nats.Msg) {
		id, version, ok := eventOf(m)
		if !ok {
			return // the consumer dead-letters what cannot be decoded
		}
		c.Invalidate(id, version)
	})
	if err != nil {
		return nil, fmt.Errorf("listen for dossier events: %w", err)
	}
	shipments, err := nc.Subscribe("postal.v1.>", func(m *nats.Msg) {
		id, eventID, ok := shipmentEventOf(m)
		if !ok {
			return
		}
		c.InvalidatePostal(id, eventID)
	})
	if err != nil {
		_ = dossiers.Unsubscribe()
		return nil, fmt.Errorf("listen for shipment events: %w", err)
	}
	notices, err := nc.Subscribe("notice.v1.>", func(m *nats.Msg) {
		n, err := noticeOf(m)
		if err != nil {
			return
		}
		c.InvalidatePostal(n.dossier, n.event)
	})
	if err != nil {
		_ = dossiers.Unsubscribe()
		_ = shipments.Unsubscribe()
		return nil, fmt.Errorf("listen for notices: %w", err)
	}
	return []*nats.Subscription{dossiers, shipments, notices}, nil
}

// noticeOf reads the dossier a notice was sent about and the event's id.
func noticeOf(m *nats.Msg) (n struct{ dossier, event uuid.UUID }, err error) {
	var ev noticev1.Sent
	if err = proto.Unmarshal(m.Data, &ev); err != nil {
		return n, err
	}
	if n.dossier, err = uuid.Parse(ev.GetDossierId()); err != nil {
		return n, err
	}
	n.event, err = uuid.Parse(ev.GetEventId())
	return n, err
}

// eventOf reads the dossier id (from the subject dossier.v1.<id>.<kind>) and the version.
func eventOf(m *nats.Msg) (uuid.UUID, int, bool) {
	parts := strings.Split(m.Subject, ".")
	if len(parts) < 4 {
		return uuid.Nil, 0, false
	}
	id, err := uuid.Parse(parts[2])
	if err != nil {
		return uuid.Nil, 0, false
	}
	var ev dossierv1.Event
	if err := proto.Unmarshal(m.Data, &ev); err != nil {
		return uuid.Nil, 0, false
	}
	return id, int(ev.GetVersion()), true
}

// shipmentEventOf reads the dossier a shipment event belongs to and the event's id (the
// subject names the shipment, not the dossier).
func shipmentEventOf(m *nats.Msg) (dossierID, eventID uuid.UUID, ok bool) {
	var ev postalv1.Event
	if err := proto.Unmarshal(m.Data, &ev); err != nil {
		return uuid.Nil, uuid.Nil, false
	}
	dossier := ev.GetCreated().GetDossierId()
	if r := ev.GetRecorded(); r != nil {
		dossier = r.GetDossierId()
	}
	dossierID, err := uuid.Parse(dossier)
	if err != nil {
		return uuid.Nil, uuid.Nil, false
	}
	eventID, err = uuid.Parse(ev.GetEventId())
	if err != nil {
		return uuid.Nil, uuid.Nil, false
	}
	return dossierID, eventID, true
}
