package worktime

import (
	"testing"
	"time"
)

// mustCalendar returns DefaultCalendar(years...) or fails the test.
func mustCalendar(t testing.TB, years ...int) *Calendar {
	t.Helper()
	c, err := DefaultCalendar(years...)
	if err != nil {
		t.Fatalf("DefaultCalendar(%v): %v", years, err)
	}
	return c
}

// local parses "2006-01-02 15:04" in Vietnam time or fails the test.
func local(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, VietnamLocation())
	if err != nil {
		t.Fatalf("bad test time %q: %v", s, err)
	}
	return v
}

// mustDate parses a YYYY-MM-DD date or fails the test.
func mustDate(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// hm is a time-of-day offset.
func hm(h, m int) time.Duration {
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
}
