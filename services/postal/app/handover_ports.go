package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/postal/domain/handover"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// HandoverRecord is a hand-over record (biên bản giao nhận) as the post keeps it: which
// post office gave which office what, who drew it up, and once the receiving side
// confirmed it, who did, when, and their signature, sealed.
type HandoverRecord struct {
	ID uuid.UUID
	// Number is the record's number, printed on it; the store gives it.
	Number     int64
	FromOffice string
	ToOffice   string
	// GivenBy is the postal worker who drew it up.
	GivenBy   string
	CreatedAt time.Time
	// Items are the items in the order listed; a list of records leaves them out and
	// says only how many (ItemCount).
	Items     []HandoverItem
	ItemCount int
	// ConfirmedBy and ConfirmedAt say who of the receiving side confirmed it, and when;
	// empty and nil while it is open. SignatureSealed is their signature.
	ConfirmedBy     string
	ConfirmedAt     *time.Time
	SignatureSealed []byte
	// Source names the request that drew it up; the same source again is the same
	// record. RequestHash is that request's hash.
	Source      string
	RequestHash []byte
}

// Status is where the record stands.
func (h HandoverRecord) Status() handover.Status {
	if h.ConfirmedAt != nil {
		return handover.Confirmed
	}
	return handover.Open
}

// HandoverItem is an item of a record, with what the record prints of its shipment.
type HandoverItem struct {
	ShipmentID     uuid.UUID
	TrackingNumber string
	DossierCode    string
	Kind           shipment.Kind
	SealNumber     string
	Status         shipment.Status
	// EventID is the delivered step the confirmation gave it; uuid.Nil before.
	EventID uuid.UUID
}

// HandoverConfirmation is what a confirmation saves on its record: who, when, the
// signature, and the delivered step of each item, by shipment. The zero value saves
// nothing (a confirmation sent again).
type HandoverConfirmation struct {
	By              string
	At              time.Time
	SignatureSealed []byte
	Events          map[uuid.UUID]uuid.UUID
}

// HandoverTx is what a confirmation may do inside its transaction: record a step of each
// of the record's shipments, each under its row lock, all or nothing with the record,
// and read the post's copies of offices.
type HandoverTx interface {
	ShipmentWriter
	Offices
}

// HandoverStore keeps the hand-over records.
type HandoverStore interface {
	// Give keeps h with its items, unless a record was kept from h's source: then it
	// returns that one with created false. The store numbers it.
	Give(ctx context.Context, h HandoverRecord) (kept HandoverRecord, created bool, err error)
	// Handover returns the record with id and its items; ok is false when there is none.
	Handover(ctx context.Context, id uuid.UUID) (h HandoverRecord, ok bool, err error)
	// HandoverFrom returns the record drawn up from source, if any.
	HandoverFrom(ctx context.Context, source string) (h HandoverRecord, ok bool, err error)
	// HandoversOf lists the latest records given or received by offices, newest first,
	// without their items.
	HandoversOf(ctx context.Context, offices []string, limit int) ([]HandoverRecord, error)
	// Confirm locks the record with id and calls decide with it in one transaction,
	// then saves the confirmation decide returns. It fails with ErrHandoverNotFound when
	// there is no such record.
	Confirm(ctx context.Context, id uuid.UUID, decide func(HandoverTx, HandoverRecord) (HandoverConfirmation, error)) error
	// Waiting counts, by the office they go to, the items postOffice carries whose
	// status is one of statuses.
	Waiting(ctx context.Context, postOffice string, statuses []shipment.Status) ([]WaitingItems, error)
}

// WaitingItems is how many items a post office carries to an office that could be
// handed over now.
type WaitingItems struct {
	Office string
	Count  int
}
