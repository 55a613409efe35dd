package rest

import (
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/worktime"
)

// setCalendarYear answers PUT /calendar/{year} (administrators): the year's days off
// and worked weekend days, replacing the shipped ones. The body has the shape GET
// answers with; office hours may be sent back unchanged but are not edited here.
func (a *API) setCalendarYear(w http.ResponseWriter, r *http.Request) {
	year, ok := a.pathYear(w, r)
	if !ok {
		return
	}
	var in calendarJSON
	if err := httpapi.DecodeJSON(w, r, &in, httpapi.DefaultBodyLimit); err != nil {
		a.fail(w, r, err)
		return
	}
	y, err := a.yearFrom(year, in)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.Calendars.Set(r.Context(), auth.FromContext(r.Context()), y); err != nil {
		var ce *app.CalendarError
		if errors.As(err, &ce) {
			err = httpapi.Invalid("days_off", "invalid_calendar", "This calendar cannot be used: "+ce.Reason+".")
		}
		a.fail(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, a.calendarOf(year))
}

// yearFrom checks the body of a calendar edit and turns it into a worktime.Year.
func (a *API) yearFrom(year int, in calendarJSON) (worktime.Year, error) {
	if in.Year != 0 && in.Year != year {
		return worktime.Year{}, httpapi.Invalid("year", "year_mismatch", fmt.Sprintf("The body is the calendar of %d but the path names %d.", in.Year, year))
	}
	if in.OfficeHours != nil {
		var now []string
		for _, s := range a.Calendar.Calendar().OfficeHours() {
			now = append(now, s.String())
		}
		if !slices.Equal(now, in.OfficeHours) {
			return worktime.Year{}, httpapi.Invalid("office_hours", "not_editable",
				"Office hours are set in the configuration, not per year; leave office_hours out or send them unchanged.")
		}
	}
	y := worktime.Year{Year: year, DaysOff: map[worktime.Date]string{}, WorkingWeekendDays: map[worktime.Date]bool{}}
	for i, d := range in.DaysOff {
		date, err := worktime.ParseDate(d.Date)
		if err != nil {
			return y, httpapi.Invalid(fmt.Sprintf("days_off[%d].date", i), "invalid_date", "A date is written YYYY-MM-DD, e.g. 2026-09-02.")
		}
		if _, dup := y.DaysOff[date]; dup {
			return y, httpapi.Invalid(fmt.Sprintf("days_off[%d].date", i), "duplicate_date", "This day is listed twice.")
		}
		y.DaysOff[date] = textnorm.Clean(d.Reason)
	}
	for i, s := range in.WorkingSaturdays {
		date, err := worktime.ParseDate(s)
		if err != nil {
			return y, httpapi.Invalid(fmt.Sprintf("working_saturdays[%d]", i), "invalid_date", "A date is written YYYY-MM-DD, e.g. 2026-04-25.")
		}
		y.WorkingWeekendDays[date] = true
	}
	return y, nil
}
