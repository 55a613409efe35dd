package app

import (
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/officekind"

	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// ShipmentRecord is a shipment as the post keeps it: what the rules and the events see,
// and what only the post needs besides (the citizen's address, sealed; where it was
// opened from; the desk's request that opened it).
type ShipmentRecord struct {
	shipment.Shipment
	// AddressSealed is the citizen's address on a pickup or a delivery, sealed as
	// AddressField of its kind says.
	AddressSealed []byte
	// Source names what opened it; a second opening from the same source is the same
	// shipment.
	Source string
	// RequestHash is the hash of the desk's request that opened it, if one did.
	RequestHash []byte
}

// EventRecord is a step of a shipment as the post keeps it. The recipient's name, ID
// digits and signature are sealed.
type EventRecord struct {
	EventID    uuid.UUID
	ShipmentID uuid.UUID
	// Version is the shipment's version after the step (its creation is version 1).
	Version    int
	Type       shipment.Status
	OccurredAt time.Time
	// RecordedAt is when the post learned of it; the store sets it.
	RecordedAt time.Time
	// Username is who reported it, SystemActor for the steps no person took.
	Username   string
	PostOffice string
	Automatic  bool
	SealNumber string
	ReasonCode string
	ActionCode string
	// Relation is the recipient's relation to the applicant, on delivered.
	Relation            string
	RecipientNameSealed []byte
	IDLast4Sealed       []byte
	SignatureSealed     []byte
	// RequestHash is the hash of the worker's request, so a resent event can be told
	// from another one sent with the same id.
	RequestHash []byte
	// Handover is the hand-over record whose confirmation made the step, if one did
	// (uuid.Nil otherwise); the store reads it from the record's items.
	Handover uuid.UUID
}

// PriorEvent is a worker's event recorded before: on which shipment, what was sent and
// what was answered, to answer a resend the same way.
type PriorEvent struct {
	TrackingNumber string
	RequestHash    []byte
	// Answer is the answer given the first time; empty for a step no worker sent.
	Answer View
}

// DossierCopy is what the post knows of a dossier from intake's events: its code, the
// desk that received it and, sealed, where to pick it up and where to deliver its
// result.
type DossierCopy struct {
	ID                    uuid.UUID
	Code                  string
	ReceivingOffice       string
	ProcedureName         string
	PickupAddressSealed   []byte
	DeliveryAddressSealed []byte
	// Offices are every office the dossier has been at or is going to: their staff see
	// its shipments.
	Offices []string
	// Holder is the office that holds the dossier now, the only one that may open a
	// shipment for it; empty when no event has said it yet.
	Holder string
}

// Involves reports whether who belongs to an office the dossier has been at or is
// going to.
func (d DossierCopy) Involves(who *auth.Principal) bool {
	return slices.ContainsFunc(d.Offices, who.InOffice) || who.InOffice(d.ReceivingOffice)
}

// Office is an office as intake publishes it.
type Office struct {
	Code       string
	Name       string
	Kind       string
	ParentCode string
	Address    string
	// PostOffice is the code of the post office that serves the office.
	PostOffice string
	// Revision orders intake's changes: an older one never replaces a newer.
	Revision int64
}

// kindPostOffice is the kind of an office that is a post office.
const kindPostOffice = officekind.PostOffice

// RunSheet is a post office's duties for a day: what to pick up (where it starts) and
// what to deliver (where it ends), each still to do or done that day.
type RunSheet struct {
	Pickups    []ShipmentRecord
	Deliveries []ShipmentRecord
}
