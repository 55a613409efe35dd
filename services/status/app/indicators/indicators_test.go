package indicators

import (
	"reflect"
	"testing"
	"time"

	"github.com/motcua/motcua/services/worktime"
)

func day(s string) worktime.Date {
	d, err := worktime.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestFigures(t *testing.T) {
	none := Of(Counters{})
	if none.OnTimeRate != nil || none.SatisfactionRate != nil || none.OnlineShare != nil || none.AvgProcessingHours != nil {
		t.Errorf("no dossier gives rates: %+v", none)
	}
	secs := 61200.0
	f := Of(Counters{Received: 9, Early: 1, OnTime: 2, Late: 1, WithinDeadline: 3, Overdue: 1, Withdrawn: 1,
		Online: 4, Dislikes: 2, AvgProcessingSeconds: &secs})
	for name, c := range map[string]struct {
		got  *float64
		want float64
	}{
		"on time": {f.OnTimeRate, 75}, "online": {f.OnlineShare, 44.4}, "satisfaction": {f.SatisfactionRate, 50},
		"hours": {f.AvgProcessingHours, 17},
	} {
		if c.got == nil || *c.got != c.want {
			t.Errorf("%s: %v, want %v", name, c.got, c.want)
		}
	}
	if f.Scored != 8 || f.LateOrOverdue() != 2 || f.InTime() != 6 {
		t.Errorf("scored %d, late %d, in time %d", f.Scored, f.LateOrOverdue(), f.InTime())
	}
	if s := Of(Counters{Received: 2, Late: 2, Dislikes: 2}).SatisfactionRate; s == nil || *s != 0 {
		t.Errorf("satisfaction below 0: %v", s)
	}
}

func TestPresets(t *testing.T) {
	today := day("2026-05-20")
	for name, c := range map[string]struct {
		got      Period
		from, to string
	}{
		"this month":   {ThisMonth(today), "2026-05-01", "2026-05-20"},
		"last month":   {LastMonth(today), "2026-04-01", "2026-04-30"},
		"this quarter": {ThisQuarter(today), "2026-04-01", "2026-05-20"},
		"this year":    {ThisYear(today), "2026-01-01", "2026-05-20"},
		"last of jan":  {LastMonth(day("2026-01-31")), "2025-12-01", "2025-12-31"},
		"march":        {LastMonth(day("2024-03-01")), "2024-02-01", "2024-02-29"},
		"q4":           {ThisQuarter(day("2026-12-31")), "2026-10-01", "2026-12-31"},
	} {
		if c.got.From.String() != c.from || c.got.To.String() != c.to {
			t.Errorf("%s: %s to %s, want %s to %s", name, c.got.From, c.got.To, c.from, c.to)
		}
	}
	if d := (Period{From: day("2024-01-01"), To: day("2024-12-31")}).Days(); d != 366 {
		t.Errorf("2024 has %d days", d)
	}
	loc := worktime.VietnamLocation()
	from, to := Period{From: day("2026-03-01"), To: day("2026-03-31")}.Bounds(loc)
	if !from.Equal(time.Date(2026, 2, 28, 17, 0, 0, 0, time.UTC)) || !to.Equal(time.Date(2026, 3, 31, 17, 0, 0, 0, time.UTC)) {
		t.Errorf("bounds %s %s", from, to)
	}
}

func TestBuckets(t *testing.T) {
	dates := func(bs []Bucket) [][2]string {
		var out [][2]string
		for _, b := range bs {
			out = append(out, [2]string{b.From.String(), b.To.String()})
		}
		return out
	}
	for _, c := range []struct {
		name     string
		p        Period
		unit     Unit
		expected [][2]string
	}{
		// 1 March 2026 is a Sunday: its week is cut to one day.
		{"a month by weeks", Period{day("2026-03-01"), day("2026-03-31")}, Week, [][2]string{
			{"2026-03-01", "2026-03-01"}, {"2026-03-02", "2026-03-08"}, {"2026-03-09", "2026-03-15"},
			{"2026-03-16", "2026-03-22"}, {"2026-03-23", "2026-03-29"}, {"2026-03-30", "2026-03-31"}}},
		{"one day", Period{day("2026-03-04"), day("2026-03-04")}, Week, [][2]string{{"2026-03-04", "2026-03-04"}}},
		{"a Monday to a Sunday", Period{day("2026-03-02"), day("2026-03-08")}, Week, [][2]string{{"2026-03-02", "2026-03-08"}}},
		{"92 days by weeks", Period{day("2026-01-01"), day("2026-04-02")}, Week, nil},
		{"93 days by months", Period{day("2026-01-15"), day("2026-04-17")}, Month, [][2]string{
			{"2026-01-15", "2026-01-31"}, {"2026-02-01", "2026-02-28"}, {"2026-03-01", "2026-03-31"}, {"2026-04-01", "2026-04-17"}}},
		{"a leap year", Period{day("2024-01-01"), day("2024-12-31")}, Month, nil},
	} {
		unit, bs := Buckets(c.p)
		if unit != c.unit {
			t.Errorf("%s: unit %s, want %s", c.name, unit, c.unit)
		}
		if c.expected != nil && !reflect.DeepEqual(dates(bs), c.expected) {
			t.Errorf("%s: %v, want %v", c.name, dates(bs), c.expected)
		}
		// Whatever the period, the buckets tile it: no gap, no overlap.
		if bs[0].From != c.p.From || bs[len(bs)-1].To != c.p.To {
			t.Errorf("%s: the buckets span %s to %s", c.name, bs[0].From, bs[len(bs)-1].To)
		}
		for i := 1; i < len(bs); i++ {
			if bs[i].From != bs[i-1].To.AddDays(1) || bs[i].To.Before(bs[i].From) {
				t.Errorf("%s: bucket %d %v follows %v", c.name, i, bs[i], bs[i-1])
			}
		}
		if len(bs) > 14 {
			t.Errorf("%s: %d buckets", c.name, len(bs))
		}
	}
	_, year := Buckets(Period{day("2024-01-01"), day("2024-12-31")})
	if len(year) != 12 || year[1].To.String() != "2024-02-29" {
		t.Errorf("a leap year's months: %v", dates(year))
	}
	starts := Starts(year[:2], worktime.VietnamLocation())
	if !starts[1].Equal(time.Date(2024, 1, 31, 17, 0, 0, 0, time.UTC)) {
		t.Errorf("starts %v", starts)
	}
}
