package worktime

import (
	"math/rand/v2"
	"testing"
	"time"
)

// Property tests use a fixed seed so that failures are reproducible.
const propertyRuns = 2000

// newRand returns the deterministic source for a property test.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x776f726b74696d65)) }

// randomInstant returns an instant in 2025–2027, often on or next to a
// boundary of office hours, sometimes expressed in another zone.
func randomInstant(r *rand.Rand, c *Calendar) time.Time {
	day := Date{2025, time.January, 1}.AddDays(r.IntN(3 * 365))
	var off time.Duration
	switch r.IntN(3) {
	case 0:
		off = time.Duration(r.Int64N(int64(24 * time.Hour)))
	case 1:
		off = time.Duration(r.IntN(24*60)) * time.Minute
	default:
		var edges []time.Duration
		for _, s := range c.hours {
			edges = append(edges, s.Start, s.End)
		}
		edges = append(edges, 0)
		jitter := []time.Duration{0, 0, 0, -1, 1, -time.Second, time.Second}
		off = edges[r.IntN(len(edges))] + jitter[r.IntN(len(jitter))]
		if off < 0 {
			off = 0
		}
	}
	t := day.at(c.loc, off)
	if r.IntN(4) == 0 {
		t = t.UTC()
	}
	return t
}

// inOffice reports whether t is within office hours (end included) on a
// working day, and whether it is at the end of a span.
func inOffice(c *Calendar, t time.Time) (inside, atEnd bool) {
	t = t.In(c.loc)
	d := DateOf(t)
	if !c.IsWorkingDay(d) {
		return false, false
	}
	for _, s := range c.hours {
		start, end := d.at(c.loc, s.Start), d.at(c.loc, s.End)
		if t.Equal(end) {
			return true, true
		}
		if !t.Before(start) && t.Before(end) {
			return true, false
		}
	}
	return false, false
}

// randomCalendar returns a calendar with random office hours, days off and
// working weekend days in 2025–2027.
func randomCalendar(t *testing.T, r *rand.Rand) *Calendar {
	t.Helper()
	var hours []Span
	cur := time.Duration(r.IntN(8*60)) * time.Minute
	for n := 1 + r.IntN(3); n > 0 && cur < 23*time.Hour; n-- {
		length := time.Duration(1+r.IntN(5*60)) * time.Minute
		end := min(cur+length, 24*time.Hour)
		hours = append(hours, Span{cur, end})
		cur = end + time.Duration(r.IntN(3*60))*time.Minute
	}
	off := map[Date]string{}
	working := map[Date]bool{}
	for range 200 {
		d := Date{2025, time.January, 1}.AddDays(r.IntN(3 * 365))
		if _, isOff := off[d]; isOff || working[d] {
			continue
		}
		if d.IsWeekend() && r.IntN(2) == 0 {
			working[d] = true
		} else {
			off[d] = "random"
		}
	}
	c, err := NewCalendar(VietnamLocation(), hours, off, working)
	if err != nil {
		t.Fatalf("random calendar: %v", err)
	}
	return c
}

// calendars returns the default calendar and a few random ones.
func calendars(t *testing.T, r *rand.Rand) []*Calendar {
	cs := []*Calendar{mustCalendar(t, 2025, 2026, 2027)}
	for range 4 {
		cs = append(cs, randomCalendar(t, r))
	}
	return cs
}

func TestPropertyMonotoneInHours(t *testing.T) {
	r := newRand(1)
	for _, c := range calendars(t, r) {
		for range propertyRuns / 10 {
			from := randomInstant(r, c)
			prev := c.AddWorkingHours(from, 1)
			for h := 2; h <= 60; h++ {
				got := c.AddWorkingHours(from, h)
				if !got.After(prev) {
					t.Fatalf("from %v: %d h gives %v, not after %v for %d h", from, h, got, prev, h-1)
				}
				prev = got
			}
			day := int(c.WorkingDayLength() / time.Hour)
			if day > 0 && c.WorkingDayLength()%time.Hour == 0 {
				if same, full := c.AddWorkingHours(from, 0), c.AddWorkingHours(from, day); same.After(full) {
					t.Fatalf("from %v: same day %v after one working day %v", from, same, full)
				}
			}
		}
	}
}

func TestPropertyMonotoneInFrom(t *testing.T) {
	r := newRand(2)
	for _, c := range calendars(t, r) {
		for range propertyRuns {
			a := randomInstant(r, c)
			b := a.Add(time.Duration(r.Int64N(int64(72 * time.Hour))))
			h := r.IntN(50)
			if ra, rb := c.AddWorkingHours(a, h), c.AddWorkingHours(b, h); ra.After(rb) {
				t.Fatalf("h=%d: from %v gives %v, after %v from later %v", h, a, ra, rb, b)
			}
			if na, nb := c.NextOpening(a), c.NextOpening(b); na.After(nb) {
				t.Fatalf("NextOpening(%v) = %v after NextOpening(%v) = %v", a, na, b, nb)
			}
		}
	}
}

func TestPropertyResultInOfficeHours(t *testing.T) {
	r := newRand(3)
	for _, c := range calendars(t, r) {
		for range propertyRuns {
			from := randomInstant(r, c)
			h := r.IntN(100)
			got := c.AddWorkingHours(from, h)
			inside, atEnd := inOffice(c, got)
			if !inside {
				t.Fatalf("AddWorkingHours(%v, %d) = %v, outside office hours", from, h, got)
			}
			if got.Location() != c.loc {
				t.Fatalf("result in %v", got.Location())
			}
			if h == 0 {
				open := c.NextOpening(from)
				if !atEnd || DateOf(got.Add(-1)) != DateOf(open) || got.Before(open) {
					t.Fatalf("same day from %v (opening %v) = %v, not the close of that day", from, open, got)
				}
			}
		}
	}
}

func TestPropertyWorkingDurationRoundTrip(t *testing.T) {
	r := newRand(4)
	for _, c := range calendars(t, r) {
		for range propertyRuns {
			from := randomInstant(r, c)
			h := 1 + r.IntN(100)
			if got := c.WorkingDuration(from, c.AddWorkingHours(from, h)); got != time.Duration(h)*time.Hour {
				t.Fatalf("WorkingDuration(%v, AddWorkingHours(_, %d)) = %v", from, h, got)
			}
			d := time.Duration(1 + r.Int64N(int64(100*time.Hour)))
			if got := c.WorkingDuration(from, c.AddWorkingTime(from, d)); got != d {
				t.Fatalf("WorkingDuration(%v, AddWorkingTime(_, %v)) = %v", from, d, got)
			}
		}
	}
}

func TestPropertyWorkingDurationAdditive(t *testing.T) {
	r := newRand(5)
	for _, c := range calendars(t, r) {
		for range propertyRuns {
			a := randomInstant(r, c)
			b := a.Add(time.Duration(r.Int64N(int64(10 * 24 * time.Hour))))
			m := a.Add(time.Duration(r.Int64N(int64(b.Sub(a)) + 1)))
			ab, am, mb := c.WorkingDuration(a, b), c.WorkingDuration(a, m), c.WorkingDuration(m, b)
			if am+mb != ab {
				t.Fatalf("WorkingDuration(%v, %v) = %v != %v + %v via %v", a, b, ab, am, mb, m)
			}
			if ab > b.Sub(a) || c.WorkingDuration(b, a) != 0 {
				t.Fatalf("WorkingDuration(%v, %v) = %v out of range", a, b, ab)
			}
		}
	}
}

func TestPropertyNextOpening(t *testing.T) {
	r := newRand(6)
	for _, c := range calendars(t, r) {
		for range propertyRuns {
			at := randomInstant(r, c)
			open := c.NextOpening(at)
			if again := c.NextOpening(open); !again.Equal(open) {
				t.Fatalf("NextOpening not idempotent at %v: %v then %v", at, open, again)
			}
			if open.Before(at) {
				t.Fatalf("NextOpening(%v) = %v is earlier", at, open)
			}
			if c.WorkingDuration(at, open) != 0 {
				t.Fatalf("working time between %v and its opening %v", at, open)
			}
			inside, atEnd := inOffice(c, open)
			if !inside || atEnd {
				t.Fatalf("NextOpening(%v) = %v is not inside office hours", at, open)
			}
			if insideAt, endAt := inOffice(c, at); insideAt && !endAt && !open.Equal(at) {
				t.Fatalf("NextOpening(%v) = %v although inside office hours", at, open)
			}
		}
	}
}
