package app

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/postal/domain/shipment"
	"github.com/motcua/motcua/services/postal/events"
)

// Opening is a shipment to open for a dossier.
type Opening struct {
	// ID, when set, is the id the shipment takes (a pickup asked online keeps its
	// request's, under which the reads of its address were audited); otherwise a new one.
	ID        uuid.UUID
	Kind      shipment.Kind
	DossierID uuid.UUID
	// From and To are office codes; From is empty for a pickup at the citizen's address,
	// To for a delivery there.
	From, To      string
	AddressSealed []byte
	// Source names what opens the shipment; a second opening from the same source
	// returns the first shipment.
	Source  string
	Returns string
	// Origin, when set, is the post office the item already is at (a return starts
	// where the delivery failed).
	Origin     string
	PaidBy     shipment.Payer
	PostageVND int64
	// FeeCollectedVND is the authority's fee a post office collected with a dossier it
	// took (a counter pickup).
	FeeCollectedVND int64
	// TrackingNumber, when set, is the number the item already has (a counter pickup,
	// numbered by intake when the worker registered the dossier); otherwise the post
	// numbers it.
	TrackingNumber string
	By             string
	At             time.Time
	// RequestHash is the hash of a desk's request; the same source with another hash is
	// ErrKeyReused.
	RequestHash []byte
}

// SystemActor names the product itself in a shipment's log, for the steps no person took.
const SystemActor = "motcua"

// Open opens the shipment o describes through shipments, with a new S10 tracking
// number, and queues its event; created is false when the source had opened it already.
func Open(ctx context.Context, shipments ShipmentWriter, o Opening) (ShipmentRecord, bool, error) {
	s, created, err := shipments.Create(ctx, o.Source, func(tx ShipmentTx) (NewShipment, error) {
		return newShipment(ctx, tx, o)
	})
	if err != nil {
		return s, false, err
	}
	if !created && o.RequestHash != nil && !bytes.Equal(s.RequestHash, o.RequestHash) {
		return s, false, ErrKeyReused // a desk's request with the same key asked for something else
	}
	return s, created, nil
}

// newShipment is the shipment o describes, read and numbered through tx, with the event
// and message of its creation.
func newShipment(ctx context.Context, tx ShipmentTx, o Opening) (NewShipment, error) {
	d, ok, err := tx.Dossier(ctx, o.DossierID)
	if err != nil {
		return NewShipment{}, err
	}
	if !ok {
		return NewShipment{}, fmt.Errorf("open shipment: dossier %s: %w", o.DossierID, ErrUnknownDossier)
	}
	if o.Kind == shipment.KindReturn && o.To == "" {
		o.To = d.ReceivingOffice // a result comes back to the desk that received the dossier
	}
	origin := o.Origin
	if origin == "" {
		if origin, err = servingPostOffice(ctx, tx, o.From, d.ReceivingOffice); err != nil {
			return NewShipment{}, err
		}
	}
	destination, err := servingPostOffice(ctx, tx, o.To, d.ReceivingOffice)
	if err != nil {
		return NewShipment{}, err
	}
	if o.ID == uuid.Nil {
		o.ID = uuid.New()
	}
	trackingNumber := o.TrackingNumber
	if trackingNumber == "" {
		if trackingNumber, err = nextTrackingNumber(ctx, tx, o.Kind); err != nil {
			return NewShipment{}, err
		}
	}
	s := ShipmentRecord{
		Shipment: shipment.Shipment{
			ID: o.ID, TrackingNumber: trackingNumber, Kind: o.Kind, Status: shipment.Created,
			DossierID: d.ID, DossierCode: d.Code, FromOffice: o.From, ToOffice: o.To,
			OriginPostOffice: origin, DestinationPostOffice: destination, PostageVND: o.PostageVND, PaidBy: o.PaidBy,
			FeeCollectedVND: o.FeeCollectedVND,
			LastEventAt:     o.At, Version: 1, ReturnsTrackingNumber: o.Returns, CreatedAt: o.At,
		},
		AddressSealed: o.AddressSealed, Source: o.Source, RequestHash: o.RequestHash,
	}
	msg, err := events.Created(s.Shipment, o.At)
	if err != nil {
		return NewShipment{}, err
	}
	created := EventRecord{EventID: msg.EventID, ShipmentID: s.ID, Version: 1, Type: shipment.Created,
		OccurredAt: o.At, Username: o.By, PostOffice: origin, Automatic: o.By == SystemActor}
	return NewShipment{Shipment: s, Event: created, Message: msg}, nil
}

// nextTrackingNumber takes the S10 number of a new shipment of kind: a delivery or a
// return goes to a citizen's result, the others to an authority.
func nextTrackingNumber(ctx context.Context, tx ShipmentTx, kind shipment.Kind) (string, error) {
	serial, err := tx.NextSerial(ctx)
	if err != nil {
		return "", err
	}
	service := s10.ServiceToAuthority
	if kind == shipment.KindDelivery || kind == shipment.KindReturn {
		service = s10.ServiceToCitizen
	}
	n, err := s10.New(service, serial)
	if err != nil {
		return "", fmt.Errorf("open shipment: %w", err)
	}
	return n.String(), nil
}

// servingPostOffice is the post office that serves office, or, for an address (office
// empty), the one that serves the desk that received the dossier.
func servingPostOffice(ctx context.Context, offices Offices, office, receiving string) (string, error) {
	if office == "" {
		office = receiving
	}
	o, ok, err := offices.Office(ctx, office)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("office %s: %w", office, ErrUnknownOffice)
	}
	if o.Kind == kindPostOffice {
		return o.Code, nil
	}
	if o.PostOffice == "" {
		return "", fmt.Errorf("office %s: %w", office, ErrNotServed)
	}
	return o.PostOffice, nil
}
