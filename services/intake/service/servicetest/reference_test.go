package servicetest

import (
	"net/http"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
)

func testOffices(t *testing.T, e *env) {
	var offices []map[string]any
	e.getOK(t, "/api/v1/offices", &offices)
	if len(offices) != 33 {
		t.Fatalf("%d offices, want 16 desks, the land office and 16 post offices", len(offices))
	}
	kinds := map[string]int{}
	byCode := map[string]map[string]any{}
	for _, o := range offices {
		for _, k := range []string{"code", "name", "kind", "parent_code", "address", "post_office_code"} {
			if _, ok := o[k]; !ok {
				t.Fatalf("office %v has no %q", o, k)
			}
		}
		kinds[o["kind"].(string)]++
		byCode[o["code"].(string)] = o
	}
	if kinds["district_desk"] != 1 || kinds["commune_centre"] != 15 || kinds["department"] != 1 || kinds["post_office"] != 16 {
		t.Errorf("kinds %v, want 1 district desk, 15 commune centres, 1 department, 16 post offices", kinds)
	}
	// Every desk, commune and department is served by a post office; Bảo Hòa by its own point.
	for code, o := range byCode {
		po, _ := o["post_office_code"].(string)
		switch {
		case o["kind"] == "post_office" && po != "":
			t.Errorf("post office %s is served by %s", code, po)
		case o["kind"] != "post_office" && (po == "" || byCode[po]["kind"] != "post_office"):
			t.Errorf("office %s is served by %q, not a post office", code, po)
		}
	}
	if po := byCode["000.02.16.H19"]["post_office_code"]; po != demo.PostOfficeOf("000.02.16.H19") || po == demo.DistrictPostOffice {
		t.Errorf("Bảo Hòa is served by %v", po)
	}
	if p := byCode[demo.DistrictDesk]["parent_code"]; p != nil {
		t.Errorf("district desk parent %v, want null", p)
	}
	for _, code := range append([]string{demo.LandOffice}, demo.CommuneCodes()...) {
		if p := byCode[code]["parent_code"]; p != demo.DistrictDesk {
			t.Errorf("%s parent %v, want %s", code, p, demo.DistrictDesk)
		}
	}
	if byCode[demo.LandOffice]["kind"] != "department" {
		t.Errorf("land office kind %v", byCode[demo.LandOffice]["kind"])
	}
}

func testProcedures(t *testing.T, e *env) {
	var procs []struct {
		Code           string `json:"code"`
		Name           string `json:"name"`
		DecidedByKind  string `json:"decided_by_kind"`
		TimeLimitHours *int   `json:"time_limit_hours"`
		FeeVND         *int64 `json:"fee_vnd"`
		Online         *bool  `json:"online"`
		Documents      []struct {
			Name     string `json:"name"`
			Kind     string `json:"kind"`
			Copies   int    `json:"copies"`
			Required *bool  `json:"required"`
		} `json:"documents"`
	}
	e.getOK(t, "/api/v1/procedures", &procs)
	if len(procs) != len(demo.Procedures()) {
		t.Fatalf("%d procedures, want %d", len(procs), len(demo.Procedures()))
	}
	found := false
	for _, p := range procs {
		if p.Code == "" || p.Name == "" || p.DecidedByKind == "" || p.TimeLimitHours == nil || p.FeeVND == nil || p.Online == nil ||
			len(p.Documents) == 0 {
			t.Fatalf("incomplete procedure %+v", p)
		}
		for _, d := range p.Documents {
			if d.Name == "" || d.Kind == "" || d.Copies < 1 || d.Required == nil {
				t.Errorf("procedure %s lists an incomplete document %+v", p.Code, d)
			}
		}
		if p.Code == "2.000720" {
			found = true
			if p.DecidedByKind != "district_desk" || *p.TimeLimitHours != 24 || *p.FeeVND != 100000 || !*p.Online {
				t.Errorf("household business registration = %+v", p)
			}
			if d := p.Documents[0]; d.Name != "Giấy đề nghị đăng ký hộ kinh doanh" || d.Kind != "original" || d.Copies != 1 || !*d.Required {
				t.Errorf("household business registration's first document: %+v", d)
			}
		}
		if p.Code == "1.001193" && *p.TimeLimitHours != 0 {
			t.Errorf("birth registration takes %d hours, want 0 (same day)", *p.TimeLimitHours)
		}
	}
	if !found {
		t.Error("household business registration missing")
	}
}

func testCalendar(t *testing.T, e *env) {
	t.Run("due across the 30 April and 1 May holidays", func(t *testing.T) {
		var due struct {
			DueAt string `json:"due_at"`
		}
		e.getOK(t, "/api/v1/calendar/due?from=2026-04-29T08:00:00%2B07:00&hours=16", &due)
		if due.DueAt != "2026-05-05T08:00:00+07:00" {
			t.Fatalf("due_at %s, want 2026-05-05T08:00:00+07:00", due.DueAt)
		}
	})

	t.Run("year", func(t *testing.T) {
		var cal calendarYear
		e.getOK(t, "/api/v1/calendar/2026", &cal)
		if cal.Year != 2026 || len(cal.OfficeHours) == 0 || cal.WorkingSaturdays == nil {
			t.Fatalf("calendar %+v", cal)
		}
		off := map[string]string{}
		for _, d := range cal.DaysOff {
			off[d.Date] = d.Reason
		}
		for _, d := range []string{"2026-01-01", "2026-04-30", "2026-05-01", "2026-09-02"} {
			if off[d] == "" {
				t.Errorf("%s is not a day off with a reason: %v", d, cal.DaysOff)
			}
		}
		if _, ok := off["2026-04-29"]; ok {
			t.Error("2026-04-29 listed as a day off")
		}
	})

	t.Run("bad queries", func(t *testing.T) {
		for _, q := range []struct{ path, field string }{
			{"/api/v1/calendar/due?from=yesterday&hours=8", "from"},
			{"/api/v1/calendar/due?hours=8", "from"},
			{"/api/v1/calendar/due?from=2026-04-29T08:00:00%2B07:00&hours=-1", "hours"},
			{"/api/v1/calendar/due?from=2026-04-29T08:00:00%2B07:00&hours=many", "hours"},
			{"/api/v1/calendar/due?from=2026-04-29T08:00:00%2B07:00&hours=99999", "hours"},
			{"/api/v1/calendar/due?from=9999-12-31T16:00:00%2B07:00&hours=2928", "from"},
			{"/api/v1/calendar/abcd", "year"},
			{"/api/v1/calendar/1000", "year"},
		} {
			e.call(t, "GET", q.path, "", nil).ExpectError(t, http.StatusUnprocessableEntity, "", q.field)
		}
	})
}
