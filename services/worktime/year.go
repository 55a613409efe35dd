package worktime

import (
	"fmt"
	"maps"
	"unicode/utf8"
)

// Year is the calendar of one year as an administrator sets it: every day off with its
// reason and every Saturday or Sunday that is worked. It replaces the days the default
// rules generate for that year (YearDays), so it lists the fixed holidays too.
type Year struct {
	Year               int
	DaysOff            map[Date]string
	WorkingWeekendDays map[Date]bool
}

// DefaultYear returns the shipped calendar of year (see YearDays).
func DefaultYear(year int) Year {
	off, ww := YearDays(year)
	return Year{Year: year, DaysOff: off, WorkingWeekendDays: ww}
}

// Limits on an edited year.
const (
	MaxDaysOffPerYear   = 60
	MaxWorkingWeekend   = 20
	MaxReasonRunes      = 200
	FirstYear, LastYear = 1990, 2200
)

// Validate checks that y can be a year of a calendar: a year the product knows, dates
// in that year, working days that are Saturdays or Sundays and not also days off,
// reasons present and short. Its error is a sentence for the administrator.
func (y Year) Validate() error {
	if y.Year < FirstYear || y.Year > LastYear {
		return fmt.Errorf("the year must be between %d and %d", FirstYear, LastYear)
	}
	if len(y.DaysOff) > MaxDaysOffPerYear {
		return fmt.Errorf("a year may have at most %d days off", MaxDaysOffPerYear)
	}
	if len(y.WorkingWeekendDays) > MaxWorkingWeekend {
		return fmt.Errorf("a year may have at most %d working weekend days", MaxWorkingWeekend)
	}
	for d, reason := range y.DaysOff {
		switch {
		case !d.Valid() || d.Year != y.Year:
			return fmt.Errorf("day off %s is not a date of %d", d, y.Year)
		case reason == "":
			return fmt.Errorf("day off %s needs a reason", d)
		case utf8.RuneCountInString(reason) > MaxReasonRunes:
			return fmt.Errorf("the reason of day off %s may have at most %d characters", d, MaxReasonRunes)
		}
	}
	for d, working := range y.WorkingWeekendDays {
		if !working {
			continue
		}
		switch {
		case !d.Valid() || d.Year != y.Year:
			return fmt.Errorf("working day %s is not a date of %d", d, y.Year)
		case !d.IsWeekend():
			return fmt.Errorf("working day %s is a %s; only Saturdays and Sundays are listed as worked", d, d.Weekday())
		}
		if _, off := y.DaysOff[d]; off {
			return fmt.Errorf("%s is both a day off and a working day", d)
		}
	}
	return nil
}

func (y Year) clone() Year {
	return Year{Year: y.Year, DaysOff: maps.Clone(y.DaysOff), WorkingWeekendDays: maps.Clone(y.WorkingWeekendDays)}
}
