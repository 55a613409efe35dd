package app

import (
	"context"
	"fmt"
	"time"

	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/worktime"
)

// Calendars lets an administrator set the working-time calendar of a year, through the
// API or from a file on the command line.
type Calendars struct {
	Years YearStore
	// Live is the calendar in force in this process; nil on the command line.
	Live  *worktime.Live
	Relay Notifier
	Now   func() time.Time
}

// YearStore keeps the administrators' calendar edits and publishes each to every
// service in the same transaction.
type YearStore interface {
	// Set stores the edit of a year and returns its revision.
	Set(ctx context.Context, year worktime.Year, by string, now time.Time) (revision int64, err error)
}

// DayOffInput is a day off as an administrator enters it.
type DayOffInput struct {
	Date   string `json:"date"`
	Reason string `json:"reason"`
}

// CalendarInput is a year's calendar as an administrator enters it: the shape
// GET /api/v1/calendar/{year} answers with.
type CalendarInput struct {
	Year             int           `json:"year"`
	OfficeHours      []string      `json:"office_hours"`
	DaysOff          []DayOffInput `json:"days_off"`
	WorkingSaturdays []string      `json:"working_saturdays"`
}

// CalendarError is an edited year that cannot be a calendar: the field and why.
type CalendarError struct{ Field, Reason string }

func (e *CalendarError) Error() string { return e.Field + ": " + e.Reason }

// ForYear checks in as the calendar of year and returns it.
func (in CalendarInput) ForYear(year int) (worktime.Year, error) {
	if in.Year != 0 && in.Year != year {
		return worktime.Year{}, &CalendarError{Field: "year", Reason: fmt.Sprintf("the calendar is of %d but the year asked for is %d", in.Year, year)}
	}
	y := worktime.Year{Year: year, DaysOff: map[worktime.Date]string{}, WorkingWeekendDays: map[worktime.Date]bool{}}
	for i, d := range in.DaysOff {
		f := fmt.Sprintf("days_off[%d].date", i)
		date, err := worktime.ParseDate(d.Date)
		if err != nil {
			return y, &CalendarError{Field: f, Reason: "a date is written YYYY-MM-DD, e.g. 2026-09-02"}
		}
		if _, dup := y.DaysOff[date]; dup {
			return y, &CalendarError{Field: f, Reason: "this day is listed twice"}
		}
		y.DaysOff[date] = textnorm.Clean(d.Reason)
	}
	for i, s := range in.WorkingSaturdays {
		date, err := worktime.ParseDate(s)
		if err != nil {
			return y, &CalendarError{Field: fmt.Sprintf("working_saturdays[%d]", i), Reason: "a date is written YYYY-MM-DD, e.g. 2026-04-25"}
		}
		y.WorkingWeekendDays[date] = true
	}
	if err := y.Validate(); err != nil {
		return y, &CalendarError{Field: "days_off", Reason: err.Error()}
	}
	return y, nil
}

// Set stores y, which replaces the shipped days of its year, publishes it to every
// service (the relay sends it once intake runs) and puts it in force here at once.
// Appointments already given keep their dates: they were promised to citizens. It
// returns the edit's revision.
func (c *Calendars) Set(ctx context.Context, username string, y worktime.Year) (int64, error) {
	rev, err := c.Years.Set(ctx, y, username, c.Now())
	if err != nil {
		return 0, err
	}
	if c.Live != nil {
		if _, err := c.Live.Set(y, rev); err != nil {
			return 0, err
		}
	}
	if c.Relay != nil {
		c.Relay.Notify()
	}
	return rev, nil
}
