package e2e

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
)

// TestLife drives whole lives of dossiers through the HTTP APIs of the separate
// processes, as desks, offices, citizens and a supervisor would: intake takes the
// actions, status shows them to the citizen (after folding them asynchronously), lists
// them for staff and counts them for the supervisor. The database is fresh, so the lists
// and the statistics must hold exactly the dossiers made here.
func TestLife(t *testing.T) {
	e := start(t)
	l := newLife(e)
	ok := t.Run("whole life", l.wholeLife)
	ok = t.Run("refusal and withdrawal", l.refusalAndWithdrawal) && ok
	ok = t.Run("idempotency through the processes", l.idempotency) && ok
	ok = t.Run("finished early and still open", l.earlyAndOpen) && ok
	if !ok {
		t.Fatal("a scenario failed: the lists and statistics of every dossier made would not add up")
	}
	t.Run("staff lists", l.staffLists)
	t.Run("statistics add up", l.statistics)
}

const within = "within_deadline"

// wholeLife: registered at the district desk, handed to the commune by hand, a supplement
// asked and given, an apology with a new appointment, approved, the result back at the
// desk, returned, rated.
func (l *life) wholeLife(t *testing.T) {
	desk, officer := demo.DistrictDesk, "officer.baohoa"
	d := l.register(t, marital, baoHoa, "desk")
	l.expectTrack(t, d, want{"received", desk, "", within})

	// A wrong PIN and an unknown code give the same 404.
	wrong := l.lookup(t, d.code(), "WRONGPIN", "")
	unknown := l.lookup(t, demo.DistrictDesk+"-990101-0001", d.receipt.LookupPIN, "")
	e1 := expectError(t, "wrong PIN", wrong, http.StatusNotFound, "dossier_not_found")
	e2 := expectError(t, "unknown code", unknown, http.StatusNotFound, "dossier_not_found")
	if e1 != e2 {
		t.Errorf("a wrong PIN (%+v) and an unknown code (%+v) answer differently", e1, e2)
	}

	l.actOK(t, deskUser, d, "transfer", map[string]any{"to_office": baoHoa, "via": "hand", "note": "Chuyển UBND xã Bảo Hòa"},
		"transferred", baoHoa)
	l.expectTrack(t, d, want{"in_transit", desk, baoHoa, within})

	l.actOK(t, officer, d, "accept", nil, "accepted", baoHoa)
	l.expectTrack(t, d, want{"processing", baoHoa, "", within})

	missing := "Giấy xác nhận thông tin về cư trú"
	s := l.actOK(t, officer, d, "request-supplement", map[string]any{
		"items":  []map[string]any{{"name": missing, "kind": "original", "copies": 1}},
		"reason": "Hồ sơ thiếu giấy xác nhận cư trú"}, "supplement_requested", baoHoa)
	if !s.ClockPaused {
		t.Errorf("after the supplement request the clock runs: %+v", s)
	}
	tr := l.expectTrack(t, d, want{"supplement_requested", baoHoa, "", within})
	if det := tr.Timeline[3].Detail; det == nil || !reflect.DeepEqual(det.Items, []string{missing}) {
		t.Errorf("the supplement request does not list what is missing: %+v", det)
	}

	l.actOK(t, officer, d, "supplement", map[string]any{"note": "Công dân đã nộp bổ sung"}, "supplemented", baoHoa)
	l.expectTrack(t, d, want{"processing", baoHoa, "", within})

	newDue := d.due.Add(48 * time.Hour).Truncate(time.Second)
	s = l.actOK(t, officer, d, "extend", map[string]any{"new_due_at": newDue.Format(time.RFC3339),
		"reason": "Cần xác minh thêm thông tin tại địa phương"}, "extended", baoHoa)
	if !s.DueAt.Equal(newDue) {
		t.Errorf("after the extension intake's appointment is %s, want %s", s.DueAt, newDue)
	}
	tr = l.expectTrack(t, d, want{"processing", baoHoa, "", within})
	if det := tr.Timeline[5].Detail; det == nil || det.NewDueAt == nil || !det.NewDueAt.Equal(newDue) {
		t.Errorf("the apology does not give the new appointment %s: %+v", newDue, det)
	}

	s = l.actOK(t, officer, d, "complete", map[string]any{"outcome": "approved", "note": "Đủ điều kiện"}, "completed", baoHoa)
	if s.Timing != "late" {
		t.Errorf("completed after an extension: intake says %q, want late", s.Timing)
	}
	l.expectTrack(t, d, want{"processed", baoHoa, "", "late"})
	// Nothing to rate before the result is handed back.
	expectError(t, "rating a processed dossier", l.rate(t, d, map[string]any{"score": 5}), http.StatusConflict, "not_returned_yet")

	l.actOK(t, officer, d, "transfer", map[string]any{"to_office": desk, "via": "hand"}, "result_transferred", desk)
	l.expectTrack(t, d, want{"result_in_transit", baoHoa, desk, "late"})

	l.actOK(t, deskUser, d, "accept", nil, "result_accepted", desk)
	l.expectTrack(t, d, want{"processed", desk, "", "late"})

	s = l.actOK(t, deskUser, d, "return", nil, "returned", desk)
	if s.Status != "returned" || len(s.AllowedActions) != 0 {
		t.Errorf("after the return: %+v", s)
	}
	l.expectTrack(t, d, want{"returned", desk, "", "late"})
	d.standing = "late"

	// The citizen rates the service, once.
	rating := map[string]any{"score": 5, "criteria": map[string]int{"on_time": 3, "attitude": 5, "guidance": 5, "trips": 2},
		"comment": "Cán bộ hướng dẫn tận tình"}
	a := l.rate(t, d, rating)
	if a.Status != http.StatusCreated {
		t.Fatalf("rating: %d %s", a.Status, a.Body)
	}
	d.score = 5
	var got struct {
		Code     string         `json:"code"`
		Score    int            `json:"score"`
		Criteria map[string]int `json:"criteria"`
		Comment  string         `json:"comment"`
	}
	decode(t, a, &got)
	if got.Code != d.code() || got.Score != 5 || !reflect.DeepEqual(got.Criteria, rating["criteria"]) || got.Comment != rating["comment"] {
		t.Errorf("rating answer: %s", a.Body)
	}
	expectError(t, "a second rating", l.rate(t, d, map[string]any{"score": 1}), http.StatusConflict, "already_rated")

	// intake's log holds the same ten steps.
	_, steps := l.whole(t, deskUser, d)
	if steps != len(d.steps)-1 {
		t.Errorf("intake logs %d steps, want %d", steps, len(d.steps)-1)
	}
}

// refusalAndWithdrawal: one dossier refused at the desk, one withdrawn from the desk
// while the commune holds it.
func (l *life) refusalAndWithdrawal(t *testing.T) {
	desk := demo.DistrictDesk
	c := l.register(t, marital, baoHoa, "desk")
	l.expectTrack(t, c, want{"received", desk, "", within})
	expectError(t, "refusal without a reason", l.act(t, deskUser, c, "refuse", map[string]any{}, ""),
		http.StatusUnprocessableEntity, "required")
	s := l.actOK(t, deskUser, c, "refuse", map[string]any{"reason": "Hồ sơ không thuộc thẩm quyền giải quyết"}, "refused", desk)
	// Refused today, days before its appointment: early.
	if s.Timing != "early" {
		t.Errorf("refused: intake's timing %q, want early", s.Timing)
	}
	l.expectTrack(t, c, want{"refused", desk, "", "early"})
	c.standing = "early"
	expectError(t, "rating a refused dossier", l.rate(t, c, map[string]any{"score": 4}), http.StatusConflict, "not_returned_yet")

	w := l.register(t, marital, baoHoa, "desk")
	l.expectTrack(t, w, want{"received", desk, "", within})
	l.actOK(t, deskUser, w, "transfer", map[string]any{"to_office": baoHoa}, "transferred", baoHoa)
	l.actOK(t, "officer.baohoa", w, "accept", nil, "accepted", baoHoa)
	l.expectTrack(t, w, want{"processing", baoHoa, "", within})
	s = l.actOK(t, deskUser, w, "withdraw", map[string]any{"reason": "Công dân xin rút hồ sơ"}, "withdrawn", desk)
	if s.Status != "withdrawn" || s.Timing != "" {
		t.Errorf("withdrawn: %+v", s)
	}
	// The papers stay with the commune; a withdrawn dossier has no timing.
	l.expectTrack(t, w, want{"withdrawn", baoHoa, "", ""})
	w.standing = "withdrawn"
	a := l.act(t, "officer.baohoa", w, "complete", map[string]any{"outcome": "approved"}, "")
	if e := expectError(t, "acting on a withdrawn dossier", a, http.StatusConflict, "action_not_allowed"); !strings.Contains(e.Error.Message, "No action can follow") {
		t.Errorf("409 on a withdrawn dossier does not say it is over: %q", e.Error.Message)
	}

	// Staff lists, by status: each shows up where it belongs and nowhere else.
	for _, tc := range []struct {
		user   string
		query  url.Values
		expect []*made
	}{
		{"officer.baohoa", url.Values{"office": {baoHoa}, "status": {"refused"}}, []*made{c}},
		{"officer.baohoa", url.Values{"office": {baoHoa}, "status": {"withdrawn"}}, []*made{w}},
		{"officer.baohoa", url.Values{"status": {"refused"}}, []*made{c}},
		{deskUser, url.Values{"office": {desk}, "status": {"refused"}}, []*made{c}},
		{deskUser, url.Values{"office": {desk}, "status": {"withdrawn"}}, []*made{w}},
		{deskUser, url.Values{"office": {desk}, "status": {"withdrawn"}, "late": {"true"}}, nil},
		{"desk.giaray", url.Values{"status": {"withdrawn"}}, nil},
		{"desk.giaray", url.Values{"status": {"refused"}}, nil},
	} {
		items, a := l.list(t, tc.user, tc.query)
		if a.Status != http.StatusOK {
			t.Errorf("list %v as %s: %d %s", tc.query, tc.user, a.Status, a.Body)
			continue
		}
		l.expectListed(t, fmt.Sprintf("list %v as %s", tc.query.Encode(), tc.user), items, tc.expect)
	}
	_, a = l.list(t, deskUser, url.Values{"office": {baoHoa}})
	expectError(t, "the desk listing the commune's dossiers", a, http.StatusForbidden, "forbidden")
}

// idempotency: a registration and an action sent twice with the same Idempotency-Key
// give the same bytes and happen once; a 409 names what is possible.
func (l *life) idempotency(t *testing.T) {
	desk := demo.DistrictDesk
	body := l.registration(marital, baoHoa, "desk")
	h, first := l.registerBody(t, marital, baoHoa, "desk", body, "life-register-1")
	again := l.call(t, l.e.cl.Intake.Addr, http.MethodPost, "/api/v1/dossiers", deskUser, "life-register-1", body)
	if again.Status != http.StatusCreated || !bytes.Equal(again.Body, first.Body) || again.Header.Get("Idempotent-Replayed") != "true" {
		t.Errorf("registration replayed: %d %s (replayed %q), first %s", again.Status, again.Body,
			again.Header.Get("Idempotent-Replayed"), first.Body)
	}
	if first.Header.Get("Idempotent-Replayed") != "" {
		t.Errorf("the first registration says it was replayed")
	}
	other := l.registration(marital, baoHoa, "online")
	expectError(t, "the key again with another body", l.call(t, l.e.cl.Intake.Addr, http.MethodPost, "/api/v1/dossiers",
		deskUser, "life-register-1", other), http.StatusUnprocessableEntity, "idempotency_key_reused")
	l.expectTrack(t, h, want{"received", desk, "", within})

	transfer := map[string]any{"to_office": baoHoa, "via": "hand", "note": "Giao tay"}
	a1 := l.act(t, deskUser, h, "transfer", transfer, "life-transfer-1")
	a2 := l.act(t, deskUser, h, "transfer", transfer, "life-transfer-1")
	if a1.Status != http.StatusOK || a2.Status != http.StatusOK || !bytes.Equal(a1.Body, a2.Body) ||
		a2.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("transfer replayed: %d %s / %d %s (replayed %q)", a1.Status, a1.Body, a2.Status, a2.Body,
			a2.Header.Get("Idempotent-Replayed"))
	}
	var s apiclient.Dossier
	decode(t, a1, &s)
	h.due = s.DueAt
	h.steps = append(h.steps, wantStep{"transferred", baoHoa, s.LastStep.At})
	expectError(t, "the key again with another body", l.act(t, deskUser, h, "transfer",
		map[string]any{"to_office": baoHoa, "via": "post"}, "life-transfer-1"), http.StatusUnprocessableEntity, "idempotency_key_reused")
	if w, steps := l.whole(t, deskUser, h); steps != 1 || w.Version != 2 || w.Status != "in_transit" {
		t.Errorf("after a transfer sent twice intake holds %d steps, version %d, status %s; want 1, 2, in_transit",
			steps, w.Version, w.Status)
	}
	// The citizen reads one transfer.
	l.expectTrack(t, h, want{"in_transit", desk, baoHoa, within})

	// Not allowed now: a 409 that names what is possible, for whoever asks.
	for _, tc := range []struct {
		user, action string
		body         any
		possible     string
	}{
		{"officer.baohoa", "complete", map[string]any{"outcome": "approved"}, "accept"},
		{deskUser, "return", nil, "withdraw"},
	} {
		a := l.act(t, tc.user, h, tc.action, tc.body, "life-409-"+tc.action)
		e := expectError(t, tc.action+" in transit", a, http.StatusConflict, "action_not_allowed")
		if !strings.Contains(e.Error.Message, "Possible now: "+tc.possible+".") {
			t.Errorf("409 for %s by %s does not name %s: %q", tc.action, tc.user, tc.possible, e.Error.Message)
		}
		if w, _ := l.whole(t, tc.user, h); !slices.Equal(w.AllowedActions, []string{tc.possible}) {
			t.Errorf("intake allows %s %v, but its 409 names %s", tc.user, w.AllowedActions, tc.possible)
		}
		// The same refused request with its key again: the same answer, still nothing done.
		if b := l.act(t, tc.user, h, tc.action, tc.body, "life-409-"+tc.action); b.Status != a.Status || !bytes.Equal(b.Body, a.Body) {
			t.Errorf("the 409 sent again with its key: %d %s, first %d %s", b.Status, b.Body, a.Status, a.Body)
		}
	}
	if _, steps := l.whole(t, deskUser, h); steps != 1 {
		t.Errorf("after the refused actions intake holds %d steps, want 1", steps)
	}
	h.standing = within
}

// earlyAndOpen: a dossier with a three-day limit decided at the desk and returned today
// is early; one received online and one by post stay open.
func (l *life) earlyAndOpen(t *testing.T) {
	desk := demo.DistrictDesk
	e := l.register(t, household, desk, "desk")
	l.expectTrack(t, e, want{"received", desk, "", within})
	l.actOK(t, "officer.xuanloc", e, "accept", nil, "accepted", desk)
	l.expectTrack(t, e, want{"processing", desk, "", within})
	if s := l.actOK(t, "officer.xuanloc", e, "complete", map[string]any{"outcome": "approved"}, "completed", desk); s.Timing != "early" {
		t.Errorf("completed days before the appointment: intake says %q, want early", s.Timing)
	}
	l.expectTrack(t, e, want{"processed", desk, "", "early"})
	l.actOK(t, deskUser, e, "return", nil, "returned", desk)
	l.expectTrack(t, e, want{"returned", desk, "", "early"})
	e.standing = "early"
	// A dislike (2 or less) counts against satisfaction.
	if a := l.rate(t, e, map[string]any{"score": 2, "comment": "Phải đi lại nhiều lần"}); a.Status != http.StatusCreated {
		t.Fatalf("rating: %d %s", a.Status, a.Body)
	}
	e.score = 2

	online := l.register(t, marital, baoHoa, "online")
	l.expectTrack(t, online, want{"received", desk, "", within})
	online.standing = within
	// Nothing to rate while it is open.
	expectError(t, "rating an open dossier", l.rate(t, online, map[string]any{"score": 5}), http.StatusConflict, "not_returned_yet")

	post := l.register(t, household, desk, "post")
	l.expectTrack(t, post, want{"received", desk, "", within})
	post.standing = within
}

// expectListed checks a staff list against the dossiers it should hold exactly, in the
// order of the lists (appointment, then id), and each item against what its citizen read.
func (l *life) expectListed(t *testing.T, what string, got []apiclient.Listed, expect []*made) {
	t.Helper()
	expect = slices.Clone(expect)
	slices.SortFunc(expect, func(a, b *made) int {
		if c := a.due.Compare(b.due); c != 0 {
			return c
		}
		return strings.Compare(a.receipt.ID, b.receipt.ID)
	})
	var gotCodes, wantCodes []string
	for _, it := range got {
		gotCodes = append(gotCodes, it.Code)
	}
	for _, d := range expect {
		wantCodes = append(wantCodes, d.code())
	}
	if !slices.Equal(gotCodes, wantCodes) {
		t.Errorf("%s: %v, want %v", what, gotCodes, wantCodes)
		return
	}
	for i, it := range got {
		d := expect[i]
		if it.Status != d.status || it.StatusCode != statuses[d.status].code || it.StatusLabel != statuses[d.status].vi ||
			it.Channel != d.channel || deref(it.Timing) != orNull(d.timing) || !masked(it.Applicant) ||
			!it.DueAt.Equal(d.due.Truncate(time.Second)) {
			t.Errorf("%s: item %+v (timing %s), want status %s, channel %s, timing %s, due %s", what, it, deref(it.Timing),
				d.status, d.channel, orNull(d.timing), d.due)
		}
	}
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

// staffLists checks whole lists against every dossier made: what each office sees.
func (l *life) staffLists(t *testing.T) {
	of := func(office string) []*made {
		var out []*made
		for _, d := range l.made {
			if slices.Contains(d.offices(), office) {
				out = append(out, d)
			}
		}
		return out
	}
	where := func(keep func(*made) bool) []*made {
		var out []*made
		for _, d := range l.made {
			if keep(d) {
				out = append(out, d)
			}
		}
		return out
	}
	desk := demo.DistrictDesk
	for _, tc := range []struct {
		user   string
		query  url.Values
		expect []*made
	}{
		{"officer.baohoa", nil, of(baoHoa)},
		{"officer.baohoa", url.Values{"office": {baoHoa}}, of(baoHoa)},
		{deskUser, nil, of(desk)},
		{"supervisor.xuanloc", nil, l.made},
		{"officer.baohoa", url.Values{"late": {"true"}}, where(func(d *made) bool {
			return slices.Contains(d.offices(), baoHoa) && (d.standing == "late" || d.standing == "overdue")
		})},
		{"supervisor.xuanloc", url.Values{"status": {"in_transit"}}, where(func(d *made) bool { return d.status == "in_transit" })},
		{"supervisor.xuanloc", url.Values{"status": {"returned"}}, where(func(d *made) bool { return d.status == "returned" })},
		{"desk.giaray", nil, nil},
	} {
		items, a := l.list(t, tc.user, tc.query)
		if a.Status != http.StatusOK {
			t.Errorf("list %v as %s: %d %s", tc.query, tc.user, a.Status, a.Body)
			continue
		}
		l.expectListed(t, fmt.Sprintf("list %q as %s", tc.query.Encode(), tc.user), items, tc.expect)
	}
	// The dossier decided at the desk never belonged to the commune.
	for _, d := range l.made {
		if d.handling == desk && slices.Contains(of(baoHoa), d) {
			t.Errorf("%s, handled at the desk, counts as the commune's", d.code())
		}
	}
}

// expectFigures works out the figures of ds by the definitions of domain.md §6 as
// status states them (stats.go): the scored dossiers are those not withdrawn; on-time
// rate = (early + on time + open within deadline) / scored; satisfaction = 100 − late % −
// dislike % of the scored, where late counts finished late and open overdue and a dislike
// is a rating of 2 or less; rates in percent with one decimal, null without a
// denominator.
func expectFigures(ds []*made) apiclient.Figures {
	var f apiclient.Figures
	scoreSum := 0
	for _, d := range ds {
		f.Received++
		switch d.standing {
		case "early":
			f.Finished.Early++
		case "on_time":
			f.Finished.OnTime++
		case "late":
			f.Finished.Late++
		case within:
			f.Open.WithinDeadline++
		case "overdue":
			f.Open.Overdue++
		case "withdrawn":
			f.Withdrawn++
		default:
			panic("no standing for " + d.code())
		}
		switch d.channel {
		case "desk":
			f.Channels.Desk++
		case "post":
			f.Channels.Post++
		case "online":
			f.Channels.Online++
		}
		if d.score > 0 {
			f.Ratings.Count++
			scoreSum += d.score
			if d.score <= 2 {
				f.Ratings.Dislikes++
			}
		}
	}
	r1 := func(x float64) *float64 { x = math.Round(x*10) / 10; return &x }
	pct := func(n, of int) *float64 {
		if of == 0 {
			return nil
		}
		return r1(float64(n) / float64(of) * 100)
	}
	scored := f.Received - f.Withdrawn
	f.OnTimeRate = pct(f.Finished.Early+f.Finished.OnTime+f.Open.WithinDeadline, scored)
	f.OnlineShare = pct(f.Channels.Online, f.Received)
	if scored > 0 {
		late := float64(f.Finished.Late+f.Open.Overdue) / float64(scored) * 100
		dislike := float64(f.Ratings.Dislikes) / float64(scored) * 100
		f.SatisfactionRate = r1(max(0, 100-late-dislike))
	}
	if f.Ratings.Count > 0 {
		f.Ratings.Average = r1(float64(scoreSum) / float64(f.Ratings.Count))
	}
	if f.Finished.Early+f.Finished.OnTime+f.Finished.Late > 0 {
		// Every dossier here was finished within minutes of its receipt.
		f.AvgProcessingHours = r1(0)
	}
	return f
}

// statistics asks for the day's statistics as the supervisor and checks them against
// the dossiers made, in total, per procedure, per office and through the filters, and the
// CSV export against the JSON.
func (l *life) statistics(t *testing.T) {
	from, to := "", ""
	for _, d := range l.made {
		day := d.receipt.ReceivedAt.In(ict).Format(time.DateOnly)
		if from == "" || day < from {
			from = day
		}
		if day > to {
			to = day
		}
	}
	period := url.Values{"from": {from}, "to": {to}}
	get := func(q url.Values) apiclient.Stats {
		t.Helper()
		a := l.call(t, l.e.cl.Status.Addr, http.MethodGet, "/api/v1/stats?"+q.Encode(), "supervisor.xuanloc", "", nil)
		if a.Status != http.StatusOK {
			t.Fatalf("stats %v: %d %s", q, a.Status, a.Body)
		}
		var s apiclient.Stats
		decode(t, a, &s)
		return s
	}
	s := get(period)
	if s.From != from || s.To != to {
		t.Errorf("stats for %s..%s answer the period %s..%s", from, to, s.From, s.To)
	}
	want := expectFigures(l.made)
	if !reflect.DeepEqual(s.Figures, want) {
		t.Errorf("stats of the day:\n got %s\nwant %s", s.Figures, want)
	}
	// The scenario worked out by hand: 7 received, 1 withdrawn, so 6 scored; early 2
	// (refused and returned days ahead), late 1 (the extension), open 3; one dislike.
	if want.Received != 7 || *want.OnTimeRate != 83.3 || *want.SatisfactionRate != 66.7 || *want.OnlineShare != 14.3 ||
		*want.Ratings.Average != 3.5 {
		t.Errorf("the scenario's figures by hand differ from the model: %s", want)
	}

	// Per procedure and per handling office, sorted by code.
	checkGroups := func(what string, got []apiclient.StatsGroup, key func(*made) string, name func(string) string) {
		t.Helper()
		byKey := map[string][]*made{}
		for _, d := range l.made {
			byKey[key(d)] = append(byKey[key(d)], d)
		}
		var codes []string
		for k := range byKey {
			codes = append(codes, k)
		}
		slices.Sort(codes)
		if len(got) != len(codes) {
			t.Errorf("%s: %d groups %+v, want %v", what, len(got), got, codes)
			return
		}
		for i, code := range codes {
			g := got[i]
			if w := expectFigures(byKey[code]); g.Code != code || g.Name != name(code) || !reflect.DeepEqual(g.Figures, w) {
				t.Errorf("%s %s (%s):\n got %s\nwant %s %s", what, g.Code, g.Name, g.Figures, code, w)
			}
		}
	}
	checkGroups("by procedure", s.ByProcedure, func(d *made) string { return d.procedure }, procedureName)
	checkGroups("by office", s.ByOffice, func(d *made) string { return d.handling }, officeName)

	// The filters keep the dossiers of one office (any it belonged to) or one procedure.
	for _, tc := range []struct {
		param, value string
		keep         func(*made) bool
	}{
		{"office", baoHoa, func(d *made) bool { return slices.Contains(d.offices(), baoHoa) }},
		{"office", "000.01.16.H19", func(d *made) bool { return false }},
		{"procedure", household, func(d *made) bool { return d.procedure == household }},
	} {
		q := url.Values{"from": {from}, "to": {to}, tc.param: {tc.value}}
		var ds []*made
		for _, d := range l.made {
			if tc.keep(d) {
				ds = append(ds, d)
			}
		}
		if got, w := get(q).Figures, expectFigures(ds); !reflect.DeepEqual(got, w) {
			t.Errorf("stats with %s=%s:\n got %s\nwant %s", tc.param, tc.value, got, w)
		}
	}
	// The day before holds nothing.
	day, _ := time.Parse(time.DateOnly, from)
	before := day.AddDate(0, 0, -1).Format(time.DateOnly)
	if got := get(url.Values{"from": {before}, "to": {before}}); got.Received != 0 || got.OnTimeRate != nil || got.SatisfactionRate != nil {
		t.Errorf("stats of the day before: %s", got.Figures)
	}

	// The CSV export: a header, the total, then a row per procedure and per office; the
	// total row says what the JSON says.
	q := url.Values{"from": {from}, "to": {to}, "format": {"csv"}}
	a := l.call(t, l.e.cl.Status.Addr, http.MethodGet, "/api/v1/stats?"+q.Encode(), "supervisor.xuanloc", "", nil)
	if a.Status != http.StatusOK || !strings.HasPrefix(a.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("stats as CSV: %d %s %s", a.Status, a.Header.Get("Content-Type"), a.Body)
	}
	rows, err := csv.NewReader(bytes.NewReader(a.Body)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v\n%s", err, a.Body)
	}
	if len(rows) != 2+len(s.ByProcedure)+len(s.ByOffice) {
		t.Fatalf("the CSV has %d rows, want a header, the total, %d procedures and %d offices:\n%s",
			len(rows), len(s.ByProcedure), len(s.ByOffice), a.Body)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	cell := func(row []string, name string) string {
		i, ok := col[name]
		if !ok {
			t.Fatalf("the CSV has no column %q: %v", name, rows[0])
		}
		return row[i]
	}
	rate := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', 1, 64)
	}
	check := func(row []string, scope, code string, f apiclient.Figures) {
		t.Helper()
		for name, v := range map[string]string{
			"scope": scope, "code": code, "from": from, "to": to,
			"received": strconv.Itoa(f.Received), "finished_early": strconv.Itoa(f.Finished.Early),
			"finished_on_time": strconv.Itoa(f.Finished.OnTime), "finished_late": strconv.Itoa(f.Finished.Late),
			"open_within_deadline": strconv.Itoa(f.Open.WithinDeadline), "open_overdue": strconv.Itoa(f.Open.Overdue),
			"withdrawn": strconv.Itoa(f.Withdrawn), "on_time_rate": rate(f.OnTimeRate),
			"avg_processing_hours": rate(f.AvgProcessingHours), "channel_desk": strconv.Itoa(f.Channels.Desk),
			"channel_post": strconv.Itoa(f.Channels.Post), "channel_online": strconv.Itoa(f.Channels.Online),
			"online_share": rate(f.OnlineShare), "satisfaction_rate": rate(f.SatisfactionRate),
			"ratings_count": strconv.Itoa(f.Ratings.Count), "ratings_average": rate(f.Ratings.Average),
			"ratings_dislikes": strconv.Itoa(f.Ratings.Dislikes),
		} {
			if got := cell(row, name); got != v {
				t.Errorf("CSV %s %s: %s is %q, the JSON says %q", scope, code, name, got, v)
			}
		}
	}
	check(rows[1], "total", "", s.Figures)
	for i, g := range s.ByProcedure {
		check(rows[2+i], "procedure", g.Code, g.Figures)
	}
	for i, g := range s.ByOffice {
		check(rows[2+len(s.ByProcedure)+i], "office", g.Code, g.Figures)
	}
}
