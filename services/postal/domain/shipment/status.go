// Package shipment holds the rules of a shipment of the public post (Decision
// 45/2016/QĐ-TTg): the legs a shipment covers, the steps a postal worker records and the
// order they may come in, what each step must carry (the seal, the reason and action of a
// failed delivery, the proof of delivery), and the rule that sends an undeliverable item
// back after two failed attempts at least two working days apart. No I/O.
//
// A postal worker's event arrives as an Input; the caller normalizes and validates it
// (422 problems, a *FieldError), then Record applies it to the Shipment and returns the
// new state and the events to publish, or an *OrderError (409) when the event cannot
// follow the shipment's last one.
package shipment

import (
	"slices"

	"github.com/motcua/motcua/proto/vocabulary"
)

// Kind is the leg a shipment covers.
type Kind string

// The kinds of shipment of the contract.
const (
	// KindPickup: the dossier is collected from the citizen (at home or at a post office)
	// and taken to the desk.
	KindPickup Kind = "pickup"
	// KindTransfer: the papers travel by post between two offices.
	KindTransfer Kind = "transfer"
	// KindDelivery: the result is delivered to the citizen's address.
	KindDelivery Kind = "delivery"
	// KindReturn: a result the post could not deliver goes back to the desk.
	KindReturn Kind = "return"
)

// Kinds lists every kind of shipment.
var Kinds = []Kind{KindPickup, KindTransfer, KindDelivery, KindReturn}

// ParseKind returns the kind named s, if there is one.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Labels returns the kind (the leg of the post it covers) in Vietnamese and in English,
// from the one catalogue of words; an unknown kind is returned as it is.
func (k Kind) Labels() (vi, en string) {
	w := vocabulary.Leg(string(k))
	return w.VI, w.EN
}

// Status is where a shipment stands: the type of the last event recorded, or Created
// before the first.
type Status string

// The statuses of a shipment, in the order a shipment usually passes through them; each
// but Created is also the type of an event a postal worker records.
const (
	// Created: the shipment is opened and waits for the post.
	Created Status = "created"
	// Accepted: the post took the item at its counter (or at the office sending it),
	// packed and sealed it (UPU EMA, posting).
	Accepted Status = "accepted"
	// PickedUp: a postal worker collected the item.
	PickedUp Status = "picked_up"
	// InTransit: the item is on its way between post offices (may be recorded at each).
	InTransit Status = "in_transit"
	// Arrived: the item reached the post office that delivers it.
	Arrived Status = "arrived"
	// OutForDelivery: a postal worker is taking the item to the recipient.
	OutForDelivery Status = "out_for_delivery"
	// Delivered: the recipient signed for the item (UPU EMI, final delivery).
	Delivered Status = "delivered"
	// DeliveryFailed: an attempt to deliver to the citizen failed, with a reason and the
	// action taken (UPU EMH, unsuccessful attempt).
	DeliveryFailed Status = "delivery_failed"
	// Returned: the item goes back to the sender (the desk).
	Returned Status = "returned"
)

// Statuses lists every status.
var Statuses = []Status{Created, Accepted, PickedUp, InTransit, Arrived, OutForDelivery, Delivered,
	DeliveryFailed, Returned}

// EventTypes lists the statuses a postal worker may record: every status but Created.
var EventTypes = []Status{Accepted, PickedUp, InTransit, Arrived, OutForDelivery, Delivered,
	DeliveryFailed, Returned}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Recordable reports whether a postal worker may record an event of type s (one of
// EventTypes), whatever the shipment's state.
func (s Status) Recordable() bool { return s != Created && s.Valid() }

// Labels returns the status in plain Vietnamese and English, as the post's pages and
// answers say it, from the one catalogue of words; an unknown status is returned as it
// is.
func (s Status) Labels() (vi, en string) {
	w := s.Words()
	return w.VI, w.EN
}

// Words name the status as the post's pages and answers say it, from the one catalogue
// of words.
func (s Status) Words() vocabulary.Words { return vocabulary.PostStatus(string(s)) }

// StepWords name a step of type s in a shipment's list of steps: the status it brought
// the shipment to, but for the first, which opened it.
func (s Status) StepWords() vocabulary.Words {
	if s == Created {
		return vocabulary.ShipmentOpened
	}
	return s.Words()
}

// Terminal reports whether the shipment has ended: nothing can be recorded after
// delivered or returned.
func (s Status) Terminal() bool { return s == Delivered || s == Returned }

// Payer is who pays the postage.
type Payer string

// The payers of postage.
const (
	PaidByCitizen   Payer = "citizen"
	PaidByAuthority Payer = "authority"
)

// Valid reports whether p is one of the payers.
func (p Payer) Valid() bool { return p == PaidByCitizen || p == PaidByAuthority }
