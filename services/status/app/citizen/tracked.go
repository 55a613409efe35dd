package citizen

import (
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/status/domain/tracking"
)

// Tracked is what a citizen may see of a dossier, as status's read model holds it, plus
// the PIN hash to check first. The lookup caches it whole, so that a repeated lookup
// costs no database round trip.
type Tracked struct {
	tracking.Summary
	// Version is the newest dossier event folded into it: the cache refuses a view older
	// than an event it heard.
	Version int
	PINHash []byte
	// Channel is how the dossier was handed in: desk, online or post. A dossier a desk
	// registered by post waits at the citizen's home for the post to pick its papers up.
	Channel string
	// The offices the dossier was received at and is handled by, to name the offices
	// of postal steps.
	ReceivingOfficeCode string
	ReceivingOfficeName string
	HandlingOfficeCode  string
	HandlingOfficeName  string
	// Timeline is the dossier's own steps, in version order.
	Timeline []DossierStep
	// Shipments are the dossier's postal legs, in the order they were created.
	Shipments []ShipmentLeg
	// Postal is one step per shipment event, by time (then tracking number and
	// version); the view merges it into Timeline by time.
	Postal []PostalStep
	// Result is the result's file the citizen can download now (a result given
	// electronically, completed with its file); nil otherwise.
	Result *ResultFile
	// FeeDueVND and FeePaidVND are the dossier's fee and what was paid of it.
	FeeDueVND  int64
	FeePaidVND int64
	// Receipts are the receipts of the fees paid, in the order they were recorded.
	Receipts []Receipt
	// Notices are the notices the citizen was sent, by time.
	Notices []NoticeSent
	// ResultPostOffice is the post office at whose counter the citizen collects the
	// result; nil unless the result is to be collected at a post office.
	ResultPostOffice *Ref
}

// NoticeSent is a notice the citizen was sent: what it told (its kind, as intake names
// it), how (mail, sms, zns) and when; EventID is the event that said so.
type NoticeSent struct {
	EventID       uuid.UUID
	Kind, Channel string
	At            time.Time
}

// Receipt is the receipt of a fee paid: the desk's, or the electronic receipt intake
// issued for a fee paid online (Electronic).
type Receipt struct {
	Number     string
	AmountVND  int64
	At         time.Time
	Electronic bool
}

// ResultFile is the fingerprint of the result's file a citizen downloads from intake.
type ResultFile struct {
	Name        string
	ContentType string
	Size        int64
	SHA256      string
}

// DossierStep is one step of a dossier's own timeline.
type DossierStep struct {
	Version int64
	EventID uuid.UUID
	At      time.Time
	// Type names the step: the event's kind, or result_transferred / result_accepted
	// for the legs of the result on its way back.
	Type string
	// The office concerned: where a transfer goes, otherwise the office that acted.
	OfficeCode string
	OfficeName string
	Detail     *StepDetail
}

// StepDetail is what a citizen may learn of a step beyond its name: the documents a
// supplement request asks for, the new appointment of an apology.
type StepDetail struct {
	Items    []string
	NewDueAt *time.Time
}

// ShipmentLeg is a postal leg of a dossier as its newest event leaves it.
type ShipmentLeg struct {
	TrackingNumber string
	// Kind is the leg: pickup, transfer, delivery or return.
	Kind string
	// Status is the newest event's type; ReasonCode why a delivery failed.
	Status     string
	ReasonCode string
	UpdatedAt  time.Time
	// The post offices that take the leg in (origin) and deliver it (destination), by
	// code and by the name a dossier event gave them ("" when none did); the codes are
	// empty for a leg folded before status kept them.
	OriginPostOfficeCode      string
	OriginPostOfficeName      string
	DestinationPostOfficeCode string
	DestinationPostOfficeName string
}

// PostalStep is one shipment event on a dossier's timeline. Its EventID tells the cache
// whether a view already holds an event it heard of.
type PostalStep struct {
	EventID        uuid.UUID
	At             time.Time
	Type           string
	Kind           string
	TrackingNumber string
	FromOfficeCode string
	ToOfficeCode   string
	ReasonCode     string
}
