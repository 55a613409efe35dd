package tracking

import (
	"math"
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// Standing is what the read model knows of a dossier's timing.
type Standing struct {
	Status string
	// Final is the timing intake fixed when the dossier finished (early, on_time or
	// late); empty while open and for a withdrawn dossier.
	Final string
	// DueAt is the appointment; nil while the clock has not started (a dossier submitted
	// online that no desk has received yet).
	DueAt      *time.Time
	FinishedAt *time.Time
	// PausedAt is set while the clock waits for the citizen's supplement.
	PausedAt *time.Time
}

// Started reports whether the clock has started: the dossier was received and has its
// appointment. One submitted online has not, until a desk checks and receives it.
func (s Standing) Started() bool { return s.DueAt != nil }

// At returns how the dossier stands at now: its final timing once finished; otherwise
// within deadline or overdue, judged at the moment the clock stopped while it is paused
// (waiting for the citizen is not the office's delay). A withdrawn dossier has no timing
// (""): it is not scored; nor has one whose clock never started (submitted online and
// not received yet, or refused before). loc is the offices' time zone, whose days
// decide early.
func (s Standing) At(now time.Time, loc *time.Location) worktime.Timing {
	switch {
	case s.Status == "withdrawn":
		return ""
	case s.FinishedAt != nil && s.Final != "":
		return worktime.Timing(s.Final)
	case !s.Started():
		return ""
	case s.FinishedAt != nil:
		// A row folded before status knew the final timing: judge the finish itself.
		return worktime.Judge(*s.FinishedAt, *s.DueAt, loc)
	}
	return worktime.Standing(*s.DueAt, s.PausedAt, now)
}

// RemainingHours is the working time left before the appointment, in hours with one
// decimal: 0 once finished, and while the clock has not started; negative (the working
// hours already overdue) past the appointment; counted from the moment the clock
// stopped while it is paused.
func (s Standing) RemainingHours(now time.Time, cal *worktime.Calendar) float64 {
	if s.FinishedAt != nil || s.Status == "withdrawn" || !s.Started() {
		return 0
	}
	h := math.Round(cal.TimeLeft(*s.DueAt, s.PausedAt, now).Hours()*10) / 10
	if h == 0 {
		return 0 // never -0
	}
	return h
}

// AtRisk reports whether the dossier is at risk at now, officers being warned hours
// working hours ahead (worktime.Calendar.AtRisk): open, its clock started and running,
// not overdue, and due no later than hours working hours from now. A finished, withdrawn
// or paused dossier never is, nor one no desk has received yet.
func (s Standing) AtRisk(now time.Time, cal *worktime.Calendar, hours int) bool {
	if s.FinishedAt != nil || s.Status == "withdrawn" || !s.Started() {
		return false
	}
	return cal.AtRisk(*s.DueAt, s.PausedAt, now, hours)
}
