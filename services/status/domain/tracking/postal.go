package tracking

import "github.com/motcua/motcua/proto/vocabulary"

// The legs of the post and the words for their steps are the catalogue's
// (vocabulary.Leg, vocabulary.PostalStep); here is which of them a citizen reads.

// PostalStepTypes are the timeline types of shipment events, in the order a leg goes
// through them: shipment_<the event's type>.
var PostalStepTypes = []string{"shipment_created", "shipment_accepted", "shipment_picked_up", "shipment_in_transit",
	"shipment_arrived", "shipment_out_for_delivery", "shipment_delivered", "shipment_delivery_failed",
	"shipment_returned"}

// PostalStepType is the timeline type of a shipment event of type t (created, accepted,
// …): prefixed, so that it cannot be taken for a dossier's step of the same name (the
// dossier's own arrived and returned mean something else).
func PostalStepType(t string) string { return "shipment_" + t }

// deliveryFailed is the type of a failed delivery, which says why it failed.
const deliveryFailed = "delivery_failed"

// PostalStep describes a shipment event for a citizen's timeline.
type PostalStep struct {
	// Kind is the leg: pickup, transfer, delivery or return.
	Kind string
	// Type is created or the recorded event's type (accepted, picked_up, …).
	Type string
	// AtAddress is true when the leg starts at the applicant's address (a pickup
	// without an office of origin).
	AtAddress bool
	// Reason is why a delivery failed.
	Reason string
}

// Words name a shipment event for a citizen: what the post did, on which leg, and for
// a failed delivery why (as far as the reason is known).
func (s PostalStep) Words() vocabulary.Words {
	w := vocabulary.PostalStep(s.Kind, PostalStepType(s.Type), s.AtAddress)
	if s.Type == deliveryFailed {
		w = vocabulary.WithReason(w, s.Reason)
	}
	return w
}

// ShipmentStatus names a shipment's status for a citizen; a failed delivery says why,
// as far as the reason is known.
func ShipmentStatus(status, reason string) vocabulary.Words {
	w := vocabulary.ShipmentStatus(status)
	if status == deliveryFailed {
		w = vocabulary.WithReason(w, reason)
	}
	return w
}
