package service_test

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/google/uuid"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// Appointments of the whole life below: the first, the one moved by a day of supplement
// wait, and the one of the apology.
var (
	due0 = at(3, 17, 17, 0)
	due1 = at(3, 18, 17, 0)
	due2 = at(3, 20, 17, 0)
)

// wholeLife is every event after Received of a dossier received at the desk on Tuesday
// 10 March 2026 at 09:00 and returned a week later, versions 2 to 8.
func wholeLife(d *dossier) []*dossierv1.Event {
	paused := at(3, 11, 9, 0)
	finished := at(3, 16, 10, 0)
	open := state{status: "processing", code: 4, current: deptB, due: due0}
	inTransit := state{status: "in_transit", code: 4, current: deskA, pending: deptB, due: due0}
	waiting := open
	waiting.status, waiting.code, waiting.paused, waiting.requests = "supplement_requested", 5, &paused, 1
	resumed := open
	resumed.due, resumed.requests = due1, 1
	apologised := resumed
	apologised.due, apologised.extended = due2, true
	done := apologised
	done.status, done.code, done.finished, done.timing, done.processing = "processed", 9, &finished, "late", 30*time.Hour
	back := done
	back.status, back.code = "returned", 10
	return []*dossierv1.Event{
		event(d, 2, at(3, 10, 10, 0), inTransit, deskA, transferred(deskA, deptB)),
		event(d, 3, at(3, 10, 14, 0), open, deptB, accepted(deskA)),
		event(d, 4, paused, waiting, deptB, supplementRequested("Bản vẽ thiết kế", "Giấy chứng nhận QSDĐ")),
		event(d, 5, at(3, 12, 9, 0), resumed, deptB, supplemented),
		event(d, 6, at(3, 13, 10, 0), apologised, deptB, extended(due1, due2)),
		event(d, 7, finished, done, deptB, completed),
		event(d, 8, at(3, 17, 9, 0), back, deptB, returned),
	}
}

// row is the read model's row of d as JSON, without what differs between two dossiers
// of the same life (ids, code, PIN hash, event ids) or between two folds (updated_at).
func (e *env) row(d *dossier) map[string]any {
	e.t.Helper()
	var b []byte
	err := e.pool.QueryRow(context.Background(), `SELECT to_jsonb(d) - 'id' - 'code' - 'pin_hash' - 'updated_at'
		|| jsonb_build_object('timeline', (SELECT jsonb_agg(s - 'event_id') FROM jsonb_array_elements(d.timeline) s))
		FROM status.dossiers d WHERE id = $1`, d.id).Scan(&b)
	if err != nil {
		e.t.Fatalf("row of %s: %v", d.code, err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		e.t.Fatal(err)
	}
	return m
}

func TestFoldsAWholeLife(t *testing.T) {
	t.Parallel()
	e := startEnvAt(t, at(3, 18, 9, 0))

	inOrder := e.receivedDossier(due0)
	e.emit(wholeLife(inOrder)...)

	// The same life delivered out of order: version 3 before 2, 8 before 7.
	shuffled := e.newDossier(due0)
	life := wholeLife(shuffled)
	e.received(shuffled)
	e.emit(life[1], life[0], life[2], life[3], life[4], life[6], life[5])
	e.settle()

	r := e.row(inOrder)
	for col, want := range map[string]any{
		"status": "returned", "status_code": float64(10), "version": float64(8),
		"current_office_code": deptB.Code, "current_office_name": deptB.Name,
		"pending_office_code": nil, "paused_at": nil, "supplement_requests": float64(1), "extended": true,
		"finished_at": "2026-03-16T03:00:00+00:00", "timing": "late", "processing_seconds": float64(30 * 3600),
		"outcome": "approved", "due_at": "2026-03-20T10:00:00+00:00",
		"offices": []any{deskA.Code, deptB.Code},
	} {
		if got := r[col]; !reflect.DeepEqual(got, want) {
			t.Errorf("column %s = %#v, want %#v", col, got, want)
		}
	}
	if got := r["timeline"].([]any); len(got) != 8 {
		t.Fatalf("timeline of %d steps: %v", len(got), got)
	}
	if got := e.row(shuffled); !reflect.DeepEqual(got, r) {
		g, _ := json.MarshalIndent(got, "", " ")
		w, _ := json.MarshalIndent(r, "", " ")
		t.Errorf("out of order, the row is\n%s\nin order\n%s", g, w)
	}

	a := e.track(inOrder)
	if a.status != http.StatusOK {
		t.Fatalf("track: %d %s", a.status, a.body)
	}
	got := a.json(t)
	type step struct{ at, typ, label, office string }
	wantSteps := []step{
		{"2026-03-10T09:00:05+07:00", "received", "Tiếp nhận hồ sơ", deskA.Code},
		{"2026-03-10T10:00:00+07:00", "transferred", "Chuyển hồ sơ đến cơ quan giải quyết", deptB.Code},
		{"2026-03-10T14:00:00+07:00", "accepted", "Cơ quan giải quyết đã nhận hồ sơ", deptB.Code},
		{"2026-03-11T09:00:00+07:00", "supplement_requested", "Yêu cầu bổ sung hồ sơ", deptB.Code},
		{"2026-03-12T09:00:00+07:00", "supplemented", "Đã bổ sung hồ sơ", deptB.Code},
		{"2026-03-13T10:00:00+07:00", "extended", "Xin lỗi và hẹn lại ngày trả kết quả", deptB.Code},
		{"2026-03-16T10:00:00+07:00", "completed", "Đã giải quyết xong, có kết quả", deptB.Code},
		{"2026-03-17T09:00:00+07:00", "returned", "Đã trả kết quả cho công dân", deptB.Code},
	}
	steps := got["timeline"].([]any)
	if len(steps) != len(wantSteps) {
		t.Fatalf("%d steps in the answer: %s", len(steps), a.body)
	}
	for i, w := range wantSteps {
		s := steps[i].(map[string]any)
		if s["at"] != w.at || s["type"] != w.typ || s["label"] != w.label || s["office"].(map[string]any)["code"] != w.office {
			t.Errorf("step %d = %v, want %+v", i+1, s, w)
		}
	}
	if d := steps[3].(map[string]any)["detail"]; !reflect.DeepEqual(d, map[string]any{"items": []any{"Bản vẽ thiết kế", "Giấy chứng nhận QSDĐ"}}) {
		t.Errorf("supplement request detail = %v", d)
	}
	if d := steps[5].(map[string]any)["detail"]; !reflect.DeepEqual(d, map[string]any{"new_due_at": "2026-03-20T17:00:00+07:00"}) {
		t.Errorf("extension detail = %v", d)
	}
	for field, want := range map[string]any{
		"status": "returned", "status_code": float64(10), "status_label": "Đã trả kết quả",
		"due_at": "2026-03-20T17:00:00+07:00", "timing": "late", "time_remaining_hours": float64(0),
		"current_office": map[string]any{"code": deptB.Code, "name": deptB.Name}, "shipments": []any{},
	} {
		if !reflect.DeepEqual(got[field], want) {
			t.Errorf("%s = %#v, want %#v", field, got[field], want)
		}
	}
	if _, ok := got["pending_office"]; ok {
		t.Errorf("pending_office in the answer of a returned dossier: %s", a.body)
	}
	// The shuffled dossier reads the same.
	other := e.track(shuffled).json(t)
	delete(other, "code")
	delete(got, "code")
	if !reflect.DeepEqual(other, got) {
		t.Errorf("out of order, the answer is %v\nin order %v", other, got)
	}

	en := e.track(inOrder, "lang", "en").json(t)
	if en["status_label"] != "Result returned" {
		t.Errorf("English status label %v", en["status_label"])
	}
	enLabels := []string{"Dossier received", "Dossier sent on for processing", "Dossier accepted for processing",
		"Supplement requested", "Supplement provided", "Apology and new appointment", "Decision made, result ready",
		"Result handed to the applicant"}
	for i, s := range en["timeline"].([]any) {
		if l := s.(map[string]any)["label"]; l != enLabels[i] {
			t.Errorf("English step %d: %v, want %s", i+1, l, enLabels[i])
		}
	}

	// Delivered again under other message ids (a relay that lost its marks): the inbox
	// lets them through, the fold changes nothing.
	before := e.row(inOrder)
	var replayed []string
	for _, ev := range []*dossierv1.Event{life[2], wholeLife(inOrder)[0]} {
		ev.DossierId = inOrder.id.String()
		data := marshal(t, ev)
		id := uuid.NewString()
		replayed = append(replayed, id)
		e.publishNew(subjectOf(ev), id, data)
	}
	e.settle()
	if after := e.row(inOrder); !reflect.DeepEqual(after, before) {
		t.Errorf("a replay changed the row:\n%v\nwas\n%v", after, before)
	}
	for _, id := range replayed {
		if n := e.count("SELECT count(*) FROM status.inbox WHERE event_id = $1", id); n != 1 {
			t.Errorf("replay %s: %d inbox rows, want 1 (the fold, not the inbox, must absorb it)", id, n)
		}
	}
}

func TestAnEventBeforeItsReceivedIsRetriedUntilReceivedArrives(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	d := e.newDossier(due0)
	life := wholeLife(d)
	e.emit(life[0])
	e.waitRetried(dossierEvents, "the transfer to be tried")
	if n := e.count("SELECT count(*) FROM status.dossiers WHERE id = $1", d.id); n != 0 {
		t.Fatalf("a dossier row exists before its received event")
	}
	if dls := e.deadLetters(dossierEvents); len(dls) != 0 {
		t.Fatalf("the early transfer was dead-lettered: %s", dls[0].Header.Get("Motcua-Error"))
	}
	e.received(d)
	e.settle()
	r := e.row(d)
	if r["version"] != float64(2) || r["status"] != "in_transit" || r["pending_office_code"] != deptB.Code {
		t.Errorf("after Received arrived: %v", r)
	}
	if n := len(r["timeline"].([]any)); n != 2 {
		t.Errorf("%d timeline steps, want 2", n)
	}
	a := e.track(d).json(t)
	if p, _ := a["pending_office"].(map[string]any); p["code"] != deptB.Code || a["current_office"].(map[string]any)["code"] != deskA.Code {
		t.Errorf("in transit: current %v, pending %v; want the sender and the receiver", a["current_office"], a["pending_office"])
	}
}

func TestPausedDossierIsJudgedWhenItsClockStopped(t *testing.T) {
	t.Parallel()
	// Thursday 19 March at 10:00: past the first appointment (Tuesday 17:00).
	e := startEnvAt(t, at(3, 19, 10, 0))
	d := e.receivedDossier(due0)
	life := wholeLife(d)
	e.emit(life[0], life[1], life[2]) // paused on Wednesday 11 March at 09:00
	e.settle()
	a := e.track(d).json(t)
	// From Wednesday 09:00 to Tuesday 17 March 17:00: 6 + 8 + 8 + 8 + 8 = 38 working hours.
	if a["timing"] != "within_deadline" || a["time_remaining_hours"] != float64(38) || a["status"] != "supplement_requested" {
		t.Errorf("paused: timing %v, %v hours left, status %v", a["timing"], a["time_remaining_hours"], a["status"])
	}
	if a["status_code"] != float64(5) || a["status_label"] != "Chờ bổ sung hồ sơ" {
		t.Errorf("paused: %v %v", a["status_code"], a["status_label"])
	}
}

// TestTrackSeesEveryNewStepThroughTheCache looks a dossier up (so its view is cached)
// before each event of its life and checks the next lookup shows the new step.
func TestTrackSeesEveryNewStepThroughTheCache(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	d := e.receivedDossier(due0)
	e.waitVisible(d)
	for i, ev := range wholeLife(d) {
		if a := e.track(d); a.status != http.StatusOK {
			t.Fatalf("before %s: %d %s", kindOf(ev), a.status, a.body)
		}
		e.emit(ev)
		want := ev.GetState().GetStatus()
		waitfor.Until(t, "the lookup to show "+kindOf(ev), func() bool {
			a := e.track(d).json(t)
			return a["status"] == want && len(a["timeline"].([]any)) == i+2
		})
	}
}
