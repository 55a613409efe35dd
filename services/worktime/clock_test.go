package worktime

import (
	"testing"
	"time"
)

func TestAddWorkingHours(t *testing.T) {
	c := mustCalendar(t, 2025, 2026, 2027, 2029)
	tests := []struct {
		name  string
		from  string
		hours int
		want  string
	}{
		// Lunch break.
		{"across lunch", "2026-03-10 11:00", 1, "2026-03-10 14:00"},
		{"received at lunch", "2026-03-10 12:00", 1, "2026-03-10 14:30"},
		{"received at 11:30", "2026-03-10 11:30", 1, "2026-03-10 14:30"},
		// Evenings and mornings.
		{"before opening", "2026-03-10 06:00", 1, "2026-03-10 08:00"},
		{"at opening", "2026-03-10 07:00", 4, "2026-03-10 11:00"},
		{"at 17:00", "2026-03-10 17:00", 1, "2026-03-11 08:00"},
		{"a minute before close", "2026-03-10 16:59", 1, "2026-03-11 07:59"},
		{"Friday evening", "2026-03-13 18:00", 1, "2026-03-16 08:00"},
		{"Friday evening, one day", "2026-03-13 18:00", 8, "2026-03-16 17:00"},
		// Weekends.
		{"Saturday", "2026-03-14 10:00", 2, "2026-03-16 09:00"},
		{"Sunday night", "2026-03-15 23:00", 9, "2026-03-17 08:00"},
		{"over a weekend", "2026-03-13 09:00", 24, "2026-03-18 09:00"},
		// Ending exactly at the end of a span.
		{"ends at 11:30", "2026-03-10 10:30", 1, "2026-03-10 11:30"},
		{"ends at 17:00", "2026-03-10 16:00", 1, "2026-03-10 17:00"},
		{"full day", "2026-03-10 07:00", 8, "2026-03-10 17:00"},
		{"two full days", "2026-03-10 07:00", 16, "2026-03-11 17:00"},
		// Holidays.
		{"skips 30 April and 1 May", "2026-04-29 10:00", 16, "2026-05-05 10:00"},
		{"skips 30 April and 1 May, from opening", "2026-04-29 07:00", 16, "2026-05-04 17:00"},
		{"received on a holiday", "2026-04-30 09:00", 1, "2026-05-04 08:00"},
		{"Tết 2026", "2026-02-13 16:00", 2, "2026-02-23 08:00"},
		{"Tết 2027", "2027-02-03 16:00", 2, "2027-02-11 08:00"},
		{"Hùng Kings 2025", "2025-04-04 16:00", 2, "2025-04-08 08:00"},
		// Compensatory days.
		{"2 Sep 2029 on Sunday", "2029-08-31 16:00", 2, "2029-09-04 08:00"},
		{"1 May 2027 on Saturday", "2027-04-29 16:00", 2, "2027-05-04 08:00"},
		{"Hùng Kings 2026 on Sunday", "2026-04-24 16:00", 2, "2026-04-28 08:00"},
		// Year boundary: 1 January is off.
		{"new year", "2025-12-31 16:00", 8, "2026-01-02 16:00"},
		// Working Saturday and swapped Friday (2025).
		{"working Saturday", "2025-04-25 16:00", 2, "2025-04-26 08:00"},
		{"swapped Friday", "2025-04-29 16:00", 2, "2025-05-05 08:00"},
		// Same day (hours == 0).
		{"same day, inside", "2026-03-10 09:00", 0, "2026-03-10 17:00"},
		{"same day, before opening", "2026-03-10 06:00", 0, "2026-03-10 17:00"},
		{"same day, at lunch", "2026-03-10 12:00", 0, "2026-03-10 17:00"},
		{"same day, at 16:59", "2026-03-10 16:59", 0, "2026-03-10 17:00"},
		{"same day, at 17:00", "2026-03-10 17:00", 0, "2026-03-11 17:00"},
		{"same day, evening", "2026-03-10 18:00", 0, "2026-03-11 17:00"},
		{"same day, Friday evening", "2026-03-13 18:00", 0, "2026-03-16 17:00"},
		{"same day, Sunday", "2026-03-15 10:00", 0, "2026-03-16 17:00"},
		{"same day, holiday", "2026-04-30 09:00", 0, "2026-05-04 17:00"},
		{"same day, new year's eve", "2025-12-31 18:00", 0, "2026-01-02 17:00"},
		{"same day, working Saturday", "2025-04-26 08:00", 0, "2025-04-26 17:00"},
		{"negative is same day", "2026-03-10 09:00", -3, "2026-03-10 17:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.AddWorkingHours(local(t, tt.from), tt.hours)
			want := local(t, tt.want)
			if !got.Equal(want) {
				t.Fatalf("AddWorkingHours(%s, %d) = %s, want %s", tt.from, tt.hours, got.Format(time.DateTime), tt.want)
			}
			if got.Location() != c.Location() {
				t.Errorf("result in %v, want %v", got.Location(), c.Location())
			}
		})
	}
}

func TestAddWorkingHoursFromOtherZone(t *testing.T) {
	c := mustCalendar(t, 2026)
	from := time.Date(2026, 3, 10, 4, 0, 0, 0, time.UTC) // 11:00 in Vietnam
	got := c.AddWorkingHours(from, 1)
	if want := local(t, "2026-03-10 14:00"); !got.Equal(want) || got.Location() != c.Location() {
		t.Fatalf("got %v, want %v in %v", got, want, c.Location())
	}
}

func TestAddWorkingTime(t *testing.T) {
	c := mustCalendar(t, 2026)
	from := local(t, "2026-03-10 11:00")
	tests := []struct {
		d    time.Duration
		want string
	}{
		{-time.Hour, "2026-03-10 11:00"},
		{0, "2026-03-10 11:00"},
		{30 * time.Minute, "2026-03-10 11:30"},
		{45 * time.Minute, "2026-03-10 13:45"},
		{2*time.Hour + 15*time.Minute, "2026-03-10 15:15"},
	}
	for _, tt := range tests {
		if got := c.AddWorkingTime(from, tt.d); !got.Equal(local(t, tt.want)) {
			t.Errorf("AddWorkingTime(11:00, %v) = %s, want %s", tt.d, got.Format(time.DateTime), tt.want)
		}
	}
	if got := c.AddWorkingTime(local(t, "2026-03-10 12:00"), 0); !got.Equal(local(t, "2026-03-10 13:30")) {
		t.Errorf("AddWorkingTime(lunch, 0) = %v, want the next opening", got)
	}
}

func TestNextOpening(t *testing.T) {
	c := mustCalendar(t, 2025, 2026)
	tests := []struct{ at, want string }{
		{"2026-03-10 09:00", "2026-03-10 09:00"},
		{"2026-03-10 07:00", "2026-03-10 07:00"},
		{"2026-03-10 06:59", "2026-03-10 07:00"},
		{"2026-03-10 00:00", "2026-03-10 07:00"},
		{"2026-03-10 11:29", "2026-03-10 11:29"},
		{"2026-03-10 11:30", "2026-03-10 13:30"},
		{"2026-03-10 12:00", "2026-03-10 13:30"},
		{"2026-03-10 13:30", "2026-03-10 13:30"},
		{"2026-03-10 17:00", "2026-03-11 07:00"},
		{"2026-03-13 18:00", "2026-03-16 07:00"},
		{"2026-03-14 10:00", "2026-03-16 07:00"},
		{"2025-12-31 17:00", "2026-01-02 07:00"},
		{"2025-04-25 17:30", "2025-04-26 07:00"},
		{"2026-02-13 17:00", "2026-02-23 07:00"},
	}
	for _, tt := range tests {
		if got := c.NextOpening(local(t, tt.at)); !got.Equal(local(t, tt.want)) {
			t.Errorf("NextOpening(%s) = %s, want %s", tt.at, got.Format(time.DateTime), tt.want)
		}
	}
}

func TestWorkingDuration(t *testing.T) {
	c := mustCalendar(t, 2025, 2026)
	tests := []struct {
		from, to string
		want     time.Duration
	}{
		{"2026-03-10 07:00", "2026-03-10 17:00", 8 * time.Hour},
		{"2026-03-10 11:00", "2026-03-10 14:00", time.Hour},
		{"2026-03-10 12:00", "2026-03-10 13:00", 0},
		{"2026-03-10 17:00", "2026-03-11 07:00", 0},
		{"2026-03-13 16:00", "2026-03-16 08:00", 2 * time.Hour},
		{"2026-03-09 07:00", "2026-03-16 07:00", 40 * time.Hour},
		{"2026-04-29 07:00", "2026-05-05 07:00", 16 * time.Hour},
		{"2025-12-31 16:00", "2026-01-02 16:00", 8 * time.Hour},
		{"2025-04-26 06:00", "2025-04-26 23:00", 8 * time.Hour},
		{"2026-03-10 14:00", "2026-03-10 11:00", 0},
		{"2026-03-10 14:00", "2026-03-10 14:00", 0},
	}
	for _, tt := range tests {
		if got := c.WorkingDuration(local(t, tt.from), local(t, tt.to)); got != tt.want {
			t.Errorf("WorkingDuration(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestCustomCalendar(t *testing.T) {
	loc := VietnamLocation()
	sat := Date{2026, time.March, 14}
	c, err := NewCalendar(loc, DefaultOfficeHours(), nil, map[Date]bool{sat: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.AddWorkingHours(local(t, "2026-03-13 16:00"), 2), local(t, "2026-03-14 08:00"); !got.Equal(want) {
		t.Errorf("over a working Saturday: got %v, want %v", got, want)
	}
	if got, want := c.AddWorkingHours(local(t, "2026-03-14 18:00"), 0), local(t, "2026-03-16 17:00"); !got.Equal(want) {
		t.Errorf("same day after a working Saturday: got %v, want %v", got, want)
	}

	// Evening office hours up to midnight: the close is the next midnight.
	night, err := NewCalendar(loc, []Span{{hm(20, 0), 24 * time.Hour}}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := night.AddWorkingHours(local(t, "2026-03-10 23:00"), 2), local(t, "2026-03-11 21:00"); !got.Equal(want) {
		t.Errorf("night desk: got %v, want %v", got, want)
	}
	if got, want := night.AddWorkingHours(local(t, "2026-03-10 21:00"), 0), local(t, "2026-03-11 00:00"); !got.Equal(want) {
		t.Errorf("night desk same day: got %v, want %v", got, want)
	}
	if got, want := night.NextOpening(local(t, "2026-03-11 00:00")), local(t, "2026-03-11 20:00"); !got.Equal(want) {
		t.Errorf("night desk at midnight: got %v, want %v", got, want)
	}
}
