package worktime

import (
	"testing"
	"time"
)

func TestAtRiskUntil(t *testing.T) {
	cal := mustCalendar(t, 2026)
	for _, tc := range []struct {
		name, now string
		hours     int
		want      string
	}{
		// 08:00–11:30 and 13:30–17:00 are 7 hours; the eighth is Tuesday's first.
		{"a Monday morning", "2026-03-09 08:00", 8, "2026-03-10 08:00"},
		{"within the morning", "2026-03-09 08:00", 2, "2026-03-09 10:00"},
		{"over the lunch break", "2026-03-09 11:00", 1, "2026-03-09 14:00"},
		{"ending at the close", "2026-03-09 09:00", 6, "2026-03-09 17:00"},
		{"an evening counts from the next opening", "2026-03-09 20:00", 8, "2026-03-10 17:00"},
		// Friday 15:00–17:00 is 2 hours; the other 6 are Monday's.
		{"over a weekend", "2026-03-13 15:00", 8, "2026-03-16 15:00"},
		{"on a Saturday", "2026-03-14 10:00", 8, "2026-03-16 17:00"},
		// Tết: Monday 16 to Friday 20 February 2026 are days off.
		{"over Tết", "2026-02-13 15:00", 8, "2026-02-23 15:00"},
		// 2 September (Wednesday) and the day beside it (Thursday 3) are off.
		{"over National Day", "2026-09-01 16:00", 8, "2026-09-04 16:00"},
		{"a working week", "2026-03-09 07:00", 40, "2026-03-13 17:00"},
		{"no warning", "2026-03-09 08:00", 0, "2026-03-09 08:00"},
	} {
		if got := cal.AtRiskUntil(local(t, tc.now), tc.hours); !got.Equal(local(t, tc.want)) {
			t.Errorf("%s: AtRiskUntil(%s, %d) = %s, want %s", tc.name, tc.now, tc.hours,
				got.In(cal.Location()).Format("2006-01-02 15:04"), tc.want)
		}
	}
}

func TestAtRisk(t *testing.T) {
	cal := mustCalendar(t, 2026)
	at := func(s string) *time.Time { v := local(t, s); return &v }
	for _, tc := range []struct {
		name, now, due string
		paused         *time.Time
		hours          int
		want           bool
	}{
		{"2 working hours left", "2026-03-09 08:00", "2026-03-09 10:00", nil, 8, true},
		{"7 working hours left", "2026-03-09 08:00", "2026-03-09 17:00", nil, 8, true},
		{"8 working hours left, the next morning", "2026-03-09 08:00", "2026-03-10 08:00", nil, 8, true},
		{"a minute more than 8", "2026-03-09 08:00", "2026-03-10 08:01", nil, 8, false},
		{"9 working hours left", "2026-03-09 08:00", "2026-03-10 09:00", nil, 8, false},
		{"due this very instant", "2026-03-09 08:00", "2026-03-09 08:00", nil, 8, true},
		{"overdue is late, not at risk", "2026-03-09 10:01", "2026-03-09 10:00", nil, 8, false},
		{"long overdue", "2026-03-12 08:00", "2026-03-09 10:00", nil, 8, false},
		// Friday 15:00: 2 hours that day, 6 on Monday, three days away.
		{"due Monday, 7 working hours after Friday 15:00", "2026-03-13 15:00", "2026-03-16 14:00", nil, 8, true},
		{"due Monday, 9 working hours after Friday 15:00", "2026-03-13 15:00", "2026-03-16 16:00", nil, 8, false},
		{"seen on a Saturday", "2026-03-14 10:00", "2026-03-16 17:00", nil, 8, true},
		{"seen on a Sunday evening, due Tuesday", "2026-03-15 20:00", "2026-03-17 08:00", nil, 8, false},
		// Before Tết the days off count for nothing: ten days away, 7 working hours.
		{"due after Tết", "2026-02-13 15:00", "2026-02-23 14:00", nil, 8, true},
		{"due the day after Tết's first working day", "2026-02-13 15:00", "2026-02-24 08:00", nil, 8, false},
		{"due after National Day", "2026-09-01 16:00", "2026-09-04 15:00", nil, 8, true},
		// While the citizen brings a supplement, no working time runs out.
		{"paused, 2 working hours were left", "2026-03-09 08:00", "2026-03-09 10:00", at("2026-03-09 07:30"), 8, false},
		{"paused, its appointment passed while it waits", "2026-03-12 08:00", "2026-03-09 10:00", at("2026-03-09 07:30"), 8, false},
		{"a wider warning", "2026-03-09 08:00", "2026-03-10 09:00", nil, 16, true},
		{"a narrower warning", "2026-03-09 08:00", "2026-03-09 11:00", nil, 2, false},
	} {
		if got := cal.AtRisk(local(t, tc.due), tc.paused, local(t, tc.now), tc.hours); got != tc.want {
			t.Errorf("%s: AtRisk(due %s, now %s, %d hours) = %v, want %v", tc.name, tc.due, tc.now, tc.hours, got, tc.want)
		}
	}
}

// TestAtRiskIsTimeLeft: for every appointment the clock makes, the cut-off says what the
// working time left says: at risk exactly when 0 ≤ TimeLeft ≤ hours, and never while
// overdue (Standing).
func TestAtRiskIsTimeLeft(t *testing.T) {
	cal := mustCalendar(t, 2025, 2026, 2027)
	r := newRand(14)
	for i := 0; i < propertyRuns; i++ {
		received := randomInstant(r, cal)
		due := cal.AddWorkingTime(received, time.Duration(1+r.IntN(80*60))*time.Minute)
		now := received.Add(time.Duration(r.Int64N(int64(30 * 24 * time.Hour))))
		hours := 1 + r.IntN(24)
		left := cal.TimeLeft(due, nil, now)
		want := left >= 0 && left <= time.Duration(hours)*time.Hour && Standing(due, nil, now) != Overdue
		if got := cal.AtRisk(due, nil, now, hours); got != want {
			t.Fatalf("due %s, now %s, %d hours: AtRisk = %v, but %s left", due.In(cal.loc), now.In(cal.loc), hours, got, left)
		}
	}
}
