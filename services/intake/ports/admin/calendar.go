package admin

import (
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/worktime"
)

// calendarView is a year of the calendar as the page shows it.
type calendarView struct {
	Year, Prev, Next int
	Revision         int64
	DaysOff          []dayView
	WorkingDays      []dayView
	// Date and Reason are what was typed in a form that came back.
	Date, Reason string
	// Form names the form that came back: "off" or "working".
	Form string
}

// dayView is one listed day.
type dayView struct {
	Date    string // YYYY-MM-DD, as the forms send it
	Shown   string // in words, with the day of the week
	Reason  string
	Weekend bool
}

// calendar answers GET /quan-tri/lich?nam=YYYY (this year by default): the year's
// days off and worked weekend days, and the forms to add or remove one.
func (p *Pages) calendar(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "calendar")
	year := time.Now().In(htmlpage.Zone).Year()
	if s := r.URL.Query().Get("nam"); s != "" {
		y, err := strconv.Atoi(s)
		if err != nil || y < worktime.FirstYear || y > worktime.LastYear {
			pg.Error = pg.Problem("year", "invalid_year")
		} else {
			year = y
		}
	}
	p.showCalendar(w, pg, year, http.StatusOK)
}

// showCalendar fills the year in force into pg and renders it.
func (p *Pages) showCalendar(w http.ResponseWriter, pg *page, year int, status int) {
	y, rev := p.Calendar.Year(year)
	c := &pg.Calendar
	c.Year, c.Prev, c.Next, c.Revision = year, max(year-1, worktime.FirstYear), min(year+1, worktime.LastYear), rev
	c.DaysOff, c.WorkingDays = nil, nil
	for d, reason := range y.DaysOff {
		c.DaysOff = append(c.DaysOff, pg.day(d, reason))
	}
	for d, working := range y.WorkingWeekendDays {
		if working {
			c.WorkingDays = append(c.WorkingDays, pg.day(d, ""))
		}
	}
	sort.Slice(c.DaysOff, func(i, j int) bool { return c.DaysOff[i].Date < c.DaysOff[j].Date })
	sort.Slice(c.WorkingDays, func(i, j int) bool { return c.WorkingDays[i].Date < c.WorkingDays[j].Date })
	p.render(w, status, pg)
}

// day is d as the page lists it.
func (pg *page) day(d worktime.Date, reason string) dayView {
	t := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, htmlpage.Zone)
	return dayView{Date: d.String(), Shown: pg.T("weekday."+strconv.Itoa(int(d.Weekday()))) + ", " + htmlpage.Day(pg.Lang, t),
		Reason: reason, Weekend: d.IsWeekend()}
}

// changeDay answers POST /quan-tri/lich: adds or removes (op=remove) a day off
// (kind=off) or a worked weekend day (kind=working) in the year, through the same
// use case as the API, so the edit gets its revision and reaches every service.
func (p *Pages) changeDay(w http.ResponseWriter, r *http.Request) {
	if !p.readForm(w, r) {
		return
	}
	pg := p.newPage(w, r, "calendar")
	year, err := strconv.Atoi(r.PostFormValue("year"))
	if err != nil || year < worktime.FirstYear || year > worktime.LastYear {
		pg.Error = pg.Problem("year", "invalid_year")
		p.showCalendar(w, pg, time.Now().In(htmlpage.Zone).Year(), http.StatusUnprocessableEntity)
		return
	}
	rev, _ := strconv.ParseInt(r.PostFormValue("revision"), 10, 64)
	ch := app.DayChange{Year: year, Revision: rev, Date: r.PostFormValue("date"), Reason: r.PostFormValue("reason"),
		WorkingDay: r.PostFormValue("kind") == "working", Remove: r.PostFormValue("op") == "remove"}
	_, err = p.Calendars.Change(r.Context(), pg.Who.Username, ch)
	if bad, ok := errors.AsType[app.Invalid](err); ok {
		pg.invalid(bad)
		switch {
		case ch.Remove && bad["date"] != "":
			pg.Error = pg.Problem("date", bad["date"]) // a remove button has no field to show it beside
		case !ch.Remove:
			pg.Calendar.Date, pg.Calendar.Reason = ch.Date, ch.Reason
			pg.Calendar.Form = "off"
			if ch.WorkingDay {
				pg.Calendar.Form = "working"
			}
		}
		p.showCalendar(w, pg, year, http.StatusUnprocessableEntity)
		return
	}
	if err != nil {
		p.fail(w, pg, err)
		return
	}
	u := url.URL{Path: CalendarPath, RawQuery: url.Values{"nam": {strconv.Itoa(year)}, "ok": {"day"}}.Encode()}
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
}
