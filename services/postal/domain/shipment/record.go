package shipment

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/worktime"
)

// Shipment is a shipment as the rules and its events see it: what it carries between
// which places, and where it stands. Record reads and changes only where it stands; the
// rest says which shipment it is, for the events that tell the other services.
type Shipment struct {
	ID uuid.UUID
	// TrackingNumber is the item's UPU S10 number, e.g. EE123456785VN.
	TrackingNumber string
	Kind           Kind
	Status         Status
	// DossierID and DossierCode name the dossier whose papers or result it carries.
	DossierID   uuid.UUID
	DossierCode string
	// FromOffice and ToOffice are the offices of its ends; FromOffice is empty for a
	// pickup at the citizen's address, ToOffice for a delivery there.
	FromOffice string
	ToOffice   string
	// ReturnsTrackingNumber is, on a return, the delivery that could not be made.
	ReturnsTrackingNumber string
	CreatedAt             time.Time
	// OriginPostOffice and DestinationPostOffice are the codes of the post offices that
	// pick the item up and deliver it.
	OriginPostOffice      string
	DestinationPostOffice string
	// FailedAttempts counts the failed delivery attempts; FirstFailedAt is when the first
	// one happened (nil before it).
	FailedAttempts int
	FirstFailedAt  *time.Time
	// SealNumber is the number of the seal put on the envelope.
	SealNumber string
	// PostageVND is the postage charged so far, in đồng, and PaidBy who pays it.
	PostageVND int64
	PaidBy     Payer
	// FeeCollectedVND is the authority's fee a post office collected with the dossier it
	// took at its counter or at the citizen's door (a pickup); handed over to the
	// authority with the day's cash statement.
	FeeCollectedVND int64
	// LastEventAt is when the last recorded event happened (the shipment's creation
	// before the first): no event may be dated before it.
	LastEventAt time.Time
	// Version is the version of the shipment's last published event (its creation is
	// version 1); each recorded event, the automatic return included, adds one.
	Version int
}

// Recorded is an event Record accepted, to publish: the postal worker's, or the automatic
// return the failed-delivery rule adds after it.
type Recorded struct {
	Type Status
	// At is when it happened: the time the postal worker gave; an automatic return has
	// the time of the failed attempt that triggered it.
	At time.Time
	// Automatic is set on a return the product decided, not a postal worker.
	Automatic bool
	// FailedAttempts is the number of failed delivery attempts so far.
	FailedAttempts int
	// ReasonCode and ActionCode: on delivery_failed, as recorded; on an automatic return,
	// the reason of the attempt that triggered it and return_to_sender.
	ReasonCode string
	ActionCode string
	// SealNumber is the seal recorded by accepted (or picked_up).
	SealNumber string
	// Relation is the recipient's relation to the applicant, on delivered.
	Relation string
}

// Clock is the working-day calendar the failed-delivery rule counts with
// (worktime.Calendar).
type Clock interface {
	// Location is the time zone the days are counted in.
	Location() *time.Location
	// IsWorkingDay reports whether d is a working day.
	IsWorkingDay(d worktime.Date) bool
}

// order lists, for each status, the event types that may follow it on any shipment. A
// delivery to the citizen also allows delivery_failed after out_for_delivery (see Next).
var order = map[Status][]Status{
	Created:        {Accepted, PickedUp},
	Accepted:       {PickedUp, InTransit},
	PickedUp:       {InTransit, Arrived, OutForDelivery, Delivered},
	InTransit:      {InTransit, Arrived, OutForDelivery, Delivered},
	Arrived:        {OutForDelivery, Delivered},
	OutForDelivery: {Delivered, DeliveryFailed},
	DeliveryFailed: {OutForDelivery, Delivered, Returned},
}

// Next returns the event types that may follow a shipment of kind k whose status is s,
// in a fixed order; none after delivered or returned.
//
// Only a delivery to the citizen can fail (delivery_failed): the other legs end at an
// office or a desk, open in office hours, whose clerk signs for the item, so a leg that
// could not be handed over simply stays out for delivery until it is. And an item goes
// back (returned) only after a failed delivery, so returned, too, belongs to deliveries.
func Next(k Kind, s Status) []Status {
	next := slices.Clone(order[s])
	if k != KindDelivery {
		next = slices.DeleteFunc(next, func(t Status) bool { return t == DeliveryFailed })
	}
	return next
}

// OrderError is an event that cannot follow the shipment's last one (a 409).
type OrderError struct {
	// Kind is the shipment's kind, Status where it stands.
	Kind   Kind
	Status Status
	// Type is the event refused, Allowed the types that may come next.
	Type    Status
	Allowed []Status
}

// Error says in English why, and what may come next, naming steps by code.
func (e *OrderError) Error() string { return e.Words(ByCode).EN }

// Words say why the event cannot be recorded now and what may come next, naming steps
// and statuses as naming does.
func (e *OrderError) Words(naming Naming) vocabulary.Words {
	if e.Status.Terminal() {
		return vocabulary.Problem("", "event_out_of_order.ended", naming.Step(e.Type), naming.Status(e.Status))
	}
	said := []vocabulary.Words{vocabulary.Problem("", "event_out_of_order", naming.Step(e.Type), naming.Status(e.Status))}
	if e.Type == DeliveryFailed && e.Kind != KindDelivery {
		said = append(said, vocabulary.Problem("", "event_out_of_order.not_a_delivery"))
	}
	if e.Type == Returned && e.Status != DeliveryFailed {
		said = append(said, vocabulary.Problem("", "event_out_of_order.not_failed"))
	}
	if len(e.Allowed) == 0 {
		said = append(said, vocabulary.Problem("", "event_out_of_order.none"))
	} else {
		next := make([]vocabulary.Words, len(e.Allowed))
		for i, t := range e.Allowed {
			next[i] = naming.Step(t)
		}
		said = append(said, vocabulary.Problem("", "event_out_of_order.next", vocabulary.Join(next, ", ")))
	}
	return vocabulary.Join(said, " ")
}

// Naming is how a message names the steps (event types) and the status of a shipment.
type Naming struct {
	Step   func(Status) vocabulary.Words
	Status func(Status) vocabulary.Words
}

// ByCode names steps by the codes a client of the API sends, and a status by its words
// and its code.
var ByCode = Naming{
	Step: func(t Status) vocabulary.Words { return vocabulary.Words{VI: string(t), EN: string(t)} },
	Status: func(s Status) vocabulary.Words {
		w := s.Words()
		return vocabulary.Words{VI: "“" + w.VI + "” (" + string(s) + ")",
			EN: strconv.Quote(strings.ToLower(w.EN)) + " (" + string(s) + ")"}
	},
}

// InWords names steps and statuses in words, as the pages say them.
var InWords = Naming{Step: quoted, Status: quoted}

// quoted is a status's words between quotation marks.
func quoted(s Status) vocabulary.Words {
	w := s.Words()
	return vocabulary.Words{VI: "“" + w.VI + "”", EN: "“" + w.EN + "”"}
}

// ReturnAfterWorkingDays is how many working days after the first failed attempt a later
// failed attempt sends the item back (the postal rule: two notices at least two working
// days apart).
const ReturnAfterWorkingDays = 2

// Record applies in to s at now (the server's time). It returns the new state and the
// events to publish: the one recorded and, when the failed-delivery rule fires, an
// automatic "returned" after it. Record normalizes and validates its own copy of in, so
// it may be given the input as posted.
//
// Errors, and s unchanged: a *FieldError when the input is invalid (see Validate), an
// *OrderError when its type cannot follow the shipment's status, a *FieldError on
// occurred_at when it is more than MaxClockSkew after now ("in_the_future") or before
// the shipment's last event ("before_last_event"; the same instant is accepted). A phone
// may queue events offline, so they may be hours old, but never out of order.
//
// The failed-delivery rule (domain §5): every delivery_failed counts an attempt, and the
// first sets FirstFailedAt. The item goes back at once when the action is
// return_to_sender or the reason is one another attempt cannot cure (FinalReason:
// address_not_found, refused, moved, unknown_recipient), whatever action was written;
// otherwise it goes back on the second or a later attempt made at least
// ReturnAfterWorkingDays working days after the first: counting the working days
// strictly after the first attempt's date up to and including this attempt's date, both
// in clock.Location().
func Record(s Shipment, in Input, now time.Time, clock Clock) (Shipment, []Recorded, error) {
	if in.Proof != nil {
		p := *in.Proof
		in.Proof = &p
	}
	in.Normalize()
	if fe := in.Validate(); fe != nil {
		return s, nil, fe
	}
	next := Next(s.Kind, s.Status)
	if !slices.Contains(next, in.Type) {
		return s, nil, &OrderError{Kind: s.Kind, Status: s.Status, Type: in.Type, Allowed: next}
	}
	loc := clock.Location()
	at := in.OccurredAt
	if at.After(now.Add(MaxClockSkew)) {
		return s, nil, Invalid("occurred_at", "in_the_future", at.In(loc), now.In(loc))
	}
	if at.Before(s.LastEventAt) {
		return s, nil, Invalid("occurred_at", "before_last_event", at.In(loc), s.LastEventAt.In(loc))
	}

	rec := Recorded{Type: in.Type, At: at}
	switch in.Type {
	case Accepted, PickedUp:
		if in.SealNumber != "" {
			s.SealNumber = in.SealNumber
			rec.SealNumber = in.SealNumber
		}
	case Delivered:
		rec.Relation = in.Proof.Relation
	case DeliveryFailed:
		s.FailedAttempts++
		if s.FirstFailedAt == nil {
			first := at
			s.FirstFailedAt = &first
		}
		rec.ReasonCode, rec.ActionCode = in.ReasonCode, in.ActionCode
	}
	if in.PostageVND != nil {
		s.PostageVND = *in.PostageVND
	}
	if in.PaidBy != "" {
		s.PaidBy = in.PaidBy
	}
	s.Status, s.LastEventAt = in.Type, at
	s.Version++
	rec.FailedAttempts = s.FailedAttempts
	out := []Recorded{rec}

	if in.Type == DeliveryFailed && returnDue(s, in, clock) {
		s.Status = Returned
		s.Version++
		out = append(out, Recorded{Type: Returned, At: at, Automatic: true, FailedAttempts: s.FailedAttempts,
			ReasonCode: in.ReasonCode, ActionCode: ActionReturnToSender})
	}
	return s, out, nil
}

// returnDue is the failed-delivery rule, on the shipment after the attempt in is counted.
func returnDue(s Shipment, in Input, clock Clock) bool {
	if in.ActionCode == ActionReturnToSender || FinalReason(in.ReasonCode) {
		return true
	}
	if s.FailedAttempts < 2 || s.FirstFailedAt == nil {
		return false
	}
	return workingDaysAfter(clock, *s.FirstFailedAt, in.OccurredAt, ReturnAfterWorkingDays) >= ReturnAfterWorkingDays
}

// WorkingDaysBetween counts the working days strictly after from's date up to and
// including to's date, both taken in clock.Location(); 0 when to's date is not after
// from's. It is the count the failed-delivery rule compares with ReturnAfterWorkingDays.
func WorkingDaysBetween(clock Clock, from, to time.Time) int {
	return workingDaysAfter(clock, from, to, -1)
}

// workingDaysAfter is WorkingDaysBetween, stopping once it reaches limit (when limit is
// not negative), since the rule only needs to know whether the count reaches it.
func workingDaysAfter(clock Clock, from, to time.Time, limit int) int {
	loc := clock.Location()
	first, last := worktime.DateOf(from.In(loc)), worktime.DateOf(to.In(loc))
	n := 0
	for d := first.AddDays(1); !d.After(last) && (limit < 0 || n < limit); d = d.AddDays(1) {
		if clock.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

// NeedsReturnShipment reports whether the events just recorded ended a delivery to the
// citizen with "returned": the caller then opens a KindReturn shipment that brings the
// result back to the desk. Only a delivery can end so (see Next).
func NeedsReturnShipment(kind Kind, recorded []Recorded) bool {
	if kind != KindDelivery {
		return false
	}
	return slices.ContainsFunc(recorded, func(r Recorded) bool { return r.Type == Returned })
}
