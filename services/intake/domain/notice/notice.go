// Package notice holds the rules of what a citizen is told and how: which changes of a
// dossier are worth a message, through which channels a message goes, when a text
// message may be sent, and what a message may carry. A notice is one message about one
// event to one address; it names the dossier and the facts of the event, never the
// citizen's ID number or full address, and the lookup PIN only in the message that
// first gives it (an online submission's).
package notice

import (
	"time"

	"github.com/google/uuid"
)

// Kind is what a notice tells.
type Kind string

// The kinds of notice, after the events that cause them.
const (
	// Submitted: a dossier submitted online has its code and PIN.
	Submitted Kind = "submitted"
	// Received: the desk received the dossier; the appointment is set.
	Received Kind = "received"
	// SupplementRequested: papers are missing (what, and why).
	SupplementRequested Kind = "supplement_requested"
	// PaymentRequested: a fee is to be paid.
	PaymentRequested Kind = "payment_requested"
	// Apology: the office cannot keep the appointment; a new one is set.
	Apology Kind = "apology"
	// ResultReady: the result waits to be collected, or to be downloaded.
	ResultReady Kind = "result_ready"
	// OutForDelivery, DeliveryFailed and Delivered: the post carries the result home.
	OutForDelivery Kind = "out_for_delivery"
	DeliveryFailed Kind = "delivery_failed"
	Delivered      Kind = "delivered"
	// Refused: the dossier was refused, with the reason.
	Refused Kind = "refused"
	// Paid: a fee paid online was recorded; the electronic receipt's number.
	Paid Kind = "paid"
)

// Kinds is every kind, in the order a dossier's life meets them.
var Kinds = []Kind{Submitted, Received, SupplementRequested, PaymentRequested, Apology, ResultReady,
	OutForDelivery, DeliveryFailed, Delivered, Refused, Paid}

// CarriesPIN says whether a notice of kind k gives the lookup PIN: only the message that
// first gives it to the citizen, an online submission's.
func (k Kind) CarriesPIN() bool { return k == Submitted }

// Facts are what a notice says besides the dossier's code: the event's own facts.
type Facts struct {
	// Procedure is the procedure's name.
	Procedure string `json:"procedure,omitempty"`
	// At is when the event happened.
	At time.Time `json:"at"`
	// Appointment is the date the result is due (received, apology).
	Appointment time.Time `json:"appointment,omitzero"`
	// Items are the missing papers, and Reason why (supplement, refusal, apology).
	Items  []string `json:"items,omitempty"`
	Reason string   `json:"reason,omitempty"`
	// AmountVND is the fee asked.
	AmountVND int64 `json:"amount_vnd,omitempty"`
	// Receipt is the number of the electronic receipt of a fee paid online.
	Receipt string `json:"receipt,omitempty"`
	// Tracking is the post's number of the result's delivery.
	Tracking string `json:"tracking,omitempty"`
	// Online says the citizen submitted the dossier online (a result is downloaded
	// then).
	Online bool `json:"online,omitempty"`
}

// Notice is one change of a dossier worth telling its citizen.
type Notice struct {
	// EventID is the event that caused it: a notice is told once per event and address.
	EventID uuid.UUID
	// DossierID names the dossier (its code is read from it).
	DossierID uuid.UUID
	Kind      Kind
	Facts     Facts
}

// namespace makes a notice's id from its event and channel.
var namespace = uuid.MustParse("6f1d3c52-9a0e-4b8e-8f3c-5d7e2a1b9c40")

// ID is the id of the notice n sent through ch: the same event and channel always give
// the same id, so an event delivered twice is told once.
func (n Notice) ID(ch Channel) uuid.UUID {
	return uuid.NewSHA1(namespace, []byte(n.EventID.String()+"/"+string(ch)))
}
