package dossier

import (
	"slices"
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// The steps the post takes, not staff: intake applies them when the postal service
// reports a shipment's journey. They are not among Actions, so no one can take them
// through the API.
const (
	// ActArrive: a transfer leg reached the office the dossier goes to, which has yet
	// to accept it.
	ActArrive Action = "arrive"
	// ActDeliver: the post delivered the result to the citizen.
	ActDeliver Action = "deliver"
	// ActBringBack: the post could not deliver the result and brought it back to a desk.
	ActBringBack Action = "bring-back"
	// ActBringIn: the post delivered at the desk the papers of a dossier a post office
	// took; the desk may now check and receive it.
	ActBringIn Action = "bring-in"
)

// PostalActor is the name the hand-over log gives the post.
const PostalActor = "postal"

// Arrive records that the post delivered the dossier (or its result) to office, the
// office it is in transit to.
func Arrive(s State, office, tracking string, at time.Time, clock Clock) (State, Step, error) {
	if (s.Status != StatusInTransit && s.Status != StatusResultInTransit) || s.PendingOffice != office {
		return s, Step{}, &NotAllowedError{Action: ActArrive, Status: s.Status}
	}
	return s.road(ActArrive, office, tracking, at, clock)
}

// Deliver records that the post handed the result to the citizen: the result is
// returned.
func Deliver(s State, tracking string, at time.Time, clock Clock) (State, Step, error) {
	if s.Status != StatusProcessed && s.Status != StatusResultInTransit {
		return s, Step{}, &NotAllowedError{Action: ActDeliver, Status: s.Status}
	}
	next, step, err := s.road(ActDeliver, s.CurrentOffice, tracking, at, clock)
	next.Status, next.PendingOffice = StatusReturned, ""
	step.Timing = next.Timing
	return next, step, err
}

// BringBack records that an undeliverable result is back at office (the desk it is
// returned to), where the citizen can collect it.
func BringBack(s State, office, tracking string, at time.Time, clock Clock) (State, Step, error) {
	if !slices.Contains([]Status{StatusProcessed, StatusResultInTransit}, s.Status) {
		return s, Step{}, &NotAllowedError{Action: ActBringBack, Status: s.Status}
	}
	next, step, err := s.road(ActBringBack, office, tracking, at, clock)
	step.ToOffice = office
	next.Status, next.CurrentOffice, next.PendingOffice = StatusProcessed, office, ""
	return next, step, err
}

// BringIn records that the post delivered at the desk the papers of a dossier a post
// office took, on the pickup shipment tracking: the desk has them from at.
func BringIn(s State, tracking string, at time.Time, clock Clock) (State, Step, error) {
	if !s.PapersOnTheRoad() || s.PickupTracking != tracking || s.Status.Terminal() {
		return s, Step{}, &NotAllowedError{Action: ActBringIn, Status: s.Status}
	}
	next, step, err := s.road(ActBringIn, s.ReceivingOffice, tracking, at, clock)
	next.PapersAt = at
	step.ToOffice, step.Timing = s.ReceivingOffice, ""
	return next, step, err
}

// road is the step the post took at office.
func (s State) road(a Action, office, tracking string, at time.Time, clock Clock) (State, Step, error) {
	step := Step{Action: a, At: at, Actor: PostalActor, Office: office, FromOffice: s.CurrentOffice,
		TrackingNumber: tracking, Timing: worktime.Judge(at, s.DueAt, clock.Location())}
	s.Version++
	return s, step, nil
}
