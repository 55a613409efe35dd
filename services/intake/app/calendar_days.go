package app

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/worktime"
)

// DayChange is one day an administrator adds to or removes from a year on the pages:
// a day off (with its reason) or a Saturday or Sunday that is worked to make up for a
// bridge. Revision is the year's revision the administrator saw: an edit made since in
// between is not overwritten.
type DayChange struct {
	Year     int
	Revision int64
	Date     string
	Reason   string
	// WorkingDay is a worked weekend day rather than a day off.
	WorkingDay bool
	Remove     bool
}

// ErrNoLiveCalendar is returned when days are changed where no calendar is in force.
var ErrNoLiveCalendar = errors.New("no calendar in force to change")

// dayChanges makes each day change's check of the revision and its Set one step: two
// administrators editing the same revision at once would otherwise both pass the
// check, and the second Set would drop the first one's day. It covers this process;
// replicas of intake edit through the same check against the revision each has in
// force.
var dayChanges sync.Mutex

// Change applies ch to the year in force and sets the result through Set, so the
// revision, the REFERENCE event and every service follow as for the API. Appointments
// already given keep their dates. It returns the new revision.
func (c *Calendars) Change(ctx context.Context, username string, ch DayChange) (int64, error) {
	if c.Live == nil {
		return 0, ErrNoLiveCalendar
	}
	dayChanges.Lock()
	defer dayChanges.Unlock()
	y, rev := c.Live.Year(ch.Year)
	if rev != ch.Revision {
		return 0, Invalid{"revision": "calendar.stale"}
	}
	d, err := ParseDay(ch.Date)
	if err != nil {
		return 0, Invalid{"date": "date.format"}
	}
	if d.Year != ch.Year {
		return 0, Invalid{"date": "date.other_year"}
	}
	if bad := applyDay(&y, d, ch); len(bad) > 0 {
		return 0, bad
	}
	if err := y.Validate(); err != nil {
		return 0, Invalid{"date": "calendar.invalid"}
	}
	return c.Set(ctx, username, y)
}

// applyDay changes y by ch on d, or says why it cannot.
func applyDay(y *worktime.Year, d worktime.Date, ch DayChange) Invalid {
	_, off := y.DaysOff[d]
	working := y.WorkingWeekendDays[d]
	switch {
	case ch.Remove && ch.WorkingDay:
		if !working {
			return Invalid{"date": "date.not_listed"}
		}
		delete(y.WorkingWeekendDays, d)
	case ch.Remove:
		if !off {
			return Invalid{"date": "date.not_listed"}
		}
		delete(y.DaysOff, d)
	case ch.WorkingDay:
		switch {
		case !d.IsWeekend():
			return Invalid{"date": "date.not_weekend"}
		case working:
			return Invalid{"date": "date.listed"}
		case off:
			return Invalid{"date": "date.is_off"}
		case len(y.WorkingWeekendDays) >= worktime.MaxWorkingWeekend:
			return Invalid{"date": "date.too_many"}
		}
		y.WorkingWeekendDays[d] = true
	default:
		reason := textnorm.Clean(ch.Reason)
		switch {
		case off:
			return Invalid{"date": "date.listed"}
		case working:
			return Invalid{"date": "date.is_working"}
		case len(y.DaysOff) >= worktime.MaxDaysOffPerYear:
			return Invalid{"date": "date.too_many"}
		case reason == "":
			return Invalid{"reason": "reason.required"}
		case utf8.RuneCountInString(reason) > worktime.MaxReasonRunes:
			return Invalid{"reason": "reason.long"}
		}
		y.DaysOff[d] = reason
	}
	return nil
}

// ParseDay reads a date written YYYY-MM-DD (as a date field sends it) or DD/MM/YYYY
// (as people write it in Vietnam).
func ParseDay(s string) (worktime.Date, error) {
	s = strings.TrimSpace(s)
	if d, err := worktime.ParseDate(s); err == nil {
		return d, nil
	}
	t, err := time.Parse("2/1/2006", s)
	if err != nil {
		return worktime.Date{}, err
	}
	return worktime.DateOf(t), nil
}
