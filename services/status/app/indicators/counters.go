package indicators

import (
	"time"

	"github.com/motcua/motcua/services/status/domain/tracking"
)

// Counters are the raw figures of a set of dossiers; rates are derived from them (Of).
type Counters struct {
	Received       int64
	Early          int64
	OnTime         int64
	Late           int64
	WithinDeadline int64
	Overdue        int64
	Withdrawn      int64
	Desk           int64
	Post           int64
	Online         int64
	// AvgProcessingSeconds is over finished dossiers with a timing; nil when none.
	AvgProcessingSeconds *float64
	// AvgCheckSeconds is the average working time dossiers submitted online waited for
	// the desk's first check; nil when none was.
	AvgCheckSeconds *float64
	Ratings         int64
	// AvgScore is the average overall rating; nil when none.
	AvgScore *float64
	// Dislikes are ratings with a score of 2 or less.
	Dislikes int64
}

// InTime is how many of the dossiers count as on time: finished early or on time, or
// open and within their deadline. It is the on-time rate's numerator, and what a chart
// of that rate shows beside it.
func (c Counters) InTime() int64 { return c.Early + c.OnTime + c.WithinDeadline }

// LateOrOverdue is how many of the dossiers count as late: finished late, or open and
// past their appointment.
func (c Counters) LateOrOverdue() int64 { return c.Late + c.Overdue }

// Group is the counters of one procedure or one office.
type Group struct {
	Code string
	Name string
	Counters
}

// Breakdown is the counters of a set of dossiers, whole and by procedure and by
// handling office, each sorted by code.
type Breakdown struct {
	Total       Counters
	ByProcedure []Group
	ByOffice    []Group
}

// Filter selects the dossiers counters are counted over.
type Filter struct {
	// Received in [From, To).
	From, To time.Time
	// Office, when set, keeps the dossiers that belonged to that office.
	Office string
	// Procedure, when set, keeps the dossiers of that procedure.
	Procedure string
	// Within, when not empty, keeps the dossiers that belonged to any of these offices:
	// those of a supervisor's offices.
	Within []string
	// Now judges open dossiers: overdue when their appointment has passed at Now (or at
	// the moment their clock stopped, while paused), as tracking.Standing.At does.
	Now time.Time
}

// OverdueFilter selects the open dossiers past their appointment at Now.
type OverdueFilter struct {
	// Within keeps the dossiers that belonged to any of these offices (none when empty).
	Within []string
	// Office, when set, keeps the dossiers that belonged to it.
	Office string
	// Procedure, when set, keeps the dossiers of that procedure.
	Procedure string
	Now       time.Time
	Limit     int
}

// AtRiskFilter selects the open dossiers at risk at Now (tracking.Standing.AtRisk): their
// clock running, due at or after Now and no later than Until.
type AtRiskFilter struct {
	// Within keeps the dossiers that belonged to any of these offices (none when empty).
	Within []string
	// Office, when set, keeps the dossiers that belonged to it.
	Office string
	// Procedure, when set, keeps the dossiers of that procedure.
	Procedure string
	Now       time.Time
	// Until is the cut-off: Now plus the warning's working hours on the calendar.
	Until time.Time
}

// OverdueDossier is an open dossier past its appointment.
type OverdueDossier struct {
	Code               string
	ProcedureCode      string
	ProcedureName      string
	HandlingOfficeCode string
	HandlingOfficeName string
	CurrentOfficeCode  string
	CurrentOfficeName  string
	// Standing holds the status, the appointment and, while the clock waits for the
	// citizen, the moment it stopped: the dossier is judged then, not at Now.
	tracking.Standing
	Channel    string
	ReceivedAt time.Time
}

// Named is a code and the name status last saw it under.
type Named struct {
	Code string
	Name string
}
