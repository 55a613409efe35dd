package worktime

import (
	"testing"
	"time"
)

func TestJudgeAndStanding(t *testing.T) {
	loc := VietnamLocation()
	due := time.Date(2026, 3, 11, 15, 0, 0, 0, loc) // a Wednesday afternoon
	for _, tc := range []struct {
		name string
		at   time.Time
		want Timing
	}{
		{"a day before", due.AddDate(0, 0, -1), Early},
		{"the same morning", time.Date(2026, 3, 11, 8, 0, 0, 0, loc), OnTime},
		{"at the appointment", due, OnTime},
		{"a second after", due.Add(time.Second), Late},
	} {
		if got := Judge(tc.at, due, loc); got != tc.want {
			t.Errorf("%s: Judge = %s, want %s", tc.name, got, tc.want)
		}
	}
	after := due.Add(time.Hour)
	if got := Standing(due, nil, after); got != Overdue {
		t.Errorf("open past the appointment: %s", got)
	}
	paused := due.Add(-time.Hour)
	if got := Standing(due, &paused, after); got != WithinDeadline {
		t.Errorf("paused before the appointment, seen after it: %s", got)
	}
}

func TestTimeLeft(t *testing.T) {
	cal, err := DefaultCalendar(2026)
	if err != nil {
		t.Fatal(err)
	}
	loc := cal.Location()
	due := time.Date(2026, 3, 11, 15, 0, 0, 0, loc)
	morning := time.Date(2026, 3, 11, 8, 0, 0, 0, loc) // 3h30 before noon, 1h30 after 13:30
	if got := cal.TimeLeft(due, nil, morning); got != 5*time.Hour {
		t.Errorf("left on the morning of the appointment: %s", got)
	}
	if got := cal.TimeLeft(due, nil, due.Add(90*time.Minute)); got != -90*time.Minute {
		t.Errorf("left an hour and a half after: %s", got)
	}
	if got := cal.TimeLeft(due, &morning, due.AddDate(0, 0, 7)); got != 5*time.Hour {
		t.Errorf("paused that morning, seen a week later: %s", got)
	}
}
