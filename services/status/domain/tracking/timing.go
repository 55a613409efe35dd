package tracking

import (
	"math"
	"time"
)

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

// Standing is what the read model knows of a dossier's timing.
type Standing struct {
	Status string
	// Final is the timing intake fixed when the dossier finished (early, on_time or
	// late); empty while open and for a withdrawn dossier.
	Final      string
	DueAt      time.Time
	FinishedAt *time.Time
	// PausedAt is set while the clock waits for the citizen's supplement.
	PausedAt *time.Time
}

// At returns how the dossier stands at now: its final timing once finished; otherwise
// within deadline or overdue, judged at the moment the clock stopped while it is paused
// (waiting for the citizen is not the office's delay). A withdrawn dossier has no timing
// (""): it is not scored.
func (s Standing) At(now time.Time, loc *time.Location) Timing {
	switch {
	case s.Status == "withdrawn":
		return ""
	case s.FinishedAt != nil && s.Final != "":
		return Timing(s.Final)
	case s.FinishedAt != nil:
		// A row folded before status knew the final timing: judge the finish itself.
		return Classify(s.DueAt, s.FinishedAt, now, loc)
	}
	if s.PausedAt != nil {
		now = *s.PausedAt
	}
	return Classify(s.DueAt, nil, now, loc)
}

// Clock counts working time (worktime.Calendar).
type Clock interface {
	WorkingDuration(from, to time.Time) time.Duration
}

// RemainingHours is the working time left before the appointment, in hours with one
// decimal: 0 once finished; negative (the working hours already overdue) past the
// appointment; counted from the moment the clock stopped while it is paused.
func (s Standing) RemainingHours(now time.Time, c Clock) float64 {
	if s.FinishedAt != nil || s.Status == "withdrawn" {
		return 0
	}
	if s.PausedAt != nil {
		now = *s.PausedAt
	}
	var d time.Duration
	if now.After(s.DueAt) {
		d = -c.WorkingDuration(s.DueAt, now)
	} else {
		d = c.WorkingDuration(now, s.DueAt)
	}
	h := math.Round(d.Hours()*10) / 10
	if h == 0 {
		return 0 // never -0
	}
	return h
}
