package warning

import (
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/worktime"
)

// TestDigestDay: the digest is due from 07:30 to 17:00 local on the calendar's working
// days: not before, not after, not on a Sunday or a holiday, but on a Saturday that is worked; the hour is
// the offices', whatever the clock's zone.
func TestDigestDay(t *testing.T) {
	cal := worktime.NewLive().Calendar()
	loc := cal.Location()
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, loc) }
	for _, c := range []struct {
		name string
		now  time.Time
		want bool
	}{
		{"Monday 07:29", at(2026, 12, 7, 7, 29), false},
		{"Monday 07:30", at(2026, 12, 7, 7, 30), true},
		{"Monday 16:00, after a restart", at(2026, 12, 7, 16, 0), true},
		{"Monday 16:59", at(2026, 12, 7, 16, 59), true},
		{"Monday 17:00, the offices closed", at(2026, 12, 7, 17, 0), false},
		{"Monday 23:59", at(2026, 12, 7, 23, 59), false},
		{"Sunday", at(2026, 12, 6, 9, 0), false},
		{"Saturday", at(2026, 12, 5, 9, 0), false},
		{"National Day", at(2026, 9, 2, 9, 0), false},
		{"a worked Saturday", at(2025, 4, 26, 8, 0), true},
		{"a swapped day off", at(2025, 5, 2, 8, 0), false},
		{"Monday 07:30 read in UTC", at(2026, 12, 7, 7, 30).UTC(), true},
		{"Monday 07:00 read in UTC", at(2026, 12, 7, 7, 0).UTC(), false},
	} {
		day, ok := DigestDay(cal, c.now)
		if ok != c.want {
			t.Errorf("%s: due %v, want %v", c.name, ok, c.want)
		}
		if ok && day != worktime.DateOf(c.now.In(loc)) {
			t.Errorf("%s: the digest of %s", c.name, day)
		}
	}
}

// TestIDs: a digest's id is the same for the same day and officer and differs for
// another of either; a late warning's is the same for the same dossiers in any order.
func TestIDs(t *testing.T) {
	monday, tuesday := worktime.Date{Year: 2026, Month: 12, Day: 7}, worktime.Date{Year: 2026, Month: 12, Day: 8}
	first, again := DigestID(monday, "officer.baohoa"), DigestID(monday, "officer.baohoa")
	if first != again {
		t.Error("one day's digest to one officer has two ids")
	}
	if DigestID(monday, "officer.baohoa") == DigestID(tuesday, "officer.baohoa") ||
		DigestID(monday, "officer.baohoa") == DigestID(monday, "officer.xuanloc") {
		t.Error("two digests share an id")
	}
	a, b := uuid.New(), uuid.New()
	if LateID("supervisor.xuanloc", []uuid.UUID{a, b}) != LateID("supervisor.xuanloc", []uuid.UUID{b, a}) {
		t.Error("the order of the dossiers changed the warning's id")
	}
	if LateID("supervisor.xuanloc", []uuid.UUID{a}) == LateID("supervisor.xuanloc", []uuid.UUID{a, b}) ||
		LateID("supervisor.xuanloc", []uuid.UUID{a}) == LateID("supervisor.other", []uuid.UUID{a}) {
		t.Error("two warnings share an id")
	}
}
