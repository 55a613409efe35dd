package app_test

import (
	"context"
	"testing"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo/demodb"
	"github.com/motcua/motcua/services/platform/calendarsync"
	"github.com/motcua/motcua/services/worktime"
)

func TestCalendarDays(t *testing.T) {
	_, pool := demodb.Open(t)
	ctx := context.Background()
	live := worktime.NewLive()
	cals := &app.Calendars{Years: calendarsync.NewYears(pool), Live: live, Now: fixedNow}
	day := worktime.Date{Year: 2026, Month: 6, Day: 1}
	for _, c := range []struct {
		ch    app.DayChange
		field string
		code  string
	}{
		{app.DayChange{Year: 2026, Revision: 3, Date: "2026-06-01", Reason: "x"}, "revision", "calendar.stale"},
		{app.DayChange{Year: 2026, Date: "2026-02-30", Reason: "x"}, "date", "date.format"},
		{app.DayChange{Year: 2026, Date: "01/06/2027", Reason: "x"}, "date", "date.other_year"},
		{app.DayChange{Year: 2026, Date: "2026-06-01"}, "reason", "reason.required"},
		{app.DayChange{Year: 2026, Date: "2026-01-01", Reason: "x"}, "date", "date.listed"},
		{app.DayChange{Year: 2026, Date: "2026-06-01", WorkingDay: true}, "date", "date.not_weekend"},
		{app.DayChange{Year: 2026, Date: "2026-06-01", Remove: true}, "date", "date.not_listed"},
	} {
		if got := invalid(func() error { _, err := cals.Change(ctx, "admin.xuanloc", c.ch); return err }()); got[c.field] != c.code {
			t.Errorf("%+v: %v, want %s %s", c.ch, got, c.field, c.code)
		}
	}
	rev, err := cals.Change(ctx, "admin.xuanloc", app.DayChange{Year: 2026, Date: "01/06/2026", Reason: " Nghỉ  bù "})
	if err != nil || rev != 1 {
		t.Fatalf("add a day off: %d %v", rev, err)
	}
	if reason, off := live.Calendar().DayOff(day); !off || reason != "Nghỉ bù" {
		t.Errorf("the day off is not in force: %q %v", reason, off)
	}
	if n := count(t, pool, "SELECT count(*) FROM outbox WHERE subject = $1", calendarsync.Subject(2026)); n != 1 {
		t.Errorf("%d calendar events", n)
	}
	// The shipped holidays stay: the edit starts from the year in force.
	if _, off := live.Calendar().DayOff(worktime.Date{Year: 2026, Month: 9, Day: 2}); !off {
		t.Error("2 September was lost")
	}
	sat := "2026-06-06"
	if rev, err = cals.Change(ctx, "admin.xuanloc", app.DayChange{Year: 2026, Revision: 1, Date: sat, WorkingDay: true}); err != nil || rev != 2 {
		t.Fatalf("add a working Saturday: %d %v", rev, err)
	}
	if !live.Calendar().IsWorkingDay(worktime.Date{Year: 2026, Month: 6, Day: 6}) {
		t.Error("the Saturday is not worked")
	}
	if _, err = cals.Change(ctx, "admin.xuanloc", app.DayChange{Year: 2026, Revision: 2, Date: "2026-06-01", Remove: true}); err != nil {
		t.Fatal(err)
	}
	if _, off := live.Calendar().DayOff(day); off {
		t.Error("the removed day is still off")
	}
	if _, err = cals.Change(ctx, "admin.xuanloc", app.DayChange{Year: 2026, Revision: 3, Date: sat, WorkingDay: true, Remove: true}); err != nil {
		t.Fatal(err)
	}
	if _, rev := live.Year(2026); rev != 4 {
		t.Errorf("revision %d after four edits", rev)
	}
}

// TestCalendarDaysUnderRace: administrators adding different days to the same
// revision at the same moment never lose one another's day: each edit that succeeds
// is in force, the others are told the year has just changed.
func TestCalendarDaysUnderRace(t *testing.T) {
	_, pool := demodb.Open(t)
	live := worktime.NewLive()
	cals := &app.Calendars{Years: calendarsync.NewYears(pool), Live: live, Now: fixedNow}
	days := []string{"2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04", "2026-06-05", "2026-06-08", "2026-06-09", "2026-06-10"}
	errs := race(len(days), func(i int) error {
		_, err := cals.Change(context.Background(), "admin.xuanloc", app.DayChange{Year: 2026, Date: days[i], Reason: "Nghỉ"})
		return err
	})
	for i, err := range errs {
		d, _ := worktime.ParseDate(days[i])
		_, off := live.Calendar().DayOff(d)
		switch {
		case err == nil && !off:
			t.Errorf("the day off %s was saved, then lost", days[i])
		case err != nil && invalid(err)["revision"] != "calendar.stale":
			t.Errorf("%s: %v", days[i], err)
		}
	}
}
