package service_test

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
)

// A procedure and an office whose names a spreadsheet would take for formulas.
var (
	procP2   = &dossierv1.Ref{Code: "2.000720", Name: "+Đăng ký thành lập hộ kinh doanh"}
	deptCcsv = &dossierv1.Ref{Code: deptC.Code, Name: "=Phòng Tài nguyên và Môi trường"}
)

// counted describes one dossier of the statistics test.
type counted struct {
	procedure *dossierv1.Ref
	handling  *dossierv1.Ref
	channel   dossierv1.Channel
	received  time.Time
	due       time.Time
	life      func(d *dossier, due time.Time) []*dossierv1.Event
	score     int
}

// finishedAs completes the dossier (or refuses it) with a final timing and processing
// time, then returns the result when completed.
func finishedAs(timing string, processing time.Duration, kind func(*dossierv1.Event)) func(*dossier, time.Time) []*dossierv1.Event {
	return func(d *dossier, due time.Time) []*dossierv1.Event {
		fin := at(3, 12, 10, 0)
		s := state{status: "processed", code: 9, current: deptB, due: due, finished: &fin, timing: timing, processing: processing}
		if kind != nil {
			s.status, s.code = "refused", 3
			return []*dossierv1.Event{event(d, 2, fin, s, deptB, kind)}
		}
		back := s
		back.status, back.code = "returned", 10
		return []*dossierv1.Event{event(d, 2, fin, s, deptB, completed), event(d, 3, fin.Add(time.Hour), back, deptB, returned)}
	}
}

func TestStatistics(t *testing.T) {
	t.Parallel()
	// Friday 20 March 2026 at noon.
	e := startEnvAt(t, at(3, 20, 12, 0))
	desk, post, online := dossierv1.Channel_CHANNEL_DESK, dossierv1.Channel_CHANNEL_POST, dossierv1.Channel_CHANNEL_ONLINE
	received := at(3, 10, 9, 0)
	viaC := func(d *dossier, due time.Time) []*dossierv1.Event {
		fin := at(3, 13, 10, 0)
		done := state{status: "processed", code: 9, current: deptC, due: due, finished: &fin, timing: "on_time", processing: 16 * time.Hour}
		back := done
		back.status, back.code = "returned", 10
		return []*dossierv1.Event{
			event(d, 2, at(3, 10, 10, 0), state{status: "in_transit", code: 4, current: deskA, pending: deptC, due: due}, deskA, transferred(deskA, deptC)),
			event(d, 3, at(3, 10, 11, 0), state{status: "processing", code: 4, current: deptC, due: due}, deptC, accepted(deskA)),
			event(d, 4, fin, done, deptC, completed),
			event(d, 5, fin.Add(time.Hour), back, deptC, returned),
		}
	}
	pausedBeforeDue := func(d *dossier, due time.Time) []*dossierv1.Event {
		p := at(3, 16, 10, 0)
		return []*dossierv1.Event{event(d, 2, p, state{status: "supplement_requested", code: 5, current: deptCcsv, due: due,
			paused: &p, requests: 1}, deptCcsv, supplementRequested("Tờ khai"))}
	}
	withdraw := func(d *dossier, due time.Time) []*dossierv1.Event {
		w := at(3, 11, 9, 0)
		return []*dossierv1.Event{event(d, 2, w, state{status: "withdrawn", code: 7, current: deskA, due: due, finished: &w},
			deskA, withdrawn)}
	}
	set := []counted{
		{procP1, deptB, desk, received, at(3, 17, 17, 0), finishedAs("early", 8*time.Hour, nil), 5},         // d1
		{procP1, deptB, online, received, at(3, 17, 17, 0), viaC, 2},                                        // d2: passed through C
		{procP1, deptCcsv, post, received, at(3, 11, 17, 0), finishedAs("late", 40*time.Hour, nil), 1},      // d3
		{procP2, deptB, online, received, at(3, 25, 17, 0), nil, 0},                                         // d4: within deadline
		{procP2, deptCcsv, desk, received, at(3, 17, 17, 0), nil, 0},                                        // d5: overdue
		{procP2, deptCcsv, online, received, at(3, 17, 17, 0), pausedBeforeDue, 0},                          // d6: paused in time
		{procP1, deptB, desk, received, at(3, 17, 17, 0), withdraw, 0},                                      // d7
		{procP2, deptB, online, received, at(3, 17, 17, 0), finishedAs("on_time", 4*time.Hour, refused), 0}, // d8
		{procP1, deptB, desk, at(4, 1, 0, 0), at(4, 8, 17, 0), nil, 0},                                      // d9: April
		{procP1, deptB, desk, at(2, 28, 23, 59), at(3, 6, 17, 0), nil, 0},                                   // d10: February
		{procP2, deptCcsv, post, at(3, 31, 23, 59), at(4, 7, 17, 0), nil, 0},                                // d11: last minute of March
	}
	var rate []struct {
		d     *dossier
		score int
	}
	for _, c := range set {
		d := e.newDossier(c.due)
		r := d.ev.GetReceived()
		r.Procedure, r.ReceivingOffice, r.HandlingOffice, r.Channel = c.procedure, deskA, c.handling, c.channel
		r.ReceivedAt = ts(c.received)
		e.received(d)
		if c.life != nil {
			e.emit(c.life(d, c.due)...)
		}
		if c.score > 0 {
			rate = append(rate, struct {
				d     *dossier
				score int
			}{d, c.score})
		}
	}
	e.settle()
	for _, r := range rate {
		if a := e.post(defaultClient, ratingPath(r.d, r.d.pin), fmt.Sprintf(`{"score":%d}`, r.score)); a.status != http.StatusCreated {
			t.Fatalf("rating: %d %s", a.status, a.body)
		}
	}

	// figures written as the answer shows them; nil rates are null.
	fig := func(received, early, onTime, late, within, overdue, withdrawn int, onTimeRate, avgHours any,
		desk, post, online int, onlineShare, satisfaction any, ratings int, average any, dislikes int) map[string]any {
		return map[string]any{
			"received":             float64(received),
			"finished":             map[string]any{"early": float64(early), "on_time": float64(onTime), "late": float64(late)},
			"open":                 map[string]any{"within_deadline": float64(within), "overdue": float64(overdue)},
			"withdrawn":            float64(withdrawn),
			"on_time_rate":         onTimeRate,
			"avg_processing_hours": avgHours,
			"avg_check_hours":      nil,
			"channels":             map[string]any{"desk": float64(desk), "post": float64(post), "online": float64(online)},
			"online_share":         onlineShare,
			"satisfaction_rate":    satisfaction,
			"ratings":              map[string]any{"count": float64(ratings), "average": average, "dislikes": float64(dislikes)},
		}
	}
	with := func(m map[string]any, kv ...any) map[string]any {
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	// Scored: 9 received − 1 withdrawn = 8. On time: (1 early + 2 on time + 3 within) / 8.
	// Processing: (8 + 16 + 40 + 4) / 4 hours. Online: 4 / 9. Late: (1 late + 1 overdue) / 8
	// = 25 %, dislikes 2 / 8 = 25 %: satisfaction 50 %.
	want := with(fig(9, 1, 2, 1, 3, 1, 1, 75.0, 17.0, 3, 2, 4, 44.4, 50.0, 3, 2.7, 2),
		"from", "2026-03-01", "to", "2026-03-31",
		"by_procedure", []any{
			// 1.004227: d1, d2, d3, d7. Scored 3; on time 2/3; (8+16+40)/3 hours; late 1/3 and
			// dislikes 2/3 leave nothing.
			with(fig(4, 1, 1, 1, 0, 0, 1, 66.7, 21.3, 2, 1, 1, 25.0, 0.0, 3, 2.7, 2), "code", procP1.Code, "name", procP1.Name),
			// 2.000720: d4, d5, d6, d8, d11. On time (1 + 3) / 5; overdue 1/5.
			with(fig(5, 0, 1, 0, 3, 1, 0, 80.0, 4.0, 1, 1, 3, 60.0, 80.0, 0, nil, 0), "code", procP2.Code, "name", procP2.Name),
		},
		"by_office", []any{
			// B handles d1, d2, d4, d7, d8 (d2 went through C, but B is its handling office).
			with(fig(5, 1, 2, 0, 1, 0, 1, 100.0, 9.3, 2, 0, 3, 60.0, 75.0, 2, 3.5, 1), "code", deptB.Code, "name", deptB.Name),
			// C handles d3, d5, d6, d11.
			with(fig(4, 0, 0, 1, 2, 1, 0, 50.0, 40.0, 1, 2, 1, 25.0, 25.0, 1, 1.0, 1), "code", deptC.Code, "name", deptCcsv.Name),
		},
		// No leg of the post (TestPostLegs).
		"post_legs", []any{},
		// None of the open dossiers is due by Monday 11:30, eight working hours from
		// Friday noon (TestAtRiskCountOnTheDashboard).
		"at_risk", 0.0, "at_risk_hours", 8.0, "at_risk_until", "2026-03-23T11:30:00+07:00")
	supervisor := e.token("supervisor", deskA.Code)
	assertJSON(t, "March", e.staff(supervisor, "/api/v1/stats?from=2026-03-01&to=2026-03-31"), want)
	assertJSON(t, "the current month by default", e.staff(supervisor, "/api/v1/stats"), want)
	assertJSON(t, "an admin", e.staff(e.token("admin", deskA.Code), "/api/v1/stats?from=2026-03-01&to=2026-03-31"), want)
	// A supervisor of C sees the dossiers that passed through C: d2, d3, d5, d6, d11.
	ofC := e.staff(e.token("supervisor", deptC.Code), "/api/v1/stats?from=2026-03-01&to=2026-03-31")
	if got := ofC.json(t)["received"]; ofC.status != http.StatusOK || got != 5.0 {
		t.Errorf("a supervisor of C: %d, received %v, want 5", ofC.status, got)
	}
	if a := e.staff(e.token("supervisor"), "/api/v1/stats"); a.status != http.StatusForbidden {
		t.Errorf("a supervisor of no office: %d, want 403", a.status)
	}

	// Filters: the dossiers that belonged to C (d2 passed through it), of one procedure.
	for _, tc := range []struct {
		query    string
		received float64
	}{
		{"&office=" + url.QueryEscape(deptC.Code), 5},
		{"&procedure=" + procP2.Code, 5},
		{"&office=" + url.QueryEscape(deptC.Code) + "&procedure=" + procP1.Code, 2},
		{"&office=nowhere", 0},
	} {
		a := e.staff(supervisor, "/api/v1/stats?from=2026-03-01&to=2026-03-31"+tc.query)
		if a.status != http.StatusOK || a.json(t)["received"] != tc.received {
			t.Errorf("%s: %d %s, want %v received", tc.query, a.status, a.body, tc.received)
		}
	}
	empty := e.staff(supervisor, "/api/v1/stats?from=2025-01-01&to=2025-01-31").json(t)
	if !reflect.DeepEqual(empty, with(fig(0, 0, 0, 0, 0, 0, 0, nil, nil, 0, 0, 0, nil, nil, 0, nil, 0),
		"from", "2025-01-01", "to", "2025-01-31", "by_procedure", []any{}, "by_office", []any{}, "post_legs", []any{},
		"at_risk", 0.0, "at_risk_hours", 8.0, "at_risk_until", "2026-03-23T11:30:00+07:00")) {
		t.Errorf("an empty period: %v", empty)
	}

	// The same as CSV, asked either way.
	for name, a := range map[string]answer{
		"format=csv":      e.staff(supervisor, "/api/v1/stats?from=2026-03-01&to=2026-03-31&format=csv"),
		"Accept text/csv": e.staff(supervisor, "/api/v1/stats?from=2026-03-01&to=2026-03-31", "Accept", "text/csv"),
	} {
		if a.status != http.StatusOK || a.header.Get("Content-Type") != "text/csv; charset=utf-8" {
			t.Fatalf("%s: %d %s %s", name, a.status, a.header.Get("Content-Type"), a.body)
		}
		if got := a.header.Get("Content-Disposition"); got != `attachment; filename="thong-ke-2026-03-01-2026-03-31.csv"` {
			t.Errorf("%s: Content-Disposition %q", name, got)
		}
		rows, err := csv.NewReader(strings.NewReader(string(a.body))).ReadAll()
		if err != nil {
			t.Fatalf("%s: not CSV: %v\n%s", name, err, a.body)
		}
		wantRows := [][]string{
			{"scope", "code", "name", "from", "to", "received", "finished_early", "finished_on_time", "finished_late",
				"open_within_deadline", "open_overdue", "withdrawn", "on_time_rate", "avg_processing_hours",
				"channel_desk", "channel_post", "channel_online", "online_share", "satisfaction_rate",
				"ratings_count", "ratings_average", "ratings_dislikes", "avg_check_hours"},
			{"total", "", "", "2026-03-01", "2026-03-31", "9", "1", "2", "1", "3", "1", "1", "75.0", "17.0", "3", "2", "4", "44.4", "50.0", "3", "2.7", "2", ""},
			{"procedure", procP1.Code, procP1.Name, "2026-03-01", "2026-03-31", "4", "1", "1", "1", "0", "0", "1", "66.7", "21.3", "2", "1", "1", "25.0", "0.0", "3", "2.7", "2", ""},
			{"procedure", procP2.Code, "'" + procP2.Name, "2026-03-01", "2026-03-31", "5", "0", "1", "0", "3", "1", "0", "80.0", "4.0", "1", "1", "3", "60.0", "80.0", "0", "", "0", ""},
			{"office", deptB.Code, deptB.Name, "2026-03-01", "2026-03-31", "5", "1", "2", "0", "1", "0", "1", "100.0", "9.3", "2", "0", "3", "60.0", "75.0", "2", "3.5", "1", ""},
			{"office", deptC.Code, "'" + deptCcsv.Name, "2026-03-01", "2026-03-31", "4", "0", "0", "1", "2", "1", "0", "50.0", "40.0", "1", "2", "1", "25.0", "25.0", "1", "1.0", "1", ""},
		}
		if !reflect.DeepEqual(rows, wantRows) {
			t.Errorf("%s: rows\n%q\nwant\n%q", name, rows, wantRows)
		}
	}
}

func TestStatisticsRefusals(t *testing.T) {
	t.Parallel()
	e := startEnvAt(t, at(3, 20, 12, 0))
	supervisor := e.token("supervisor", deskA.Code)
	for _, role := range []string{"desk", "officer", "postal"} {
		if a := e.staff(e.token(role, deskA.Code), "/api/v1/stats"); a.status != http.StatusForbidden {
			t.Errorf("%s: %d %s, want 403", role, a.status, a.body)
		}
	}
	if a := e.get(defaultClient, "/api/v1/stats"); a.status != http.StatusUnauthorized {
		t.Errorf("no token: %d %s, want 401", a.status, a.body)
	}
	for _, tc := range []struct{ query, field string }{
		{"?from=2026-03-31&to=2026-03-01", "from"},
		{"?from=2025-01-01&to=2026-01-02", "to"},
		{"?from=2026-03-01", "to"},
		{"?to=2026-03-01", "from"},
		{"?from=2026-02-30&to=2026-03-01", "from"},
		{"?from=2026-03-01&to=31/03/2026", "to"},
		{"?from=%FF&to=2026-03-01", "from"},
		{"?format=xml", "format"},
		{"?office=%00", "office"},
		{"?procedure=" + strings.Repeat("9", 65), "procedure"},
	} {
		a := e.staff(supervisor, "/api/v1/stats"+tc.query)
		if a.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d %s, want 422", tc.query, a.status, a.body)
			continue
		}
		if _, field := errorOf(t, a); field != tc.field {
			t.Errorf("%s: field %q, want %q", tc.query, field, tc.field)
		}
	}
	// A whole leap year is allowed; a day more is not.
	if a := e.staff(supervisor, "/api/v1/stats?from=2024-01-01&to=2024-12-31"); a.status != http.StatusOK {
		t.Errorf("366 days: %d %s", a.status, a.body)
	}
}
