package indicators

import (
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// Unit is the length of the buckets of a chart over time.
type Unit string

// The units of a period's buckets.
const (
	Week  Unit = "week"
	Month Unit = "month"
)

// MaxWeeklyDays is the longest period charted week by week (a quarter); a longer one is
// charted month by month, so that a chart never has more than about fourteen points.
const MaxWeeklyDays = 92

// Bucket is one part of a period: a week (Monday to Sunday) or a calendar month, cut
// to the period at both ends.
type Bucket struct {
	From, To worktime.Date
}

// Buckets divides p into weeks when it lasts at most MaxWeeklyDays, into months
// otherwise, in order; the first and last are cut to p.
func Buckets(p Period) (Unit, []Bucket) {
	unit := Week
	if p.Days() > MaxWeeklyDays {
		unit = Month
	}
	var out []Bucket
	for from := p.From; !from.After(p.To); {
		to := endOf(unit, from)
		if to.After(p.To) {
			to = p.To
		}
		out = append(out, Bucket{From: from, To: to})
		from = to.AddDays(1)
	}
	return unit, out
}

// endOf is the last day of the week (Sunday) or the month holding d.
func endOf(unit Unit, d worktime.Date) worktime.Date {
	if unit == Month {
		next := worktime.Date{Year: d.Year, Month: d.Month, Day: 1}.AddDays(32)
		return worktime.Date{Year: next.Year, Month: next.Month, Day: 1}.AddDays(-1)
	}
	// Monday is the first day of a week in Vietnam.
	return d.AddDays((7 - int(d.Weekday())) % 7)
}

// Starts are the instants the buckets begin at in loc, for grouping dossiers by the
// bucket they were received in.
func Starts(buckets []Bucket, loc *time.Location) []time.Time {
	out := make([]time.Time, len(buckets))
	for i, b := range buckets {
		out[i] = start(b.From, loc)
	}
	return out
}
