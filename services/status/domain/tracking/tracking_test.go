package tracking

import (
	"testing"
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// classify is how a dossier due at due, finished at finished (nil while open) stands
// at now: the finish judged, or the open dossier's standing, as the read model tells it.
func classify(due time.Time, finished *time.Time, now time.Time, loc *time.Location) worktime.Timing {
	return Standing{Status: "processing", DueAt: &due, FinishedAt: finished}.At(now, loc)
}

// appointment is the due time most tests judge against, Tuesday 10 March 2026 at 17:00
// in the offices' time zone loc, and at, which gives the moment d after it as a
// Standing holds its times.
func appointment() (loc *time.Location, due time.Time, at func(d time.Duration) *time.Time) {
	loc = time.FixedZone("ICT", 7*3600)
	due = time.Date(2026, 3, 10, 17, 0, 0, 0, loc)
	return loc, due, func(d time.Duration) *time.Time { x := due.Add(d); return &x }
}

func TestClassify(t *testing.T) {
	loc, due, at := appointment()
	for _, tc := range []struct {
		name     string
		finished *time.Time
		now      time.Time
		want     worktime.Timing
	}{
		{"open before due", nil, due.Add(-time.Minute), worktime.WithinDeadline},
		{"open exactly at due", nil, due, worktime.WithinDeadline},
		{"open after due", nil, due.Add(time.Second), worktime.Overdue},
		{"finished at due", at(0), due.Add(time.Hour), worktime.OnTime},
		{"finished just before", at(-time.Hour), due, worktime.OnTime},
		{"finished the morning of the due day", at(-9 * time.Hour), due, worktime.OnTime},
		{"finished the evening before", at(-18 * time.Hour), due, worktime.Early},
		{"finished after due", at(time.Second), due, worktime.Late},
	} {
		if got := classify(due, tc.finished, tc.now, loc); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestClassifyUsesTheOfficesDay checks that "the day before" is a day in the offices'
// time zone, not in UTC: near midnight in Hà Nội the UTC date is another.
func TestClassifyUsesTheOfficesDay(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	due := time.Date(2026, 3, 10, 0, 30, 0, 0, ict) // 9 March, 17:30 UTC
	for _, tc := range []struct {
		name     string
		finished time.Time
		want     worktime.Timing
	}{
		// 9 March 23:00 in Hà Nội, 16:00 UTC: the same UTC day as the due time, but
		// the day before in the offices' day.
		{"the evening before, local", time.Date(2026, 3, 9, 23, 0, 0, 0, ict), worktime.Early},
		{"just after midnight on the due day", time.Date(2026, 3, 10, 0, 10, 0, 0, ict), worktime.OnTime},
		{"a minute late", time.Date(2026, 3, 10, 0, 31, 0, 0, ict), worktime.Late},
	} {
		if got := classify(due, &tc.finished, due.Add(time.Hour), ict); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	// The same finish read in UTC would be on the due day: the zone decides.
	evening := time.Date(2026, 3, 9, 23, 0, 0, 0, ict)
	if got := classify(due, &evening, due, time.UTC); got != worktime.OnTime {
		t.Errorf("in UTC: %s, want %s", got, worktime.OnTime)
	}
}
