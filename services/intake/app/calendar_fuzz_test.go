package app_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/worktime"
)

// FuzzCalendarInput feeds arbitrary bodies of PUT /api/v1/calendar/{year} to the
// decoder and ForYear, as the API does: nothing panics, a refusal is a CalendarError
// naming a field, and a year let through validates, and its days off and worked weekend
// days read back as the dates they were written as.
func FuzzCalendarInput(f *testing.F) {
	for _, s := range []string{
		`{"year":2026,"days_off":[{"date":"2026-01-01","reason":"Tết Dương lịch"},{"date":"2026-09-02","reason":"Quốc khánh"}],"working_saturdays":["2026-04-25"]}`,
		`{"days_off":[{"date":"2026-01-01"},{"date":"2026-01-01"}]}`,
		`{"days_off":[{"date":"2026-02-30"}]}`, `{"days_off":[{"date":"2026-1-1"}]}`,
		`{"year":2025,"days_off":[]}`, `{"working_saturdays":["0000-00-00","9999-12-31"]}`,
		`{"days_off":[{"date":"2027-01-01","reason":"\u0000"}]}`, `{"office_hours":["07:30-11:30"]}`,
	} {
		f.Add([]byte(s), uint16(2026))
	}
	f.Fuzz(func(t *testing.T, body []byte, year uint16) {
		var in app.CalendarInput
		if httpapi.UnmarshalJSON(body, &in) != nil {
			return
		}
		y, err := in.ForYear(int(year))
		if err != nil {
			var ce *app.CalendarError
			if !errors.As(err, &ce) || ce.Field == "" || ce.Reason == "" {
				t.Fatalf("%q for %d: refused with %#v, want a CalendarError", body, year, err)
			}
			return
		}
		if err := y.Validate(); err != nil {
			t.Fatalf("%q for %d: let through a year that does not validate: %v", body, year, err)
		}
		for _, d := range in.DaysOff {
			date, err := worktime.ParseDate(d.Date)
			if _, ok := y.DaysOff[date]; err != nil || !ok {
				t.Fatalf("%q: day off %q lost", body, d.Date)
			}
		}
		if _, err := json.Marshal(in); err != nil {
			t.Fatal(err)
		}
	})
}
