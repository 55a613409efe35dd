package tracking

import "time"

// Timing says how a dossier stands against its appointment.
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

// Classify returns the timing of a dossier due at due, finished at finished (nil while
// open), seen at now. A finish on a day before the appointment's day (in loc, the
// offices' time zone) is early; on the appointment's day, at or before its time, on time.
func Classify(due time.Time, finished *time.Time, now time.Time, loc *time.Location) Timing {
	if finished == nil {
		if now.After(due) {
			return Overdue
		}
		return WithinDeadline
	}
	switch {
	case finished.After(due):
		return Late
	case dayOf(*finished, loc).Before(dayOf(due, loc)):
		return Early
	default:
		return OnTime
	}
}

func dayOf(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
