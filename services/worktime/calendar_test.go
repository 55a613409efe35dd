package worktime

import (
	"strings"
	"testing"
	"time"
)

func TestNewCalendarValidation(t *testing.T) {
	loc := VietnamLocation()
	good := DefaultOfficeHours()
	tests := []struct {
		name    string
		loc     *time.Location
		hours   []Span
		off     map[Date]string
		working map[Date]bool
		wantErr string
	}{
		{"defaults", loc, good, nil, nil, ""},
		{"touching spans", loc, []Span{{hm(7, 0), hm(12, 0)}, {hm(12, 0), hm(16, 0)}}, nil, nil, ""},
		{"whole day", loc, []Span{{0, 24 * time.Hour}}, nil, nil, ""},
		{"nil location", nil, good, nil, nil, "nil location"},
		{"no hours", loc, nil, nil, nil, "empty"},
		{"unsorted", loc, []Span{good[1], good[0]}, nil, nil, "overlaps or precedes"},
		{"overlap", loc, []Span{{hm(7, 0), hm(12, 0)}, {hm(11, 0), hm(17, 0)}}, nil, nil, "overlaps"},
		{"reversed", loc, []Span{{hm(17, 0), hm(7, 0)}}, nil, nil, "empty or reversed"},
		{"empty span", loc, []Span{{hm(7, 0), hm(7, 0)}}, nil, nil, "empty or reversed"},
		{"negative", loc, []Span{{-time.Hour, hm(7, 0)}}, nil, nil, "not within a day"},
		{"past midnight", loc, []Span{{hm(20, 0), hm(25, 0)}}, nil, nil, "not within a day"},
		{"invalid day off", loc, good, map[Date]string{{2026, 2, 30}: "x"}, nil, "invalid day off"},
		{"invalid working day", loc, good, nil, map[Date]bool{{2026, 2, 30}: true}, "invalid working"},
		{"working weekday", loc, good, nil, map[Date]bool{{2026, 3, 10}: true}, "is a Tuesday"},
		{"false entry ignored", loc, good, nil, map[Date]bool{{2026, 3, 10}: false}, ""},
		{"off and working", loc, good, map[Date]string{{2026, 3, 14}: "x"}, map[Date]bool{{2026, 3, 14}: true}, "both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewCalendar(tt.loc, tt.hours, tt.off, tt.working)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestNewCalendarCopiesInput(t *testing.T) {
	hours := DefaultOfficeHours()
	off := map[Date]string{{2026, 3, 10}: "x"}
	c, err := NewCalendar(VietnamLocation(), hours, off, nil)
	if err != nil {
		t.Fatal(err)
	}
	hours[0].Start = 0
	delete(off, Date{2026, 3, 10})
	if c.OfficeHours()[0].Start != hm(7, 0) {
		t.Error("calendar shares the hours slice")
	}
	if c.IsWorkingDay(Date{2026, 3, 10}) {
		t.Error("calendar shares the days-off map")
	}
	if c.WorkingDayLength() != 8*time.Hour {
		t.Errorf("WorkingDayLength = %v", c.WorkingDayLength())
	}
	if c.Location() != VietnamLocation() {
		t.Error("Location changed")
	}
}

func TestIsWorkingDay(t *testing.T) {
	c := mustCalendar(t, 2025, 2026)
	tests := []struct {
		date string
		want bool
	}{
		{"2026-03-10", true},  // Tuesday
		{"2026-03-13", true},  // Friday
		{"2026-03-14", false}, // Saturday
		{"2026-03-15", false}, // Sunday
		{"2026-01-01", false}, // New Year's Day
		{"2026-02-17", false}, // Tết
		{"2026-04-27", false}, // compensatory for Hùng Kings on Sunday
		{"2026-09-03", false}, // beside 2 September
		{"2025-04-26", true},  // Saturday worked for Friday 2 May
		{"2025-05-02", false}, // swapped Friday
		{"2025-05-03", false}, // ordinary Saturday
	}
	for _, tt := range tests {
		if got := c.IsWorkingDay(mustDate(t, tt.date)); got != tt.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.date, got, tt.want)
		}
	}
	if r, ok := c.DayOff(mustDate(t, "2026-01-01")); !ok || r != "Tết Dương lịch / New Year's Day" {
		t.Errorf("DayOff(2026-01-01) = %q, %v", r, ok)
	}
}

func TestZeroCalendarPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("zero Calendar did not panic")
		}
	}()
	var c Calendar
	c.NextOpening(time.Now())
}

func TestSpanString(t *testing.T) {
	if got := DefaultOfficeHours()[0].String(); got != "07:00-11:30" {
		t.Errorf("String = %q", got)
	}
	if got := (Span{hm(7, 0) + 5*time.Second, hm(8, 0)}).String(); got != "07:00:05-08:00" {
		t.Errorf("String = %q", got)
	}
}
