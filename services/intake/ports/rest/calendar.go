package rest

import (
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/worktime"
)

// FirstYear and LastYear bound the years the calendar endpoints answer for; the
// working-time clock knows the holidays of each of them.
const FirstYear, LastYear = worktime.FirstYear, worktime.LastYear

// calendarJSON is a year's calendar as the API shows it: the shape an administrator
// sends back to edit it, and the revision it is at.
type calendarJSON struct {
	app.CalendarInput
	// Revision counts the administrator's edits of the year; 0 is the shipped calendar.
	Revision int64 `json:"revision"`
}

// calendarYear answers GET /calendar/{year}: office hours, days off and swapped days.
func (a *API) calendarYear(w http.ResponseWriter, r *http.Request) {
	year, ok := a.pathYear(w, r)
	if !ok {
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, a.calendarOf(year))
}

// pathYear reads the {year} of the path, answering 422 when it is not a year the
// calendar knows.
func (a *API) pathYear(w http.ResponseWriter, r *http.Request) (int, bool) {
	year, err := strconv.Atoi(chi.URLParam(r, "year"))
	if err != nil || year < FirstYear || year > LastYear {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "year", "invalid_year"))
		return 0, false
	}
	return year, true
}

// calendarOf is the calendar of year in force, as the API shows it.
func (a *API) calendarOf(year int) calendarJSON {
	cal := a.Calendar.Calendar()
	_, rev := a.Calendar.Year(year)
	out := calendarJSON{Revision: rev, CalendarInput: app.CalendarInput{
		Year: year, OfficeHours: []string{}, DaysOff: []app.DayOffInput{}, WorkingSaturdays: []string{}}}
	for _, s := range cal.OfficeHours() {
		out.OfficeHours = append(out.OfficeHours, s.String())
	}
	for d := (worktime.Date{Year: year, Month: time.January, Day: 1}); d.Year == year; d = d.AddDays(1) {
		if reason, off := cal.DayOff(d); off {
			out.DaysOff = append(out.DaysOff, app.DayOffInput{Date: d.String(), Reason: reason})
		} else if d.IsWeekend() && cal.IsWorkingDay(d) {
			out.WorkingSaturdays = append(out.WorkingSaturdays, d.String())
		}
	}
	sort.Slice(out.DaysOff, func(i, j int) bool { return out.DaysOff[i].Date < out.DaysOff[j].Date })
	return out
}

// due answers GET /calendar/due?from=&hours=: the appointment a desk may promise.
func (a *API) due(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	from, err := time.Parse(time.RFC3339, q.Get("from"))
	if err != nil {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "from", "invalid_time"))
		return
	}
	// The years a calendar may be asked for; beyond them the appointment could fall past
	// the year 9999, which JSON times cannot carry.
	if from.Year() < FirstYear || from.Year() > LastYear {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "from", "out_of_range"))
		return
	}
	hours, err := strconv.Atoi(q.Get("hours"))
	if err != nil || hours < 0 || hours > 8*366 {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "hours", "invalid_hours"))
		return
	}
	cal := a.Calendar.Calendar()
	dueAt := cal.AddWorkingHours(from, hours).In(cal.Location())
	httpapi.WriteJSON(w, http.StatusOK, map[string]time.Time{"due_at": dueAt})
}
