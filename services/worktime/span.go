package worktime

import (
	"errors"
	"fmt"
	"time"
)

// Span is an interval of office hours within a day, as offsets from local
// midnight (wall-clock time). Start is inside the span, End is not.
type Span struct {
	Start, End time.Duration
}

// DefaultOfficeHours returns the default office hours of a one-stop desk:
// 07:00–11:30 and 13:30–17:00 (eight working hours a day).
func DefaultOfficeHours() []Span {
	return []Span{
		{Start: 7 * time.Hour, End: 11*time.Hour + 30*time.Minute},
		{Start: 13*time.Hour + 30*time.Minute, End: 17 * time.Hour},
	}
}

// Duration returns the length of s.
func (s Span) Duration() time.Duration { return s.End - s.Start }

// String formats s as "hh:mm-hh:mm" (with seconds when not whole minutes).
func (s Span) String() string {
	return clockString(s.Start) + "-" + clockString(s.End)
}

// clockString formats a time-of-day offset as hh:mm or hh:mm:ss.
func clockString(d time.Duration) string {
	if d < 0 {
		return "-" + clockString(-d)
	}
	h, m, sec := int(d/time.Hour), int(d/time.Minute%60), int(d/time.Second%60)
	if d%time.Minute != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", h, m, sec)
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}

// validateHours checks that hours is a non-empty list of non-empty spans
// within one day, sorted and not overlapping (touching is allowed).
func validateHours(hours []Span) error {
	if len(hours) == 0 {
		return errors.New("worktime: office hours are empty")
	}
	for i, s := range hours {
		if s.Start < 0 || s.End > 24*time.Hour {
			return fmt.Errorf("worktime: office hours span %s is not within a day", s)
		}
		if s.Start >= s.End {
			return fmt.Errorf("worktime: office hours span %s is empty or reversed", s)
		}
		if i > 0 && s.Start < hours[i-1].End {
			return fmt.Errorf("worktime: office hours span %s overlaps or precedes %s", s, hours[i-1])
		}
	}
	return nil
}
