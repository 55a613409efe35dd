// Package app holds postal's use cases: opening shipments (from dossier events or at a
// desk's request), recording the steps postal workers report, and the run sheets. It
// orchestrates the domain rules, the store and the outbox; it knows nothing of HTTP.
package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/postal/adapters/store"
	"github.com/motcua/motcua/services/postal/domain/s10"
	"github.com/motcua/motcua/services/postal/events"
)

// Opening is a shipment to open for a dossier.
type Opening struct {
	Kind      string
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
	PaidBy     string
	PostageVND int64
	By         string
	At         time.Time
	// RequestHash is the hash of a desk's request; the same source with another hash is
	// ErrKeyReused.
	RequestHash []byte
}

// ErrUnknownOffice is an opening that names an office the post does not know (yet).
var ErrUnknownOffice = errors.New("the post does not know this office")

// ErrNotServed is an opening between offices no post office serves.
var ErrNotServed = errors.New("no post office serves this office")

// Open opens the shipment o describes in tx, with a new S10 tracking number, and queues
// its event; created is false when the source had opened it already.
func Open(ctx context.Context, tx pgx.Tx, o Opening) (store.Shipment, bool, error) {
	if prior, ok, err := store.ShipmentBySource(ctx, tx, o.Source); err != nil || ok {
		return reopened(prior, o, err)
	}
	d, ok, err := store.DossierByID(ctx, tx, o.DossierID)
	if err != nil {
		return store.Shipment{}, false, err
	}
	if !ok {
		return store.Shipment{}, false, fmt.Errorf("open shipment: dossier %s: %w", o.DossierID, ErrUnknownDossier)
	}
	if o.Kind == "return" && o.To == "" {
		o.To = d.ReceivingOffice // a result comes back to the desk that received the dossier
	}
	origin := o.Origin
	if origin == "" {
		if origin, err = servingPostOffice(ctx, tx, o.From, d.ReceivingOffice); err != nil {
			return store.Shipment{}, false, err
		}
	}
	destination, err := servingPostOffice(ctx, tx, o.To, d.ReceivingOffice)
	if err != nil {
		return store.Shipment{}, false, err
	}
	serial, err := store.NextSerial(ctx, tx)
	if err != nil {
		return store.Shipment{}, false, err
	}
	service := s10.ServiceToAuthority
	if o.Kind == "delivery" || o.Kind == "return" {
		service = s10.ServiceToCitizen
	}
	tn, err := s10.New(service, serial)
	if err != nil {
		return store.Shipment{}, false, fmt.Errorf("open shipment: %w", err)
	}
	s := store.Shipment{
		ID: uuid.New(), TrackingNumber: tn.String(), Kind: o.Kind, Status: "created", DossierID: d.ID, DossierCode: d.Code,
		FromOffice: o.From, ToOffice: o.To, AddressSealed: o.AddressSealed, OriginPostOffice: origin,
		DestinationPostOffice: destination, PostageVND: o.PostageVND, PaidBy: o.PaidBy, LastEventAt: o.At, Version: 1,
		Source: o.Source, ReturnsTrackingNumber: o.Returns, RequestHash: o.RequestHash, CreatedAt: o.At,
	}
	created, err := store.InsertShipment(ctx, tx, s)
	if err != nil {
		return s, false, err
	}
	if !created {
		// Another transaction opened it from the same source meanwhile: answer with theirs.
		prior, _, err := store.ShipmentBySource(ctx, tx, o.Source)
		return reopened(prior, o, err)
	}
	msg, err := events.Created(s, o.At)
	if err != nil {
		return s, false, err
	}
	err = store.InsertEvent(ctx, tx, store.Event{EventID: msg.EventID, ShipmentID: s.ID, Version: 1, Type: "created",
		OccurredAt: o.At, Username: o.By, PostOffice: origin, Automatic: o.By == SystemActor})
	if err != nil {
		return s, false, err
	}
	if err := outbox.Add(ctx, tx, msg); err != nil {
		return s, false, err
	}
	return s, true, nil
}

// reopened answers an opening whose source had opened a shipment already: that one,
// unless a desk's request with the same key asked for something else.
func reopened(prior store.Shipment, o Opening, err error) (store.Shipment, bool, error) {
	if err != nil {
		return prior, false, err
	}
	if o.RequestHash != nil && !bytes.Equal(prior.RequestHash, o.RequestHash) {
		return prior, false, ErrKeyReused
	}
	return prior, false, nil
}

// ErrKeyReused is an Idempotency-Key sent again with another request.
var ErrKeyReused = errors.New("idempotency key reused for another request")

// SystemActor names the product itself in a shipment's log, for the steps no person took.
const SystemActor = "motcua"

// ErrUnknownDossier is a shipment for a dossier the post does not know (yet).
var ErrUnknownDossier = errors.New("the post does not know this dossier")

// servingPostOffice is the post office that serves office, or, for an address (office
// empty), the one that serves the desk that received the dossier.
func servingPostOffice(ctx context.Context, q store.Querier, office, receiving string) (string, error) {
	if office == "" {
		office = receiving
	}
	o, ok, err := store.OfficeOf(ctx, q, office)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("office %s: %w", office, ErrUnknownOffice)
	}
	if o.Kind == "post_office" {
		return o.Code, nil
	}
	if o.PostOffice == "" {
		return "", fmt.Errorf("office %s: %w", office, ErrNotServed)
	}
	return o.PostOffice, nil
}
