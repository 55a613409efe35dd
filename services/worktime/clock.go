package worktime

import "time"

// NextOpening returns t itself if t is inside office hours on a working day,
// and otherwise the next start of office hours. The result is in the
// calendar's location.
func (c *Calendar) NextOpening(t time.Time) time.Time {
	open, _ := c.openSpan(t)
	return open
}

// AddWorkingHours returns the appointment for a dossier received at from
// with a time limit of hours working hours: the instant that many working
// hours after from, counting only office hours on working days. When from is
// outside office hours the clock starts at the next opening. A count that
// ends exactly at the end of a span ends there (for example at 11:30 or
// 17:00).
//
// hours == 0 means "same day": the close of office hours on the working day
// on which the clock starts (the next opening's day when from is outside
// office hours). Negative hours are treated as 0. The result is in the
// calendar's location.
func (c *Calendar) AddWorkingHours(from time.Time, hours int) time.Time {
	if hours <= 0 {
		open, _ := c.openSpan(from)
		return c.closeOf(DateOf(open))
	}
	return c.AddWorkingTime(from, time.Duration(hours)*time.Hour)
}

// AddWorkingTime returns the instant d of working time after from, counting
// only office hours on working days and starting at NextOpening(from). It
// is the general form of AddWorkingHours, for example to resume a paused
// clock with the remaining time. If d <= 0 it returns NextOpening(from).
// The result is in the calendar's location.
func (c *Calendar) AddWorkingTime(from time.Time, d time.Duration) time.Time {
	cur, end := c.openSpan(from)
	for {
		left := end.Sub(cur)
		if d <= left {
			if d < 0 {
				d = 0
			}
			return cur.Add(d)
		}
		d -= left
		cur, end = c.openSpan(end)
	}
}

// WorkingDuration returns the working time between from and to: the part of
// [from, to) that falls in office hours on working days. It is 0 if to is
// not after from.
func (c *Calendar) WorkingDuration(from, to time.Time) time.Duration {
	c.mustBeReady()
	if !to.After(from) {
		return 0
	}
	from, to = from.In(c.loc), to.In(c.loc)
	last := DateOf(to)
	var total time.Duration
	for d := DateOf(from); !d.After(last); d = d.AddDays(1) {
		if !c.IsWorkingDay(d) {
			continue
		}
		for _, s := range c.hours {
			lo, hi := d.at(c.loc, s.Start), d.at(c.loc, s.End)
			if lo.Before(from) {
				lo = from
			}
			if hi.After(to) {
				hi = to
			}
			if hi.After(lo) {
				total += hi.Sub(lo)
			}
		}
	}
	return total
}

// openSpan returns the instant the clock runs from at or after t (t itself
// inside office hours, else the next start of office hours) and the end of
// the span of office hours that contains it.
func (c *Calendar) openSpan(t time.Time) (open, end time.Time) {
	c.mustBeReady()
	t = t.In(c.loc)
	for d := DateOf(t); ; d = d.AddDays(1) {
		if !c.IsWorkingDay(d) {
			continue
		}
		for _, s := range c.hours {
			start, end := d.at(c.loc, s.Start), d.at(c.loc, s.End)
			if !t.Before(end) {
				continue
			}
			if t.Before(start) {
				return start, end
			}
			return t, end
		}
	}
}

// closeOf returns the close of office hours on d.
func (c *Calendar) closeOf(d Date) time.Time {
	return d.at(c.loc, c.hours[len(c.hours)-1].End)
}

// mustBeReady panics on a Calendar that was not built by NewCalendar, which
// would otherwise loop forever looking for office hours.
func (c *Calendar) mustBeReady() {
	if c == nil || c.loc == nil || len(c.hours) == 0 {
		panic("worktime: Calendar used without NewCalendar")
	}
}
