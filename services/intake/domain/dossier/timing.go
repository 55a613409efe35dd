package dossier

import (
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// Timing says how a dossier, or one of its steps, stands against the appointment: the
// national scoring rule, which lives with the working-time clock. A withdrawn dossier
// has none.
type Timing = worktime.Timing

// The timings of the national scoring rule.
const (
	Early          = worktime.Early
	OnTime         = worktime.OnTime
	Late           = worktime.Late
	WithinDeadline = worktime.WithinDeadline
	Overdue        = worktime.Overdue
)

// Clock is the working-time calendar the rules count with (worktime.Calendar).
type Clock interface {
	// AddWorkingHours returns the appointment of a dossier received at from with a time
	// limit of hours working hours (0: the same working day).
	AddWorkingHours(from time.Time, hours int) time.Time
	// AddWorkingTime returns the instant d of working time after from.
	AddWorkingTime(from time.Time, d time.Duration) time.Time
	// WorkingDuration returns the working time between from and to.
	WorkingDuration(from, to time.Time) time.Duration
	// Location is the offices' time zone.
	Location() *time.Location
}

// finishTiming is the national rule for a finished dossier: more than one supplement
// request, or an apology with a new appointment, makes it late whatever the dates;
// otherwise the finish is judged against the appointment, which already carries the
// time spent waiting for the supplement (see resume).
func finishTiming(s *State, finished time.Time, loc *time.Location) Timing {
	if s.SupplementRequests > 1 || s.Extended {
		return Late
	}
	return worktime.Judge(finished, s.DueAt, loc)
}

// TimingAt is how the dossier stands at now: its final timing once finished (none when
// withdrawn), otherwise within deadline or overdue. While the clock is paused for a
// supplement, the dossier is judged at the moment the clock stopped. A dossier the desk
// has not received yet has no appointment to stand against: none.
func (s *State) TimingAt(now time.Time) Timing {
	if s.FinishedAt != nil || !s.Received() {
		return s.Timing
	}
	return worktime.Standing(s.DueAt, s.PausedAt, now)
}

// WorkingTimeLeft is the working time until the appointment of an open dossier:
// negative, the working time already past it, once overdue; counted from the moment the
// clock stopped while it waits for a supplement; 0 once finished or before receipt.
func (s *State) WorkingTimeLeft(now time.Time, cal *worktime.Calendar) time.Duration {
	if s.FinishedAt != nil || !s.Received() {
		return 0
	}
	return cal.TimeLeft(s.DueAt, s.PausedAt, now)
}

// ProcessingTime is the working time the dossier took from receipt to finish, without
// the time spent waiting for supplements; 0 while it is open or when it never was
// received.
func (s *State) ProcessingTime(c Clock) time.Duration {
	if s.FinishedAt == nil || !s.Received() {
		return 0
	}
	d := c.WorkingDuration(s.ReceivedAt, *s.FinishedAt) - s.PausedTotal
	if d < 0 {
		return 0
	}
	return d
}
