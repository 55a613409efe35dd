package worktime

import (
	"fmt"
	"time"
)

// Date is a calendar day without a time of day or a location.
// It is comparable and can be used as a map key.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// dateLayout is the textual form of a Date (ISO 8601 calendar date).
const dateLayout = "2006-01-02"

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate parses a date written as YYYY-MM-DD (exactly ten characters,
// four-digit year). It rejects days that do not exist, such as 2026-02-29.
func ParseDate(s string) (Date, error) {
	if len(s) != len(dateLayout) || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("worktime: invalid date %q: want YYYY-MM-DD", s)
	}
	y, okY := digits(s[0:4])
	m, okM := digits(s[5:7])
	d, okD := digits(s[8:10])
	if !okY || !okM || !okD {
		return Date{}, fmt.Errorf("worktime: invalid date %q: want YYYY-MM-DD", s)
	}
	date := Date{Year: y, Month: time.Month(m), Day: d}
	if !date.Valid() {
		return Date{}, fmt.Errorf("worktime: invalid date %q: no such day", s)
	}
	return date, nil
}

// digits parses a non-empty string of ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

// String formats d as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Valid reports whether d names an existing day (month 1–12, day within the
// month).
func (d Date) Valid() bool {
	if d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return DateOf(d.midnightUTC()) == d
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	return d.midnightUTC().Weekday()
}

// IsWeekend reports whether d is a Saturday or a Sunday.
func (d Date) IsWeekend() bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// AddDays returns the date n days after d (before d if n is negative).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 0, 0, 0, 0, time.UTC))
}

// Compare returns -1 if d is before e, +1 if d is after e and 0 if they are
// the same day.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// MarshalText implements encoding.TextMarshaler with the YYYY-MM-DD form.
func (d Date) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("worktime: cannot marshal invalid date %s", d)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; see ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	parsed, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

// midnightUTC returns the start of d in UTC.
func (d Date) midnightUTC() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// at returns the instant offset after local midnight of d in loc, read as a
// wall-clock time of day.
func (d Date) at(loc *time.Location, offset time.Duration) time.Time {
	h := offset / time.Hour
	offset -= h * time.Hour
	m := offset / time.Minute
	offset -= m * time.Minute
	s := offset / time.Second
	offset -= s * time.Second
	return time.Date(d.Year, d.Month, d.Day, int(h), int(m), int(s), int(offset), loc)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	default:
		return 0
	}
}
