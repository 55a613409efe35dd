package dossier_test

import (
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/worktime"
)

// TestCheckBy: a dossier that comes to the desk online is checked within the working
// day it comes in, or the next one when it comes outside office hours, a day off
// included.
func TestCheckBy(t *testing.T) {
	cal, err := worktime.DefaultCalendar(2026)
	if err != nil {
		t.Fatal(err)
	}
	loc := cal.Location()
	at := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2026, month, day, hour, minute, 0, 0, loc)
	}
	for _, c := range []struct {
		what      string
		since, by time.Time
	}{
		{"in the morning", at(time.December, 7, 9, 15), at(time.December, 7, 17, 0)},
		{"over lunch", at(time.December, 7, 12, 0), at(time.December, 7, 17, 0)},
		{"before opening", at(time.December, 8, 6, 0), at(time.December, 8, 17, 0)},
		{"in the evening", at(time.December, 7, 20, 30), at(time.December, 8, 17, 0)},
		{"on Friday evening", at(time.December, 11, 18, 0), at(time.December, 14, 17, 0)},
		{"on Saturday", at(time.December, 12, 10, 0), at(time.December, 14, 17, 0)},
	} {
		if got := dossier.CheckBy(cal, c.since); !got.Equal(c.by) {
			t.Errorf("%s (%v): check by %v, want %v", c.what, c.since, got, c.by)
		}
	}
}
