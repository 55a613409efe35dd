package servicetest

import (
	"net/http"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/calendarsync"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/worktime"
)

// calendarYear is a year's calendar as the API answers it, written out so that a change
// of the contract is caught.
type calendarYear struct {
	Year    int `json:"year"`
	DaysOff []struct {
		Date   string `json:"date"`
		Reason string `json:"reason"`
	} `json:"days_off"`
	WorkingSaturdays []string `json:"working_saturdays"`
	OfficeHours      []string `json:"office_hours"`
	Revision         int64    `json:"revision"`
}

func TestAdministratorEditsTheCalendar(t *testing.T) {
	e := start(t)
	admin := e.token(t, "admin.xuanloc")
	var before calendarYear
	e.call(t, "GET", "/api/v1/calendar/2028", "", nil).Decode(t, &before)
	if before.Revision != 0 || len(before.DaysOff) == 0 {
		t.Fatalf("shipped 2028: %+v", before)
	}

	// A bridge day on Friday 3 March 2028, worked back on Saturday 11 March.
	edit := map[string]any{
		"days_off":          append(daysOff(before), map[string]string{"date": "2028-03-03", "reason": "Nghỉ bù (quyết định tỉnh)"}),
		"working_saturdays": []string{"2028-03-11"},
		"office_hours":      before.OfficeHours,
	}
	r := e.call(t, "PUT", "/api/v1/calendar/2028", admin, apitest.JSON(t, edit))
	if r.Status != http.StatusOK {
		t.Fatalf("PUT: %d %s", r.Status, r.Body)
	}
	var after calendarYear
	e.call(t, "GET", "/api/v1/calendar/2028", "", nil).Decode(t, &after)
	if after.Revision != 1 || len(after.DaysOff) != len(before.DaysOff)+1 || len(after.WorkingSaturdays) != 1 {
		t.Fatalf("after the edit: %+v", after)
	}
	// The clock counts with it at once: 8 working hours from Thursday 2 March at 17:00
	// end on Monday 6 March (Friday is off), and from Friday 10 March at 17:00 on the
	// worked Saturday.
	var due struct {
		DueAt time.Time `json:"due_at"`
	}
	e.call(t, "GET", "/api/v1/calendar/due?from=2028-03-02T17:00:00%2B07:00&hours=8", "", nil).Decode(t, &due)
	if want := time.Date(2028, 3, 6, 17, 0, 0, 0, worktime.VietnamLocation()); !due.DueAt.Equal(want) {
		t.Errorf("due after a bridge day: %s, want %s", due.DueAt, want)
	}
	e.call(t, "GET", "/api/v1/calendar/due?from=2028-03-10T17:00:00%2B07:00&hours=8", "", nil).Decode(t, &due)
	if want := time.Date(2028, 3, 11, 17, 0, 0, 0, worktime.VietnamLocation()); !due.DueAt.Equal(want) {
		t.Errorf("due over a worked Saturday: %s, want %s", due.DueAt, want)
	}

	// The edit leaves for the other services on the REFERENCE stream.
	var got worktime.Year
	var rev int64
	for _, data := range e.streamMessages(t, messaging.ReferenceStream, calendarsync.Subject(2028), 1, 15*time.Second) {
		var err error
		if got, rev, err = calendarsync.Decode(data); err != nil {
			t.Fatal(err)
		}
	}
	if rev != 1 || got.DaysOff[worktime.Date{Year: 2028, Month: time.March, Day: 3}] == "" {
		t.Fatalf("published edit: rev %d, %v", rev, got.DaysOff)
	}

	// Only administrators edit; bad calendars are refused with a reason.
	e.call(t, "PUT", "/api/v1/calendar/2028", e.token(t, "desk.xuanloc"), apitest.JSON(t, edit)).
		ExpectError(t, http.StatusForbidden, "forbidden", "")
	for name, body := range map[string]map[string]any{
		"bad date":         {"days_off": []map[string]string{{"date": "2028-02-30", "reason": "x"}}},
		"other year":       {"days_off": []map[string]string{{"date": "2029-01-01", "reason": "Tết"}}},
		"weekday worked":   {"working_saturdays": []string{"2028-03-06"}},
		"no reason":        {"days_off": []map[string]string{{"date": "2028-03-06", "reason": " "}}},
		"office hours":     {"office_hours": []string{"08:00-12:00"}},
		"year of the body": {"year": 2027},
	} {
		r := e.call(t, "PUT", "/api/v1/calendar/2028", admin, apitest.JSON(t, body))
		if r.Status != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d %s", name, r.Status, r.Body)
		}
	}
	e.call(t, "PUT", "/api/v1/calendar/1800", admin, apitest.JSON(t, edit)).ExpectError(t, http.StatusUnprocessableEntity, "invalid_year", "year")
}

func daysOff(c calendarYear) []map[string]string {
	out := []map[string]string{}
	for _, d := range c.DaysOff {
		out = append(out, map[string]string{"date": d.Date, "reason": d.Reason})
	}
	return out
}
