package servicetest

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// TestWorkListAtRisk: the tab "Sắp đến hạn" of the desk's work list holds the open
// dossiers whose clock runs and whose appointment comes within MOTCUA_AT_RISK_HOURS
// working hours (here 10), the soonest first, with their count; not the overdue, the
// finished, nor one waiting for the citizen's supplement.
func TestWorkListAtRisk(t *testing.T) {
	e := startWith(t, nil, map[string]string{"MOTCUA_AT_RISK_HOURS": "10"})
	ctx := context.Background()
	now := time.Now()
	cal, err := worktime.DefaultCalendar(now.Year(), now.Year()+1)
	if err != nil {
		t.Fatal(err)
	}
	// Appointments in working hours from now, on the calendar intake counts with: the
	// test runs at any hour of any day, weekends and days off included.
	in := func(hours int) time.Time { return cal.AddWorkingTime(now, time.Duration(hours)*time.Hour) }
	codes := map[string]string{}
	for _, c := range []struct {
		name, set string
		due       time.Time
	}{
		{"in2", "", in(2)},
		{"in9", "", in(9)},
		{"in7", "", in(7)},
		{"in11", "", in(11)},
		{"overdue", "", now.Add(-time.Minute)},
		{"finished", ", status = 'processed', finished_at = now(), timing = 'early'", in(3)},
		{"paused", ", status = 'supplement_requested', paused_at = now()", in(3)},
	} {
		code := e.registerAtDistrict(t).Code
		if _, err := e.DB.Exec(ctx, "UPDATE dossiers SET due_at = $2"+c.set+" WHERE code = $1", code, c.due); err != nil {
			t.Fatal(err)
		}
		codes[c.name] = code
	}

	p := e.page(t, "desk.xuanloc", "/mot-cua?tab=at_risk", nil)
	if want := []string{codes["in2"], codes["in7"], codes["in9"]}; p.status != http.StatusOK || !slices.Equal(p.rows(), want) {
		t.Errorf("the at-risk tab: %d %v, want %v (2, 7 and 9 working hours)", p.status, p.rows(), want)
	}
	if !strings.Contains(p.body, `id="tab-at_risk" href="/mot-cua?office=`) ||
		!strings.Contains(p.body, `aria-current="page">Sắp đến hạn <span class="count">(3)</span>`) {
		t.Errorf("the at-risk tab is not the current one with its count of 3")
	}
	for _, name := range []string{"in2", "in9"} {
		if row := p.row(codes[name]); !strings.Contains(row, "Còn ") || strings.Contains(row, `class="overdue"`) {
			t.Errorf("%s: the row does not show the time left: %s", name, row)
		}
	}
	// The count stands on every tab, as the others' do.
	all := e.page(t, "desk.xuanloc", "/mot-cua", nil)
	if !strings.Contains(all.body, `Sắp đến hạn <span class="count">(3)</span>`) ||
		!strings.Contains(all.body, `Quá hạn <span class="count">(1)</span>`) {
		t.Errorf("the whole list's tabs do not count 3 at risk and 1 overdue")
	}
	if en := e.page(t, "desk.xuanloc", "/mot-cua?tab=at_risk&lang=en", nil); !strings.Contains(en.body, "Due soon") {
		t.Errorf("the tab in English is not named")
	}
	// Another office has none of them.
	if p := e.page(t, "officer.baohoa", "/mot-cua?tab=at_risk", nil); p.status != http.StatusOK || len(p.rows()) != 0 {
		t.Errorf("Bảo Hòa's at-risk tab: %d %v", p.status, p.rows())
	}
}
