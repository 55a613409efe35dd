package rest

import (
	"errors"
	"net/http"
	"slices"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// setCalendarYear answers PUT /calendar/{year} (administrators): the year's days off
// and worked weekend days, replacing the shipped ones. The body has the shape GET
// answers with; office hours may be sent back unchanged but are not edited here.
func (a *API) setCalendarYear(w http.ResponseWriter, r *http.Request) {
	year, ok := a.pathYear(w, r)
	if !ok {
		return
	}
	var in app.CalendarInput
	if err := httpapi.DecodeJSON(w, r, &in, httpapi.DefaultBodyLimit); err != nil {
		a.fail(w, r, err)
		return
	}
	if in.OfficeHours != nil {
		var now []string
		for _, s := range a.Calendar.Calendar().OfficeHours() {
			now = append(now, s.String())
		}
		if !slices.Equal(now, in.OfficeHours) {
			a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "office_hours", "not_editable"))
			return
		}
	}
	y, err := in.ForYear(year)
	if err == nil {
		_, err = a.Calendars.Set(r.Context(), auth.FromContext(r.Context()).Username, y)
	}
	if err != nil {
		var ce *app.CalendarError
		if errors.As(err, &ce) {
			err = httpapi.Problem(http.StatusUnprocessableEntity, ce.Field, "invalid_calendar", ce.Reason)
		}
		a.fail(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, a.calendarOf(year))
}
