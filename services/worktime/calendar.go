package worktime

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Calendar is the working-time calendar of a desk: a location, the office
// hours (the same on every working day), the days off with their reasons and
// the Saturdays and Sundays that are worked.
//
// A Calendar is immutable after NewCalendar and safe for concurrent use. The
// zero value is not usable.
type Calendar struct {
	loc            *time.Location
	hours          []Span
	daysOff        map[Date]string
	workingWeekend map[Date]bool
}

// NewCalendar returns a calendar for loc with the given office hours, days
// off (date → reason) and working weekend days (swaps; entries set to false
// are ignored). The maps and slice are copied.
//
// It fails if loc is nil; if hours is empty, not sorted, overlapping or not
// within a day; if a date is invalid; if a working weekend day is not a
// Saturday or Sunday; or if a day is both off and working.
func NewCalendar(loc *time.Location, hours []Span, daysOff map[Date]string, workingWeekendDays map[Date]bool) (*Calendar, error) {
	if loc == nil {
		return nil, errors.New("worktime: nil location")
	}
	if err := validateHours(hours); err != nil {
		return nil, err
	}
	c := &Calendar{
		loc:            loc,
		hours:          slices.Clone(hours),
		daysOff:        make(map[Date]string, len(daysOff)),
		workingWeekend: make(map[Date]bool, len(workingWeekendDays)),
	}
	for d, reason := range daysOff {
		if !d.Valid() {
			return nil, fmt.Errorf("worktime: invalid day off %s", d)
		}
		c.daysOff[d] = reason
	}
	for d, working := range workingWeekendDays {
		if !working {
			continue
		}
		if !d.Valid() {
			return nil, fmt.Errorf("worktime: invalid working weekend day %s", d)
		}
		if !d.IsWeekend() {
			return nil, fmt.Errorf("worktime: working weekend day %s is a %s", d, d.Weekday())
		}
		if _, off := c.daysOff[d]; off {
			return nil, fmt.Errorf("worktime: %s is both a day off and a working day", d)
		}
		c.workingWeekend[d] = true
	}
	return c, nil
}

// Location returns the calendar's time zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// OfficeHours returns a copy of the office hours of a working day.
func (c *Calendar) OfficeHours() []Span { return slices.Clone(c.hours) }

// WorkingDayLength returns the working time in one working day (8 hours
// with the default office hours).
func (c *Calendar) WorkingDayLength() time.Duration {
	var total time.Duration
	for _, s := range c.hours {
		total += s.Duration()
	}
	return total
}

// DayOff reports whether d is listed as a day off, and why.
func (c *Calendar) DayOff(d Date) (reason string, ok bool) {
	reason, ok = c.daysOff[d]
	return reason, ok
}

// IsWorkingDay reports whether the desk works on d: Monday to Friday unless
// d is a day off, and Saturdays or Sundays listed as working days.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if _, off := c.daysOff[d]; off {
		return false
	}
	if d.IsWeekend() {
		return c.workingWeekend[d]
	}
	return true
}
