package tracking

import (
	"testing"
	"time"

	"github.com/motcua/motcua/services/worktime"
)

func TestStandingAt(t *testing.T) {
	loc, due, at := appointment()
	for _, tc := range []struct {
		name string
		s    Standing
		now  time.Time
		want worktime.Timing
	}{
		{"open, in time", Standing{Status: "processing", DueAt: &due}, due.Add(-time.Hour), worktime.WithinDeadline},
		{"open, past due", Standing{Status: "processing", DueAt: &due}, due.Add(time.Hour), worktime.Overdue},
		{"paused before due is judged then", Standing{Status: "supplement_requested", DueAt: &due, PausedAt: at(-time.Hour)},
			due.Add(100 * time.Hour), worktime.WithinDeadline},
		{"paused after due stays overdue", Standing{Status: "supplement_requested", DueAt: &due, PausedAt: at(time.Hour)},
			due.Add(100 * time.Hour), worktime.Overdue},
		{"final timing wins", Standing{Status: "processed", Final: "late", DueAt: &due, FinishedAt: at(-48 * time.Hour)},
			due, worktime.Late},
		{"finished without final", Standing{Status: "processed", DueAt: &due, FinishedAt: at(-48 * time.Hour)}, due, worktime.Early},
		{"withdrawn has none", Standing{Status: "withdrawn", DueAt: &due, FinishedAt: at(time.Hour)}, due, ""},
		// Submitted online and not received yet: no appointment, so never overdue.
		{"submitted has none", Standing{Status: "submitted"}, due.Add(1000 * time.Hour), ""},
		{"supplement asked before receipt has none", Standing{Status: "supplement_requested", PausedAt: at(0)},
			due.Add(1000 * time.Hour), ""},
		{"refused before receipt has none", Standing{Status: "refused", FinishedAt: at(0)}, due, ""},
	} {
		if got := tc.s.At(tc.now, loc); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestRemainingHours(t *testing.T) {
	cal, err := worktime.DefaultCalendar(2026)
	if err != nil {
		t.Fatal(err)
	}
	loc := cal.Location()
	// Tuesday 10 March 2026, 17:00; Monday 9 March 09:00 is 8+6 = 14 working hours before.
	due := time.Date(2026, 3, 10, 17, 0, 0, 0, loc)
	mon9 := time.Date(2026, 3, 9, 9, 0, 0, 0, loc)
	wed8 := time.Date(2026, 3, 11, 8, 0, 0, 0, loc)
	fin := due
	for _, tc := range []struct {
		name string
		s    Standing
		now  time.Time
		want float64
	}{
		{"two days ahead", Standing{Status: "processing", DueAt: &due}, mon9, 14},
		{"a few minutes", Standing{Status: "processing", DueAt: &due}, due.Add(-3 * time.Minute), 0.1},
		{"at due", Standing{Status: "processing", DueAt: &due}, due, 0},
		{"overnight past due counts working hours only", Standing{Status: "processing", DueAt: &due}, wed8, -1},
		{"paused: the time left when the clock stopped", Standing{Status: "supplement_requested", DueAt: &due, PausedAt: &mon9},
			wed8.AddDate(0, 0, 7), 14},
		{"finished", Standing{Status: "processed", Final: "late", DueAt: &due, FinishedAt: &fin}, wed8, 0},
		{"withdrawn", Standing{Status: "withdrawn", DueAt: &due}, wed8, 0},
		{"never minus zero", Standing{Status: "processing", DueAt: &due}, due.Add(time.Minute), 0},
		{"not received yet", Standing{Status: "submitted"}, wed8, 0},
	} {
		if got := tc.s.RemainingHours(tc.now, cal); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestStandingAtRisk(t *testing.T) {
	cal, err := worktime.DefaultCalendar(2026)
	if err != nil {
		t.Fatal(err)
	}
	loc := cal.Location()
	// Friday 13 March 2026, 15:00: two working hours that day, six on Monday.
	now := time.Date(2026, 3, 13, 15, 0, 0, 0, loc)
	monday := time.Date(2026, 3, 16, 14, 0, 0, 0, loc) // 7 working hours away
	later := time.Date(2026, 3, 16, 16, 0, 0, 0, loc)  // 9
	gone := time.Date(2026, 3, 13, 14, 0, 0, 0, loc)   // an hour ago
	stopped := time.Date(2026, 3, 12, 9, 0, 0, 0, loc)
	for _, tc := range []struct {
		name string
		s    Standing
		want bool
	}{
		{"due Monday, over the weekend", Standing{Status: "processing", DueAt: &monday}, true},
		{"due beyond the warning", Standing{Status: "processing", DueAt: &later}, false},
		{"overdue", Standing{Status: "processing", DueAt: &gone}, false},
		{"paused for a supplement", Standing{Status: "supplement_requested", DueAt: &monday, PausedAt: &stopped}, false},
		{"processed", Standing{Status: "processed", Final: "on_time", DueAt: &monday, FinishedAt: &now}, false},
		{"withdrawn", Standing{Status: "withdrawn", DueAt: &monday}, false},
		{"not received yet", Standing{Status: "submitted"}, false},
	} {
		if got := tc.s.AtRisk(now, cal, 8); got != tc.want {
			t.Errorf("%s: AtRisk = %v, want %v", tc.name, got, tc.want)
		}
	}
}
