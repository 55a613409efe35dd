package service_test

import (
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
)

// atRiskSet registers the dossiers of the at-risk tests, all received at deskA and
// handled by deptB unless said otherwise, with status's clock at *clock (MOTCUA_AT_RISK_HOURS
// is left at its default, 8). Seen on Friday 13 March 2026 at 15:00, two working hours
// remain that day and the next six are Monday's, until 15:00:
//
//	in2      due Fri 13 17:00   2 working hours left     at risk
//	in7      due Mon 16 14:00   7, over the weekend      at risk
//	in9      due Mon 16 16:00   9                        not yet
//	overdue  due Fri 13 11:00   past                     late, not at risk
//	finished due Fri 13 16:00   processed                no
//	paused   due Fri 13 16:30   awaiting a supplement    no: its clock is stopped
//	elsewhere due Fri 13 16:00  deskX's only             at risk, for deskX
func atRiskSet(t *testing.T, clock *atomic.Pointer[time.Time]) (e *env, d map[string]*dossier) {
	e = newEnv(t)
	e.now = func() time.Time { return *clock.Load() }
	e.start()
	d = map[string]*dossier{}
	for _, c := range []struct {
		name      string
		receiving *dossierv1.Ref
		due       time.Time
		life      func(d *dossier, due time.Time) []*dossierv1.Event
	}{
		{"in2", deskA, at(3, 13, 17, 0), nil},
		{"in7", deskA, at(3, 16, 14, 0), nil},
		{"in9", deskA, at(3, 16, 16, 0), nil},
		{"overdue", deskA, at(3, 13, 11, 0), nil},
		{"finished", deskA, at(3, 13, 16, 0), func(d *dossier, due time.Time) []*dossierv1.Event {
			fin := at(3, 12, 10, 0)
			return []*dossierv1.Event{event(d, 2, fin, state{status: "processed", code: 9, current: deptB, due: due,
				finished: &fin, timing: "early", processing: 6 * time.Hour}, deptB, completed)}
		}},
		{"paused", deskA, at(3, 13, 16, 30), func(d *dossier, due time.Time) []*dossierv1.Event {
			p := at(3, 12, 9, 0)
			return []*dossierv1.Event{event(d, 2, p, state{status: "supplement_requested", code: 5, current: deskA,
				due: due, paused: &p, requests: 1}, deskA, supplementRequested("Tờ khai"))}
		}},
		{"elsewhere", deskX, at(3, 13, 16, 0), nil},
	} {
		x := e.newDossier(c.due)
		r := x.ev.GetReceived()
		r.ReceivingOffice, r.HandlingOffice = c.receiving, deptB
		if c.receiving == deskX {
			r.HandlingOffice = deskX
		}
		e.received(x)
		if c.life != nil {
			e.emit(c.life(x, c.due)...)
		}
		d[c.name] = x
	}
	e.settle()
	return e, d
}

func codesOf(ds ...*dossier) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.code
	}
	return out
}

func TestAtRiskList(t *testing.T) {
	t.Parallel()
	var clock atomic.Pointer[time.Time]
	friday := at(3, 13, 15, 0)
	clock.Store(&friday)
	e, d := atRiskSet(t, &clock)
	officer := e.token("officer", deskA.Code)
	const path = "/api/v1/dossiers?at_risk=true"

	for _, tc := range []struct {
		name, token, query string
		want               []string
	}{
		{"the office's, soonest due first", officer, "&office=" + url.QueryEscape(deskA.Code), codesOf(d["in2"], d["in7"])},
		{"the caller's offices", officer, "", codesOf(d["in2"], d["in7"])},
		{"the handling office's too", e.token("officer", deptB.Code), "", codesOf(d["in2"], d["in7"])},
		{"another office's own", e.token("officer", deskX.Code), "", codesOf(d["elsewhere"])},
		{"both offices", e.token("officer", deskA.Code, deskX.Code), "", codesOf(d["elsewhere"], d["in2"], d["in7"])},
		{"with a status", officer, "&status=received", codesOf(d["in2"], d["in7"])},
		{"a status none at risk has", officer, "&status=supplement_requested", nil},
		{"with an appointment filter", officer, "&due_before=2026-03-14", codesOf(d["in2"])},
		{"at_risk=1", officer, "&at_risk=1", codesOf(d["in2"], d["in7"])},
	} {
		got, next := listCodes(t, e.staff(tc.token, path+tc.query))
		if !reflect.DeepEqual(got, tc.want) || next != nil {
			t.Errorf("%s: %v (next %v), want %v", tc.name, got, next, tc.want)
		}
	}
	if got, _ := listCodes(t, e.staff(officer, "/api/v1/dossiers?at_risk=false")); len(got) != 6 {
		t.Errorf("at_risk=false filters: %v", got)
	}

	// A page at a time, as the whole list pages.
	first, next := listCodes(t, e.staff(officer, path+"&limit=1"))
	if !reflect.DeepEqual(first, codesOf(d["in2"])) || next == nil {
		t.Fatalf("the first page: %v, next %v", first, next)
	}
	second, last := listCodes(t, e.staff(officer, path+"&limit=1&cursor="+url.QueryEscape(next.(string))))
	if !reflect.DeepEqual(second, codesOf(d["in7"])) || last != nil {
		t.Errorf("the second page: %v, next %v", second, last)
	}

	// The item is the list's: the dossier due in two working hours, in full.
	item := e.staff(officer, path).json(t)["items"].([]any)[0].(map[string]any)
	want := map[string]any{
		"code":           d["in2"].code,
		"procedure":      map[string]any{"code": procP1.Code, "name": procP1.Name},
		"status":         "received",
		"status_code":    float64(1),
		"status_label":   "Đã tiếp nhận",
		"channel":        "desk",
		"received_at":    "2026-03-10T09:00:00+07:00",
		"due_at":         "2026-03-13T17:00:00+07:00",
		"timing":         "within_deadline",
		"current_office": map[string]any{"code": deskA.Code, "name": deskA.Name},
		"applicant":      "N*** V** A*",
	}
	if !reflect.DeepEqual(item, want) {
		t.Errorf("item: %v\nwant %v", item, want)
	}

	// Across the weekend: on Friday at 09:00, Monday 14:00 is 6 + 5 = 11 working hours
	// away, and only Friday's appointments (11:00 not passed yet, 17:00) are at risk; on
	// Monday at 08:00, the weekend having counted for nothing, the dossier due at 16:00
	// comes within the eight hours and Friday's are overdue.
	morning := at(3, 13, 9, 0)
	clock.Store(&morning)
	if got, _ := listCodes(t, e.staff(officer, path)); !reflect.DeepEqual(got, codesOf(d["overdue"], d["in2"])) {
		t.Errorf("on Friday at 09:00: %v, want the two due that day", got)
	}
	monday := at(3, 16, 8, 0)
	clock.Store(&monday)
	if got, _ := listCodes(t, e.staff(officer, path)); !reflect.DeepEqual(got, codesOf(d["in7"], d["in9"])) {
		t.Errorf("on Monday at 08:00: %v, want the two due that afternoon", got)
	}
	saturday := at(3, 14, 10, 0)
	clock.Store(&saturday)
	if got, _ := listCodes(t, e.staff(officer, path)); !reflect.DeepEqual(got, codesOf(d["in7"], d["in9"])) {
		t.Errorf("on Saturday: %v, want Monday's two (Monday's eight hours end at 17:00)", got)
	}
}

func TestAtRiskCountOnTheDashboard(t *testing.T) {
	t.Parallel()
	var clock atomic.Pointer[time.Time]
	friday := at(3, 13, 15, 0)
	clock.Store(&friday)
	e, _ := atRiskSet(t, &clock)
	supervisor := e.token("supervisor", deskA.Code, deskX.Code)

	count := func(query string) (n float64, hours float64, until string) {
		t.Helper()
		a := e.staff(supervisor, "/api/v1/stats"+query)
		if a.status != http.StatusOK {
			t.Fatalf("stats%s: %d %s", query, a.status, a.body)
		}
		m := a.json(t)
		return m["at_risk"].(float64), m["at_risk_hours"].(float64), m["at_risk_until"].(string)
	}
	listed := func(office string) int {
		t.Helper()
		got, next := listCodes(t, e.staff(e.token("officer", office), "/api/v1/dossiers?at_risk=true&limit=200&office="+url.QueryEscape(office)))
		if next != nil {
			t.Fatalf("more than one page")
		}
		return len(got)
	}
	n, hours, until := count("")
	if n != 3 || hours != 8 || until != "2026-03-16T15:00:00+07:00" {
		t.Errorf("all the supervisor's offices: %v at risk within %v hours until %s, want 3 within 8 until Monday 15:00", n, hours, until)
	}
	for _, office := range []*dossierv1.Ref{deskA, deskX} {
		n, _, _ := count("?office=" + url.QueryEscape(office.Code))
		if want := listed(office.Code); n != float64(want) {
			t.Errorf("%s: the dashboard counts %v, the list has %d", office.Code, n, want)
		}
	}
	// Whatever the period: the dossiers were received in March, the count is of now.
	if n, _, _ := count("?from=2025-01-01&to=2025-01-31"); n != 3 {
		t.Errorf("another period: %v at risk", n)
	}
	if n, _, _ := count("?procedure=nothing"); n != 0 {
		t.Errorf("a procedure without dossiers: %v at risk", n)
	}

	// The page, for all the offices and for one.
	countOnPage := func(query string) string {
		t.Helper()
		a := e.signedIn(supervisor, "/giam-sat"+query)
		if a.status != http.StatusOK {
			t.Fatalf("dashboard%s: %d %s", query, a.status, a.body)
		}
		m := regexp.MustCompile(`id="at-risk-count">(\d+)<`).FindSubmatch(a.body)
		if m == nil {
			t.Fatalf("dashboard%s shows no at-risk count", query)
		}
		return string(m[1])
	}
	if got := countOnPage(""); got != "3" {
		t.Errorf("the page counts %s at risk, want 3", got)
	}
	if got := countOnPage("?office=" + url.QueryEscape(deskX.Code)); got != "1" {
		t.Errorf("the page of %s counts %s at risk, want 1", deskX.Code, got)
	}
	page := e.signedIn(supervisor, "/giam-sat")
	shows(t, "the at-risk card", page, http.StatusOK, []string{"Hồ sơ sắp đến hạn",
		"trong 8 giờ làm việc tới (đến 15:00, 16/03/2026), tính từ 15:00, 13/03/2026"})
}

func TestAtRiskRefusals(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	officer := e.token("officer", deptB.Code)
	for _, tc := range []struct {
		query, code, message string
	}{
		{"?at_risk=maybe", "invalid_boolean", "at_risk phải là true hoặc false."},
		{"?at_risk=true&late=true", "not_with_late", "Không thể lọc cùng lúc at_risk và late"},
	} {
		a := e.staff(officer, "/api/v1/dossiers"+tc.query)
		if a.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d %s, want 422", tc.query, a.status, a.body)
			continue
		}
		code, field := errorOf(t, a)
		msg, _ := a.json(t)["error"].(map[string]any)["message"].(string)
		if code != tc.code || field != "at_risk" || !strings.HasPrefix(msg, tc.message) {
			t.Errorf("%s: %s on %q, %q", tc.query, code, field, msg)
		}
	}
	if a := e.staff(officer, "/api/v1/dossiers?at_risk=true&office="+url.QueryEscape(deskA.Code)); a.status != http.StatusForbidden {
		t.Errorf("another office's: %d %s, want 403 as the list answers", a.status, a.body)
	}
}
