// Package stafflist is the staff's lists of the dossiers of their offices: by
// appointment (a dossier submitted online and not received yet, by its submission),
// filtered by status, by appointment, by lateness or by the risk of going late, a page
// at a time.
// It speaks neither HTTP nor SQL: the dossiers are a port (Dossiers) the store
// implements.
package stafflist

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/status/domain/tracking"
	"github.com/motcua/motcua/services/worktime"
)

// Filter selects a page of dossiers for staff.
type Filter struct {
	// Offices: dossiers that belonged to any of them; none when empty.
	Offices []string
	// Status, when set, keeps only dossiers in that status.
	Status string
	// DueBefore, when set, keeps dossiers due strictly before it (so none whose clock
	// has not started).
	DueBefore *time.Time
	// Late keeps dossiers finished late, or open and overdue at Now (paused ones judged
	// when their clock stopped).
	Late bool
	// AtRisk keeps the open dossiers at risk at Now (tracking.Standing.AtRisk): their
	// clock running, due at or after Now and no later than AtRiskUntil.
	AtRisk bool
	// AtRiskUntil is the cut-off of AtRisk, Now plus the warning's working hours on the
	// calendar; the Service sets it.
	AtRiskUntil time.Time
	Now         time.Time
	// After, when set, starts the page after this position of the order.
	After *Position
	Limit int
}

// Position is a place in the staff lists' order: by appointment, then id. A dossier
// submitted online has no appointment until a desk receives it; it waits in the lists
// at the moment it was submitted, since the desk is to check it that working day. So
// the list of what awaits checking (status submitted) has the oldest submission first.
type Position struct {
	At time.Time
	ID uuid.UUID
}

// Dossier is one dossier of a staff list.
type Dossier struct {
	tracking.Summary
	// Channel is how the dossier was handed in: desk, post or online.
	Channel string
	// QueueAt is the dossier's place in the order (with its id): its appointment, or
	// its submission while no desk has received it.
	QueueAt time.Time
}

// Dossiers reads the lists from the read model.
type Dossiers interface {
	// List returns up to f.Limit dossiers matching f, in the order of Position.
	List(ctx context.Context, f Filter) ([]Dossier, error)
}

// Service answers the staff's lists.
type Service struct {
	dossiers    Dossiers
	calendar    func() *worktime.Calendar
	atRiskHours int
}

// NewService returns the lists read from dossiers; a dossier is at risk when due within
// atRiskHours working hours (MOTCUA_AT_RISK_HOURS) on the calendar in force.
func NewService(dossiers Dossiers, calendar func() *worktime.Calendar, atRiskHours int) *Service {
	return &Service{dossiers: dossiers, calendar: calendar, atRiskHours: atRiskHours}
}

// Page is one page of a list, and where the next one starts (nil on the last).
type Page struct {
	Dossiers []Dossier
	Next     *Position
}

// Page returns the page of f. An account that belongs to no office sees no dossier.
func (s *Service) Page(ctx context.Context, f Filter) (Page, error) {
	if len(f.Offices) == 0 {
		return Page{}, nil
	}
	if f.AtRisk {
		// The rule's cut-off as a wall time, once, so that the store compares
		// appointments with it instead of counting working hours row by row.
		f.AtRiskUntil = s.calendar().AtRiskUntil(f.Now, s.atRiskHours)
	}
	want := f.Limit
	f.Limit++ // one more tells whether there is a next page
	rows, err := s.dossiers.List(ctx, f)
	if err != nil {
		return Page{}, err
	}
	if len(rows) <= want {
		return Page{Dossiers: rows}, nil
	}
	rows = rows[:want]
	last := rows[len(rows)-1]
	return Page{Dossiers: rows, Next: &Position{At: last.QueueAt, ID: last.ID}}, nil
}
