package indicators

import (
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// MaxDays bounds a period of indicators (a leap year): a longer one is refused rather
// than computed over millions of dossiers.
const MaxDays = 366

// Period is a span of whole days, both included, in the offices' time zone: the
// dossiers received in it are the ones counted.
type Period struct {
	From, To worktime.Date
}

// Days is the number of days of p.
func (p Period) Days() int { return daysBetween(p.From, p.To) + 1 }

// Bounds are the instants p covers in loc: from the start of its first day (included) to
// the start of the day after its last (excluded).
func (p Period) Bounds(loc *time.Location) (from, to time.Time) {
	return start(p.From, loc), start(p.To.AddDays(1), loc)
}

// ThisMonth is the current month up to today.
func ThisMonth(today worktime.Date) Period {
	return Period{From: worktime.Date{Year: today.Year, Month: today.Month, Day: 1}, To: today}
}

// LastMonth is the whole month before today's.
func LastMonth(today worktime.Date) Period {
	first := worktime.Date{Year: today.Year, Month: today.Month, Day: 1}
	last := first.AddDays(-1)
	return Period{From: worktime.Date{Year: last.Year, Month: last.Month, Day: 1}, To: last}
}

// ThisQuarter is the current quarter up to today.
func ThisQuarter(today worktime.Date) Period {
	m := time.Month((int(today.Month)-1)/3*3 + 1)
	return Period{From: worktime.Date{Year: today.Year, Month: m, Day: 1}, To: today}
}

// ThisYear is the current year up to today.
func ThisYear(today worktime.Date) Period {
	return Period{From: worktime.Date{Year: today.Year, Month: time.January, Day: 1}, To: today}
}

func start(d worktime.Date, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

func daysBetween(a, b worktime.Date) int {
	ta := time.Date(a.Year, a.Month, a.Day, 0, 0, 0, 0, time.UTC)
	tb := time.Date(b.Year, b.Month, b.Day, 0, 0, 0, 0, time.UTC)
	return int(tb.Sub(ta).Hours() / 24)
}
