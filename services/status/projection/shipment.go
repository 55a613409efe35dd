package projection

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"
	"google.golang.org/protobuf/proto"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/status/adapters/store"
)

// ShipmentConsumer names status's durable consumer of the postal service's shipment
// events.
var ShipmentConsumer = messaging.Durable(messaging.PostalStream, "status-shipments", "postal.v1.>")

// Shipment applies one shipment event: the shipment's state and a step on its dossier's
// timeline. An event that cannot be read, or lacks what every event must carry, is
// poison; one whose dossier status has not folded yet waits (messaging.Later): the
// dossier's events come on their own stream, and its Received will come.
func Shipment(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
	ev, err := DecodeShipment(msg.Data())
	if errors.Is(err, errNoShipmentYet) {
		return nil
	}
	if err != nil {
		return messaging.Unreadable(msg, err)
	}
	return verdict(store.FoldShipment(ctx, tx, ev))
}

// errNoShipmentYet is a pickup at home asked online: no dossier has it yet, and its
// shipment's own events follow when a worker takes the dossier at the door.
var errNoShipmentYet = errors.New("a pickup asked online: no shipment yet")

// trackingNumber is what a UPU S10 identifier looks like (the check digit is postal's
// business): two letters, nine digits, two letters.
var trackingNumber = regexp.MustCompile(`^[A-Z]{2}[0-9]{9}[A-Z]{2}$`)

// DecodeShipment reads a shipment event into what status keeps of it, or says why it
// cannot be applied.
func DecodeShipment(data []byte) (store.ShipmentEvent, error) {
	var ev postalv1.Event
	if err := proto.Unmarshal(data, &ev); err != nil {
		return store.ShipmentEvent{}, fmt.Errorf("decode shipment event: %w", err)
	}
	eventID, err := uuid.Parse(ev.GetEventId())
	if err != nil {
		return store.ShipmentEvent{}, errors.New("shipment event without a valid event id")
	}
	shipmentID, err := uuid.Parse(ev.GetShipmentId())
	if err != nil {
		return store.ShipmentEvent{}, errors.New("shipment event without a valid shipment id")
	}
	if ev.GetVersion() < 1 || ev.GetVersion() > math.MaxInt32 {
		return store.ShipmentEvent{}, errors.New("shipment event without a possible version")
	}
	if !ev.GetOccurredAt().IsValid() {
		return store.ShipmentEvent{}, errors.New("shipment event without a valid time")
	}
	out := store.ShipmentEvent{ShipmentID: shipmentID, Version: ev.GetVersion(), OccurredAt: ev.GetOccurredAt().AsTime()}
	out.EventID, out.At = eventID, out.OccurredAt
	var dossierID string
	var kind postalv1.ShipmentKind
	switch k := ev.Kind.(type) {
	case *postalv1.Event_Created:
		c := k.Created
		out.Type, out.TrackingNumber = "created", c.GetTrackingNumber()
		out.FromOfficeCode, out.ToOfficeCode = c.GetFromOfficeCode(), c.GetToOfficeCode()
		out.OriginPostOfficeCode, out.DestinationPostOfficeCode = c.GetOriginPostOfficeCode(), c.GetDestinationPostOfficeCode()
		dossierID, kind = c.GetDossierId(), c.GetKind()
	case *postalv1.Event_Recorded:
		r := k.Recorded
		if !statusName.MatchString(r.GetType()) || r.GetType() == "created" {
			return store.ShipmentEvent{}, fmt.Errorf("shipment event of a malformed type %q", r.GetType())
		}
		out.Type, out.TrackingNumber = r.GetType(), r.GetTrackingNumber()
		out.FromOfficeCode, out.ToOfficeCode = r.GetFromOfficeCode(), r.GetToOfficeCode()
		dossierID, kind = r.GetDossierId(), r.GetKind()
		if r.GetAt() != nil {
			if !r.GetAt().IsValid() {
				return store.ShipmentEvent{}, errors.New("shipment event with an impossible time")
			}
			out.At = r.GetAt().AsTime()
		}
		if r.GetType() == "delivery_failed" {
			out.ReasonCode = r.GetReasonCode()
			if out.ReasonCode != "" && !statusName.MatchString(out.ReasonCode) {
				return store.ShipmentEvent{}, fmt.Errorf("shipment event with a malformed reason %q", out.ReasonCode)
			}
		}
	case *postalv1.Event_PickupAsked:
		return store.ShipmentEvent{}, errNoShipmentYet
	default:
		return store.ShipmentEvent{}, errors.New("shipment event of an unknown kind")
	}
	if out.DossierID, err = uuid.Parse(dossierID); err != nil {
		return store.ShipmentEvent{}, errors.New("shipment event without a valid dossier id")
	}
	if !trackingNumber.MatchString(out.TrackingNumber) {
		return store.ShipmentEvent{}, fmt.Errorf("shipment event with a malformed tracking number %q", out.TrackingNumber)
	}
	if out.Kind = shipmentKind(kind); out.Kind == "" {
		return store.ShipmentEvent{}, fmt.Errorf("shipment event of an unknown leg %d", kind)
	}
	for _, s := range []string{out.FromOfficeCode, out.ToOfficeCode, out.OriginPostOfficeCode, out.DestinationPostOfficeCode} {
		if !storable(s) || len(s) > 100 {
			return store.ShipmentEvent{}, errors.New("shipment event with an office code PostgreSQL cannot store")
		}
	}
	return out, nil
}

// shipmentKind names a leg; "" for one status does not know.
func shipmentKind(k postalv1.ShipmentKind) string {
	switch k {
	case postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP:
		return "pickup"
	case postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER:
		return "transfer"
	case postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY:
		return "delivery"
	case postalv1.ShipmentKind_SHIPMENT_KIND_RETURN:
		return "return"
	}
	return ""
}
