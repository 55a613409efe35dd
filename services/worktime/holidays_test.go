package worktime

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// dates returns the sorted keys of m as strings.
func dates[V any](m map[Date]V) []string {
	var out []string
	for d := range m {
		out = append(out, d.String())
	}
	slices.Sort(out)
	return out
}

func TestDefaultDaysOff(t *testing.T) {
	tests := []struct {
		year int
		want []string
	}{
		// No fixed holiday on a weekend.
		{2025, []string{"2025-01-01", "2025-04-30", "2025-05-01", "2025-09-02"}},
		// 1 January and 30 April on Saturday, 1 May on Sunday: the second
		// compensatory day skips the first.
		{2022, []string{"2022-01-01", "2022-01-03", "2022-04-30", "2022-05-01", "2022-05-02", "2022-05-03", "2022-09-02"}},
		// 1 January and 30 April on Sunday (the day after 30 April is
		// 1 May, so its compensatory day is Tuesday), 2 September on
		// Saturday (compensated Monday).
		{2023, []string{"2023-01-01", "2023-01-02", "2023-04-30", "2023-05-01", "2023-05-02", "2023-09-02", "2023-09-04"}},
		// 2 September 2029 is a Sunday.
		{2029, []string{"2029-01-01", "2029-04-30", "2029-05-01", "2029-09-02", "2029-09-03"}},
	}
	for _, tt := range tests {
		got := DefaultDaysOff(tt.year)
		if !slices.Equal(dates(got), tt.want) {
			t.Errorf("DefaultDaysOff(%d) = %v, want %v", tt.year, dates(got), tt.want)
		}
	}
	off := DefaultDaysOff(2029)
	if got := off[Date{2029, 9, 2}]; got != "Quốc khánh / National Day" {
		t.Errorf("reason for 2 Sep = %q", got)
	}
	if got := off[Date{2029, 9, 3}]; got != "Nghỉ bù Quốc khánh / Compensatory day off for National Day" {
		t.Errorf("reason for 3 Sep = %q", got)
	}
	if got := (Date{2029, 9, 2}).Weekday(); got != time.Sunday {
		t.Errorf("2 Sep 2029 is a %v", got)
	}
}

func TestCompensatorySkipsDecidedDays(t *testing.T) {
	// If the day beside 2 September 2029 were decided to be Monday 3
	// September, the compensatory day would move to Tuesday 4 September.
	off := yearDaysOff(2029, Override{DaysOff: map[Date]string{{2029, 9, 3}: reasonNationalDayAdj}})
	if got := off[Date{2029, 9, 3}]; got != reasonNationalDayAdj {
		t.Errorf("3 Sep reason = %q", got)
	}
	if _, ok := off[Date{2029, 9, 4}]; !ok {
		t.Errorf("no compensatory day on 4 Sep: %v", dates(off))
	}
}

func TestYearDays(t *testing.T) {
	tests := []struct {
		year    int
		off     []string
		working []string
	}{
		{2025, []string{
			"2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
			"2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02",
		}, []string{"2025-04-26"}},
		{2026, []string{
			"2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
			"2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-02", "2026-09-03",
		}, nil},
		{2027, []string{
			"2027-01-01", "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",
			"2027-04-16", "2027-04-30", "2027-05-01", "2027-05-03", "2027-09-02", "2027-09-03",
		}, nil},
		{2030, dates(DefaultDaysOff(2030)), nil},
	}
	for _, tt := range tests {
		off, working := YearDays(tt.year)
		if !slices.Equal(dates(off), tt.off) {
			t.Errorf("YearDays(%d) days off = %v, want %v", tt.year, dates(off), tt.off)
		}
		if !slices.Equal(dates(working), tt.working) {
			t.Errorf("YearDays(%d) working weekend = %v, want %v", tt.year, dates(working), tt.working)
		}
		if working == nil {
			t.Errorf("YearDays(%d) working weekend map is nil", tt.year)
		}
		for d, r := range off {
			if !strings.Contains(r, " / ") {
				t.Errorf("%s: reason %q is not bilingual", d, r)
			}
		}
	}
}

// TestOverridesData checks the shipped table against the announced
// weekdays, so a typo in a date shows up as a wrong weekday.
func TestOverridesData(t *testing.T) {
	weekdays := map[string]time.Weekday{
		"2025-01-27": time.Monday, "2025-01-31": time.Friday, "2025-04-07": time.Monday,
		"2025-04-26": time.Saturday, "2025-05-02": time.Friday, "2025-09-01": time.Monday,
		"2025-09-02": time.Tuesday,
		"2026-02-16": time.Monday, "2026-02-20": time.Friday, "2026-04-26": time.Sunday,
		"2026-04-27": time.Monday, "2026-09-02": time.Wednesday, "2026-09-03": time.Thursday,
		"2027-02-04": time.Thursday, "2027-02-06": time.Saturday, "2027-02-10": time.Wednesday,
		"2027-04-16": time.Friday, "2027-05-01": time.Saturday, "2027-09-02": time.Thursday,
		"2027-09-03": time.Friday,
	}
	for s, want := range weekdays {
		if got := mustDate(t, s).Weekday(); got != want {
			t.Errorf("%s is a %v, want %v", s, got, want)
		}
	}
	for year, o := range Overrides() {
		tet := 0
		for d, r := range o.DaysOff {
			if d.Year != year {
				t.Errorf("override %d lists %s", year, d)
			}
			if r == reasonTet {
				tet++
				if d.IsWeekend() {
					t.Errorf("Tết day %s is a weekend day", d)
				}
			}
		}
		if tet != 5 {
			t.Errorf("override %d has %d Tết days, want 5", year, tet)
		}
		for d := range o.WorkingWeekendDays {
			if !d.IsWeekend() {
				t.Errorf("working weekend day %s is a %v", d, d.Weekday())
			}
		}
	}
	// Every announced year has 250 working days.
	for _, year := range []int{2025, 2026, 2027} {
		c := mustCalendar(t, year)
		n := 0
		for d := (Date{year, 1, 1}); d.Year == year; d = d.AddDays(1) {
			if c.IsWorkingDay(d) {
				n++
			}
		}
		if n != 250 {
			t.Errorf("%d has %d working days, want 250", year, n)
		}
	}
}

func TestDataIsCopied(t *testing.T) {
	o := Overrides()
	delete(o[2026].DaysOff, Date{2026, 2, 17})
	off, working := YearDays(2025)
	delete(off, Date{2025, 1, 1})
	delete(working, Date{2025, 4, 26})
	off26, _ := YearDays(2026)
	if _, ok := off26[Date{2026, 2, 17}]; !ok {
		t.Error("Overrides exposes the shipped table")
	}
	off25, working25 := YearDays(2025)
	if _, ok := off25[Date{2025, 1, 1}]; !ok || !working25[Date{2025, 4, 26}] {
		t.Error("YearDays returns shared maps")
	}
	if !maps.Equal(DefaultDaysOff(2025), DefaultDaysOff(2025)) {
		t.Error("DefaultDaysOff is not deterministic")
	}
}

func TestDefaultCalendar(t *testing.T) {
	if _, err := DefaultCalendar(); err == nil {
		t.Error("DefaultCalendar() without years succeeded")
	}
	c := mustCalendar(t, 2026, 2027)
	if c.IsWorkingDay(Date{2027, 5, 3}) || c.IsWorkingDay(Date{2026, 2, 17}) {
		t.Error("days off of the requested years missing")
	}
	if !c.IsWorkingDay(Date{2025, 1, 1}) {
		t.Error("a year not requested has days off")
	}
}
