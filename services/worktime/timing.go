package worktime

import "time"

// Timing says how a dossier, or one of its steps, stands against its appointment. Every
// service judges with this one rule, so the citizen, the offices and the supervisors
// read the same verdict.
type Timing string

// The timings of the national scoring rule: finished dossiers are early, on time or
// late; open ones are within deadline or overdue.
const (
	Early          Timing = "early"
	OnTime         Timing = "on_time"
	Late           Timing = "late"
	WithinDeadline Timing = "within_deadline"
	Overdue        Timing = "overdue"
)

// Judge compares a finish (or a step) at at with the appointment due: after it is late;
// on a day before the appointment's day (in loc, the offices' time zone) is early;
// otherwise, on the appointment's day at or before its time, on time.
func Judge(at, due time.Time, loc *time.Location) Timing {
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

// Standing is how an open dossier due at due stands at now: overdue past the
// appointment, otherwise within deadline. While its clock is paused for the citizen's
// supplement (pausedAt set), it is judged at the moment the clock stopped: waiting for
// the citizen is not the office's delay.
func Standing(due time.Time, pausedAt *time.Time, now time.Time) Timing {
	if pausedAt != nil {
		now = *pausedAt
	}
	if now.After(due) {
		return Overdue
	}
	return WithinDeadline
}

// TimeLeft is the working time from now until the appointment due of an open dossier:
// negative, the working time already past it, once overdue; counted from the moment
// the clock stopped while it is paused (pausedAt set).
func (c *Calendar) TimeLeft(due time.Time, pausedAt *time.Time, now time.Time) time.Duration {
	if pausedAt != nil {
		now = *pausedAt
	}
	if now.After(due) {
		return -c.WorkingDuration(due, now)
	}
	return c.WorkingDuration(now, due)
}
