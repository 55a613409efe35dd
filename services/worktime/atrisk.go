package worktime

import "time"

// AtRiskUntil is the latest appointment that puts an open dossier at risk at now, when
// officers are warned hours working hours ahead (MOTCUA_AT_RISK_HOURS): the instant
// hours working hours after now on this calendar, counted from the next opening when
// now is outside office hours, so that weekends and days off count for nothing. hours
// is positive, as the setting must be; with hours <= 0 the cut-off is now itself.
//
// It turns the rule into a wall time once per request, so that a store compares each
// appointment with it (due_at >= now AND due_at <= cut-off, served by an index) instead
// of counting the working time left row by row; AtRisk is the same rule for one dossier.
func (c *Calendar) AtRiskUntil(now time.Time, hours int) time.Time {
	if hours <= 0 {
		return now
	}
	return c.AddWorkingTime(now, time.Duration(hours)*time.Hour)
}

// AtRisk reports whether an open dossier due at due is at risk at now, warned hours
// working hours ahead: its clock runs (pausedAt is nil), it is not overdue (now is not
// after due, as Standing judges), and its appointment comes no later than
// AtRiskUntil(now, hours). For an appointment the clock made (AddWorkingTime), that is
// a working time left (TimeLeft) between 0 and hours.
//
// A dossier past its appointment is not at risk but overdue (Standing): the warning is
// for what can still be done in time, and the overdue have lists of their own; an open
// dossier is thus overdue, at risk, or neither, never both. Nor is one whose clock is
// paused for the citizen's supplement: no working time runs out while it waits, and
// when the supplement comes its appointment moves on by the time waited.
func (c *Calendar) AtRisk(due time.Time, pausedAt *time.Time, now time.Time, hours int) bool {
	return pausedAt == nil && !now.After(due) && !due.After(c.AtRiskUntil(now, hours))
}
