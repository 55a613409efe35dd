package dossier

import "time"

// Timing says how a dossier, or one of its steps, stands against the appointment.
type Timing string

// The timings of the national scoring rule: finished dossiers are early, on time or
// late; open ones are within deadline or overdue. A withdrawn dossier has none.
const (
	Early          Timing = "early"
	OnTime         Timing = "on_time"
	Late           Timing = "late"
	WithinDeadline Timing = "within_deadline"
	Overdue        Timing = "overdue"
)

// Clock is the working-time calendar the rules count with (worktime.Calendar).
type Clock interface {
	// AddWorkingTime returns the instant d of working time after from.
	AddWorkingTime(from time.Time, d time.Duration) time.Time
	// WorkingDuration returns the working time between from and to.
	WorkingDuration(from, to time.Time) time.Duration
	// Location is the offices' time zone.
	Location() *time.Location
}

// judge compares an instant with an appointment: after it is late; on a day before the
// appointment's day (in the offices' time zone) is early; otherwise on time.
func judge(at, due time.Time, loc *time.Location) Timing {
	switch {
	case at.After(due):
		return Late
	case dayOf(at, loc).Before(dayOf(due, loc)):
		return Early
	default:
		return OnTime
	}
}

func dayOf(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// finishTiming is the national rule for a finished dossier: more than one supplement
// request, or an apology with a new appointment, makes it late whatever the dates;
// otherwise the finish is judged against the appointment, which already carries the
// time spent waiting for the supplement (see resume).
func finishTiming(s *State, finished time.Time, loc *time.Location) Timing {
	if s.SupplementRequests > 1 || s.Extended {
		return Late
	}
	return judge(finished, s.DueAt, loc)
}

// TimingAt is how the dossier stands at now: its final timing once finished (none when
// withdrawn), otherwise within deadline or overdue. While the clock is paused for a
// supplement, the dossier is judged at the moment the clock stopped.
func (s *State) TimingAt(now time.Time) Timing {
	if s.FinishedAt != nil {
		return s.Timing
	}
	at := now
	if s.PausedAt != nil {
		at = *s.PausedAt
	}
	if at.After(s.DueAt) {
		return Overdue
	}
	return WithinDeadline
}

// ProcessingTime is the working time the dossier took from receipt to finish, without
// the time spent waiting for supplements; 0 while it is open.
func (s *State) ProcessingTime(c Clock) time.Duration {
	if s.FinishedAt == nil {
		return 0
	}
	d := c.WorkingDuration(s.ReceivedAt, *s.FinishedAt) - s.PausedTotal
	if d < 0 {
		return 0
	}
	return d
}
