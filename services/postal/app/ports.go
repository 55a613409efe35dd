package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/outbox"
)

// ShipmentWriter holds the only two transaction boundaries of a shipment. Each call is
// one transaction: its own, or a part of the one the writer is bound to (a consumer's,
// which records the event it applies beside it). The function given runs inside it,
// reads through the ShipmentTx it is handed and decides; the writer saves what it
// decided, all or nothing. A function that fails leaves nothing behind.
type ShipmentWriter interface {
	// Create opens a shipment unless source opened one already: then it returns that one
	// with created false, without calling build. Otherwise it saves the NewShipment
	// build returns, its first event and its message. When another transaction opens one
	// from the same source meanwhile, Create returns theirs.
	Create(ctx context.Context, source string, build func(ShipmentTx) (NewShipment, error)) (s ShipmentRecord, created bool, err error)
	// Update locks the shipment with trackingNumber and calls decide with it; it saves
	// the Change decide returns. It fails with ErrNotFound when there is no such
	// shipment, and with ErrEventReused when a step's event id was taken meanwhile by
	// another shipment's event.
	Update(ctx context.Context, trackingNumber string, decide func(ShipmentTx, ShipmentRecord) (Change, error)) error
}

// ShipmentTx is what a decision may read inside the transaction it runs in (a
// transaction reads through itself: its connection is already taken).
type ShipmentTx interface {
	Offices
	// Dossier returns the dossier with id; ok is false when the post does not know it.
	Dossier(ctx context.Context, id uuid.UUID) (d DossierCopy, ok bool, err error)
	// NextSerial takes the next serial number for an S10 tracking number.
	NextSerial(ctx context.Context) (int, error)
	// PriorEvent returns the event with id recorded before, if any.
	PriorEvent(ctx context.Context, id uuid.UUID) (p PriorEvent, ok bool, err error)
}

// Offices finds the post's copies of offices.
type Offices interface {
	// Office returns the office with code; ok is false when the post does not know it.
	Office(ctx context.Context, code string) (o Office, ok bool, err error)
}

// ShipmentStore keeps postal's shipments and its copies of dossiers and offices: the two
// writes of ShipmentWriter, and the reads the answers need outside a transaction.
type ShipmentStore interface {
	ShipmentWriter
	Offices
	// Shipment returns the shipment with trackingNumber; ok is false when there is none.
	Shipment(ctx context.Context, trackingNumber string) (s ShipmentRecord, ok bool, err error)
	// ShipmentsOfDossier lists the shipments of the dossier with code, oldest first.
	ShipmentsOfDossier(ctx context.Context, code string) ([]ShipmentRecord, error)
	// Events lists the steps of the shipment with id, in order.
	Events(ctx context.Context, shipmentID uuid.UUID) ([]EventRecord, error)
	// DossierByCode returns the dossier with code; ok is false when the post does not
	// know it.
	DossierByCode(ctx context.Context, code string) (d DossierCopy, ok bool, err error)
	// RunSheet returns the duties of postOffice for the day [from, to).
	RunSheet(ctx context.Context, postOffice string, from, to time.Time) (RunSheet, error)
	// CounterPickups lists the pickups postOffice took at its counter (it is where they start)
	// during [from, to), by the office each goes to, then oldest first: its cash
	// statement's dossiers.
	CounterPickups(ctx context.Context, postOffice string, from, to time.Time) ([]ShipmentRecord, error)
	// RecordReads audits a member of staff's reads of the personal data of shipments.
	RecordReads(ctx context.Context, shipmentIDs []uuid.UUID, username, purpose string) error
}

// NewShipment is a shipment being opened, as it is kept, with the event of its creation
// and the message that announces it.
type NewShipment struct {
	Shipment ShipmentRecord
	Event    EventRecord
	Message  outbox.Message
}

// Change is what a step does to a shipment, for Update to save in its transaction: the
// shipment's new state, the events that led to it with the messages that tell the other
// services, the shipments it opens (the return of an undeliverable result), and the
// answer to give again when the step's event id comes back; it is kept with the first
// event. A Change without events saves nothing (a resent step).
type Change struct {
	Shipment ShipmentRecord
	Events   []EventRecord
	Messages []outbox.Message
	Opens    []NewShipment
	Answer   View
}
