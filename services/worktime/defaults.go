package worktime

import (
	"errors"
	"maps"
)

// YearDays returns the shipped calendar data of one year, ready to be
// stored: the days off (the fixed holidays, the shipped overrides for the
// year and the compensatory days for fixed holidays on a weekend, placed
// after the overrides are taken into account) and the working weekend days.
// For a year without overrides the days off are DefaultDaysOff(year) and
// there are no working weekend days. Both maps are fresh.
func YearDays(year int) (daysOff map[Date]string, workingWeekend map[Date]bool) {
	o := overrides[year]
	workingWeekend = maps.Clone(o.WorkingWeekendDays)
	if workingWeekend == nil {
		workingWeekend = map[Date]bool{}
	}
	return yearDaysOff(year, o), workingWeekend
}

// DefaultCalendar returns a calendar in Asia/Ho_Chi_Minh with the default
// office hours and the days of YearDays for each of years. Dates outside
// these years only have the weekend off. At least one year is required.
func DefaultCalendar(years ...int) (*Calendar, error) {
	if len(years) == 0 {
		return nil, errors.New("worktime: DefaultCalendar needs at least one year")
	}
	daysOff := map[Date]string{}
	working := map[Date]bool{}
	for _, y := range years {
		off, ww := YearDays(y)
		maps.Copy(daysOff, off)
		maps.Copy(working, ww)
	}
	return NewCalendar(VietnamLocation(), DefaultOfficeHours(), daysOff, working)
}
