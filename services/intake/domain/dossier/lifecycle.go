package dossier

import (
	"errors"
	"slices"
	"time"

	"github.com/motcua/motcua/services/worktime"

	"github.com/motcua/motcua/proto/vocabulary"
)

// State is what the rules need to know of a dossier to decide an action and to judge
// its timing.
type State struct {
	Status          Status
	ReceivingOffice string
	HandlingOffice  string
	// CurrentOffice holds the papers (or the result); during a transfer it is still the
	// sending office, until PendingOffice accepts.
	CurrentOffice string
	PendingOffice string
	// ReceivedAt is when the desk received the dossier and the clock started; zero while
	// a dossier submitted online awaits the desk's check.
	ReceivedAt time.Time
	// DueAt is the appointment now: the first one, moved on by the time spent waiting for
	// supplements, or replaced by an extension; zero before receipt.
	DueAt         time.Time
	OriginalDueAt time.Time
	// TimeLimitHours is the procedure's legal time limit, which sets the appointment at
	// receipt.
	TimeLimitHours int
	// PausedAt is when the clock stopped to wait for a supplement; nil while it runs.
	PausedAt *time.Time
	// PausedTotal is the working time spent waiting for supplements so far.
	PausedTotal        time.Duration
	SupplementRequests int
	Extended           bool
	FinishedAt         *time.Time
	// Timing is the final timing, set when the dossier finishes.
	Timing         Timing
	Outcome        Outcome
	ResultDelivery DeliveryMethod
	// ResultFile is the id of the result's file the office completed the dossier with;
	// empty when it completed it with none (result.go).
	ResultFile string
	// ResultPostOffice is where the citizen collects the result (DeliverAtPostOffice).
	ResultPostOffice string
	FeeDueVND        int64
	FeePaidVND       int64
	// PickupTracking names the shipment carrying the papers of a dossier a post office
	// took (at its counter or at the citizen's door) to the desk; empty for any other.
	// PapersAt is when the post delivered them there: zero while they are on the road.
	PickupTracking string
	PapersAt       time.Time
	Version        int
}

// Actor is the member of staff who acts, with the offices the account belongs to.
type Actor struct {
	Username string
	Offices  []string
}

// CitizenName names the citizen where staff would be named (who registered a dossier
// submitted online, who sent a supplement): never their address, which is personal data.
const CitizenName = "citizen"

// Citizen is the citizen acting on their own dossier (a supplement online), proved by
// the dossier's PIN: they act where the dossier is.
func Citizen(s State) Actor { return Actor{Username: CitizenName, Offices: []string{s.CurrentOffice}} }

func (a Actor) in(office string) bool { return office != "" && slices.Contains(a.Offices, office) }

// Step is one entry of the processing control slip (form 05): what was done, by whom, for
// which office, when, and whether it was early, on time or late against the appointment.
type Step struct {
	Action        Action
	At            time.Time
	Actor         string
	Office        string
	FromOffice    string
	ToOffice      string
	Via           Via
	Timing        Timing
	Note          string
	Reason        string
	Items         []Document
	OldDueAt      *time.Time
	NewDueAt      *time.Time
	Outcome       Outcome
	AmountVND     int64
	ReceiptNumber string
	// TrackingNumber names the shipment of a step the post took.
	TrackingNumber string
}

// allowed lists, for each status, the actions the one-stop rules permit from it.
var allowed = map[Status][]Action{
	StatusSubmitted:           {ActReceive, ActRequestSupplement, ActRefuse, ActWithdraw},
	StatusReceived:            {ActTransfer, ActAccept, ActRefuse, ActWithdraw},
	StatusInTransit:           {ActAccept, ActWithdraw},
	StatusProcessing:          {ActTransfer, ActRequestSupplement, ActRequestPayment, ActExtend, ActComplete, ActRefuse, ActStop, ActWithdraw},
	StatusSupplementRequested: {ActSupplement, ActStop, ActWithdraw},
	StatusPaymentRequested:    {ActRecordPayment, ActExtend, ActStop, ActWithdraw},
	StatusProcessed:           {ActTransfer, ActReturn},
	StatusResultInTransit:     {ActAccept},
}

// Received reports whether a desk has received the dossier: the clock has started and
// it has an appointment.
func (s *State) Received() bool { return !s.ReceivedAt.IsZero() }

// Allowed returns the actions the rules permit from status s, whoever asks.
func Allowed(s Status) []Action { return slices.Clone(allowed[s]) }

// AllowedFor returns the actions actor may take now: permitted from the status and for
// an office the actor belongs to.
func (s *State) AllowedFor(actor Actor) []Action {
	var out []Action
	for _, a := range allowed[s.Status] {
		if s.permits(a) && actor.in(s.actingOffice(a, actor)) {
			out = append(out, a)
		}
	}
	return out
}

// permits reports whether the rules permit action a from the dossier's state.
// Before receipt the desk gives its guidance for what is missing once; then it receives
// or refuses the dossier.
func (s *State) permits(a Action) bool {
	if a == ActRequestSupplement && !s.Received() && s.SupplementRequests > 0 {
		return false
	}
	if s.PapersOnTheRoad() && a != ActWithdraw {
		return false
	}
	return slices.Contains(allowed[s.Status], a)
}

// PapersOnTheRoad reports whether the dossier is one a post office took whose papers
// the post has yet to deliver at the desk: until then the desk has nothing to check,
// receive or refuse (domain §5: the authority's clock starts when the desk has them).
func (s *State) PapersOnTheRoad() bool { return s.PickupTracking != "" && s.PapersAt.IsZero() }

// actingOffice is the office whose staff may take action a now: the office a transfer
// goes to accepts it; a withdrawal may also be taken at the desk that received the
// dossier; everything else is done by the office that holds the dossier.
func (s *State) actingOffice(a Action, actor Actor) string {
	switch {
	case a == ActAccept && s.PendingOffice != "":
		return s.PendingOffice
	case a == ActWithdraw && !actor.in(s.CurrentOffice) && actor.in(s.ReceivingOffice):
		return s.ReceivingOffice
	}
	return s.CurrentOffice
}

// NotAllowedError is an action the rules do not permit from the dossier's status.
type NotAllowedError struct {
	Action  Action
	Status  Status
	Allowed []Action
	// Why, when set, is the problem code of a reason beyond the status (the papers are
	// still on the road), said before what can be done instead.
	Why string
}

func (e *NotAllowedError) Error() string { return e.Words(ByCode).EN }

// Words say why the action cannot be taken now and what can, naming actions and
// statuses as naming does.
func (e *NotAllowedError) Words(naming Naming) vocabulary.Words {
	head := vocabulary.Problem("", "action_not_allowed", naming.Action(e.Action), naming.Status(e.Status))
	if e.Why != "" {
		head = vocabulary.Problem("", e.Why)
	}
	var tail vocabulary.Words
	switch {
	case e.Status.Terminal():
		tail = vocabulary.Problem("", "action_not_allowed.final")
	case len(e.Allowed) == 0:
		tail = vocabulary.Problem("", "action_not_allowed.none")
	default:
		names := make([]vocabulary.Words, len(e.Allowed))
		for i, a := range e.Allowed {
			names[i] = naming.Action(a)
		}
		tail = vocabulary.Problem("", "action_not_allowed.can", vocabulary.Join(names, ", "))
	}
	return vocabulary.Join([]vocabulary.Words{head, tail}, " ")
}

// Naming is how a message names actions and statuses.
type Naming struct {
	Action func(Action) vocabulary.Words
	Status func(Status) vocabulary.Words
}

// ByCode names actions and statuses as a client of the API sends and reads them.
var ByCode = Naming{
	Action: func(a Action) vocabulary.Words { return vocabulary.Words{VI: string(a), EN: string(a)} },
	Status: func(s Status) vocabulary.Words { return vocabulary.Words{VI: string(s), EN: string(s)} },
}

// InWords names actions and statuses as the pages and prints say them.
var InWords = Naming{
	Action: func(a Action) vocabulary.Words { return vocabulary.Action(string(a)) },
	Status: func(s Status) vocabulary.Words { return vocabulary.Status(string(s)) },
}

// OfficeError is an action by someone who does not belong to the office that must take it.
type OfficeError struct{ Office string }

func (e *OfficeError) Error() string { return e.Words(e.Office).EN }

// Words say who may take the action, naming the office with office (its code for the
// API, its name on the pages).
func (e *OfficeError) Words(office string) vocabulary.Words {
	return vocabulary.Problem("", "office_forbidden", office)
}

// ErrSameOffice is a transfer to the office that already holds the dossier.
var ErrSameOffice = Invalid("to_office", "same_office")

// Apply takes action a with command c (normalized and validated) on the dossier in state
// s, by actor at now. It returns the new state and the step to log, or an error: an
// *OfficeError when the actor may not act for the office concerned, a *NotAllowedError
// when the status forbids the action, a *FieldError when a value does not fit the state.
func Apply(s State, a Action, c Command, actor Actor, now time.Time, clock Clock) (State, Step, error) {
	if !actor.in(s.CurrentOffice) && !actor.in(s.PendingOffice) && !actor.in(s.ReceivingOffice) {
		return s, Step{}, &OfficeError{Office: s.actingOffice(a, actor)}
	}
	if !s.permits(a) {
		e := &NotAllowedError{Action: a, Status: s.Status, Allowed: s.AllowedFor(actor)}
		if s.PapersOnTheRoad() && slices.Contains(allowed[s.Status], a) {
			e.Why = "papers_on_the_road"
		}
		return s, Step{}, e
	}
	office := s.actingOffice(a, actor)
	if !actor.in(office) {
		return s, Step{}, &OfficeError{Office: office}
	}
	loc := clock.Location()
	step := Step{Action: a, At: now, Actor: actor.Username, Office: office, FromOffice: s.CurrentOffice,
		Note: c.Note, Reason: c.Reason}
	if s.Received() {
		step.Timing = worktime.Judge(now, s.DueAt, loc)
	}
	switch a {
	case ActReceive:
		// The clock starts now (at the next opening, out of hours), or, for papers the
		// post brought in, when it delivered them: the authority has had them since.
		// Appointments are kept to the second, as the receipt prints them.
		s.Status = StatusReceived
		s.ReceivedAt = now
		if !s.PapersAt.IsZero() {
			s.ReceivedAt = s.PapersAt
		}
		s.DueAt = clock.AddWorkingHours(s.ReceivedAt, s.TimeLimitHours).In(loc).Truncate(time.Second)
		s.OriginalDueAt = s.DueAt
		step.ToOffice = s.CurrentOffice
	case ActTransfer:
		if c.ToOffice == s.CurrentOffice {
			return s, Step{}, ErrSameOffice
		}
		s.Status = StatusInTransit
		if s.Outcome != "" {
			s.Status = StatusResultInTransit
		}
		s.PendingOffice = c.ToOffice
		step.ToOffice, step.Via = c.ToOffice, c.Via
	case ActAccept:
		if s.PendingOffice != "" {
			s.CurrentOffice, s.PendingOffice = s.PendingOffice, ""
		}
		step.ToOffice = s.CurrentOffice
		s.Status = StatusProcessing
		if s.Outcome != "" {
			s.Status = StatusProcessed
		}
	case ActRequestSupplement:
		s.Status = StatusSupplementRequested
		s.SupplementRequests++
		if s.Received() {
			s.PausedAt = &now
		}
		step.Items = c.Items
	case ActSupplement:
		if !s.Received() {
			// Guidance before receipt: the dossier goes back to the desk's check.
			s.Status = StatusSubmitted
			break
		}
		s.resume(now, clock)
		s.Status = StatusProcessing
		step.Timing = worktime.Judge(now, s.DueAt, loc)
	case ActExtend:
		switch {
		case !c.NewDueAt.After(s.DueAt):
			return s, Step{}, Invalid("new_due_at", "not_later", s.DueAt.In(loc))
		case !c.NewDueAt.After(now):
			return s, Step{}, Invalid("new_due_at", "in_the_past")
		case c.NewDueAt.After(now.AddDate(2, 0, 0)):
			return s, Step{}, Invalid("new_due_at", "too_far")
		}
		old, next := s.DueAt, c.NewDueAt.In(loc)
		s.DueAt, s.Extended = next, true
		step.OldDueAt, step.NewDueAt = &old, &next
	case ActComplete:
		if fe := s.needsResultFile(c); fe != nil {
			return s, Step{}, fe
		}
		s.Status, s.Outcome, s.ResultFile = StatusProcessed, c.Outcome, c.ResultFileID
		s.finish(now, loc, true)
		step.Outcome, step.Timing = c.Outcome, s.Timing
	case ActReturn:
		s.Status = StatusReturned
		step.Timing = s.Timing
	case ActRefuse:
		s.Status = StatusRefused
		s.finish(now, loc, true)
		step.Timing = s.Timing
	case ActStop:
		s.resume(now, clock)
		s.Status = StatusStopped
		s.finish(now, loc, true)
		step.Timing = s.Timing
	case ActWithdraw:
		s.resume(now, clock)
		s.Status = StatusWithdrawn
		s.PendingOffice = ""
		s.finish(now, loc, false)
		step.Timing = ""
	case ActRequestPayment:
		s.Status = StatusPaymentRequested
		s.FeeDueVND = c.AmountVND
		step.AmountVND = c.AmountVND
	case ActRecordPayment:
		s.Status = StatusProcessing
		s.FeePaidVND += c.AmountVND
		step.AmountVND, step.ReceiptNumber = c.AmountVND, c.ReceiptNumber
	default:
		return s, Step{}, errors.New("dossier: action without a rule: " + string(a))
	}
	s.Version++
	return s, step, nil
}

// resume restarts a paused clock: the working time spent waiting is added to the total
// and moves the appointment on by as much, which subtracts it from the dossier's time.
func (s *State) resume(now time.Time, clock Clock) {
	if s.PausedAt == nil {
		return
	}
	waited := clock.WorkingDuration(*s.PausedAt, now)
	if waited > 0 {
		s.PausedTotal += waited
		s.DueAt = clock.AddWorkingTime(s.DueAt, waited)
	}
	s.PausedAt = nil
}

// finish records the end of the dossier's processing, the first of processed, refused,
// stopped or withdrawn; scored says whether it counts for the on-time rule (a withdrawal
// does not, nor a dossier refused or stopped before the desk received it: it never had
// an appointment).
func (s *State) finish(now time.Time, loc *time.Location, scored bool) {
	if s.FinishedAt != nil {
		return
	}
	s.FinishedAt = &now
	if scored && s.Received() {
		s.Timing = finishTiming(s, now, loc)
	}
}
