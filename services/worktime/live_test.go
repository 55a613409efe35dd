package worktime

import (
	"strings"
	"testing"
	"time"
)

func TestLiveEdits(t *testing.T) {
	l := NewLive()
	fri := Date{Year: 2028, Month: time.March, Day: 3}
	if !l.Calendar().IsWorkingDay(fri) {
		t.Fatal("an ordinary Friday of 2028 is a working day")
	}
	y := DefaultYear(2028)
	y.DaysOff[fri] = "Nghỉ bù / Bridge day"
	sat := Date{Year: 2028, Month: time.March, Day: 11}
	y.WorkingWeekendDays[sat] = true
	if ok, err := l.Set(y, 1); !ok || err != nil {
		t.Fatalf("set: %v %v", ok, err)
	}
	if l.Calendar().IsWorkingDay(fri) || !l.Calendar().IsWorkingDay(sat) {
		t.Fatal("the edit is not in force")
	}
	// The edit replaces the year: other years keep their shipped days.
	if l.Calendar().IsWorkingDay(Date{Year: 2026, Month: time.September, Day: 2}) {
		t.Fatal("2 September 2026 must stay off")
	}
	// An older revision arriving late changes nothing.
	old := DefaultYear(2028)
	if ok, err := l.Set(old, 1); ok || err != nil {
		t.Fatalf("older revision applied: %v %v", ok, err)
	}
	if l.Calendar().IsWorkingDay(fri) {
		t.Fatal("a stale edit replaced a newer one")
	}
	got, rev := l.Year(2028)
	if rev != 1 || got.DaysOff[fri] == "" {
		t.Fatalf("Year: rev %d, %v", rev, got.DaysOff)
	}
	// Back to the shipped days with a newer revision.
	if ok, _ := l.Set(old, 2); !ok || !l.Calendar().IsWorkingDay(fri) {
		t.Fatal("revision 2 not applied")
	}
}

func TestYearValidate(t *testing.T) {
	d := func(y int, m time.Month, day int) Date { return Date{Year: y, Month: m, Day: day} }
	for _, tc := range []struct {
		name string
		y    Year
		want string
	}{
		{"shipped year", DefaultYear(2026), ""},
		{"year too early", Year{Year: 1900}, "between"},
		{"date of another year", Year{Year: 2026, DaysOff: map[Date]string{d(2027, 1, 1): "x"}}, "not a date of 2026"},
		{"invalid date", Year{Year: 2026, DaysOff: map[Date]string{d(2026, 2, 30): "x"}}, "not a date"},
		{"no reason", Year{Year: 2026, DaysOff: map[Date]string{d(2026, 3, 2): ""}}, "needs a reason"},
		{"long reason", Year{Year: 2026, DaysOff: map[Date]string{d(2026, 3, 2): strings.Repeat("ạ", 201)}}, "at most"},
		{"weekday listed as worked", Year{Year: 2026, WorkingWeekendDays: map[Date]bool{d(2026, 3, 2): true}}, "is a Monday"},
		{"both", Year{Year: 2026, DaysOff: map[Date]string{d(2026, 3, 7): "x"}, WorkingWeekendDays: map[Date]bool{d(2026, 3, 7): true}}, "both"},
	} {
		err := tc.y.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestEveryShippedYearIsValid(t *testing.T) {
	for y := FirstYear; y <= LastYear; y++ {
		if err := DefaultYear(y).Validate(); err != nil {
			t.Fatalf("%d: %v", y, err)
		}
	}
}
