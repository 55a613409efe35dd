package servicetest

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
)

const baoHoa = "000.02.16.H19"

// state is the answer to an action.
type state struct {
	Code          string `json:"code"`
	Status        string `json:"status"`
	StatusCode    int    `json:"status_code"`
	StatusLabel   string `json:"status_label"`
	CurrentOffice struct {
		Code string `json:"code"`
		Name string `json:"name"`
	} `json:"current_office"`
	PendingOffice *struct {
		Code string `json:"code"`
	} `json:"pending_office"`
	DueAt          time.Time `json:"due_at"`
	ClockPaused    bool      `json:"clock_paused"`
	Timing         string    `json:"timing"`
	Version        int       `json:"version"`
	AllowedActions []string  `json:"allowed_actions"`
	LastStep       *struct {
		Action string `json:"action"`
		Timing string `json:"timing"`
		By     string `json:"by"`
	} `json:"last_step"`
}

// act posts an action and returns the answer.
func (e *env) act(t testing.TB, user, code, action string, body any, headers ...string) apitest.Reply {
	t.Helper()
	return e.call(t, "POST", "/api/v1/dossiers/"+code+"/actions/"+action, e.token(t, user), apitest.JSON(t, body), headers...)
}

// actOK posts an action that must succeed and returns the new state.
func (e *env) actOK(t testing.TB, user, code, action string, body any) state {
	t.Helper()
	r := e.act(t, user, code, action, body)
	if r.Status != http.StatusOK {
		t.Fatalf("%s %s by %s: %d %s", action, code, user, r.Status, r.Body)
	}
	var s state
	r.Decode(t, &s)
	if s.LastStep == nil || s.LastStep.Action != action || s.LastStep.By != user {
		t.Fatalf("%s: last step %+v", action, s.LastStep)
	}
	return s
}

// registerAtDistrict registers a dossier at the district desk that Bảo Hòa decides.
func (e *env) registerAtDistrict(t testing.TB) receipt {
	t.Helper()
	body := registration(demo.DistrictDesk)
	body["procedure_code"] = "1.004873" // marital status confirmation: 3 working days, the commune decides
	body["handling_office"] = baoHoa
	return e.registered(t, e.token(t, "desk.xuanloc"), body)
}

func TestWholeLife(t *testing.T) {
	e := start(t)
	rc := e.registerAtDistrict(t)
	code := rc.Code

	// The commune, which will decide it, cannot act on a dossier still at the district
	// desk; an office with no part in it is told what a wrong code is told.
	e.act(t, "officer.baohoa", code, "accept", map[string]any{}).ExpectError(t, http.StatusForbidden, "forbidden", "")
	e.act(t, "desk.giaray", code, "accept", map[string]any{}).ExpectError(t, http.StatusNotFound, "dossier_not_found", "")
	// A supplement with no request pending is not allowed now.
	// The answer speaks Vietnamese unless the client asks for English.
	r := e.act(t, "desk.xuanloc", code, "supplement", map[string]any{}, "Accept-Language", "en-GB,en;q=0.8")
	r.ExpectError(t, http.StatusConflict, "action_not_allowed", "")
	if msg := r.APIError(t).Error.Message; !strings.Contains(msg, "Possible now: transfer, accept, refuse, withdraw") {
		t.Errorf("409 message does not say what is possible: %q", msg)
	}
	r = e.act(t, "desk.xuanloc", code, "supplement", map[string]any{})
	if msg := r.APIError(t).Error.Message; !strings.Contains(msg, "Bạn có thể: transfer, accept, refuse, withdraw") ||
		r.Header.Get("Content-Language") != "vi" {
		t.Errorf("409 message in Vietnamese: %q (%s)", msg, r.Header.Get("Content-Language"))
	}

	s := e.actOK(t, "desk.xuanloc", code, "transfer", map[string]any{"to_office": baoHoa, "via": "hand", "note": "Chuyển xã"})
	if s.Status != "in_transit" || s.PendingOffice == nil || s.PendingOffice.Code != baoHoa || s.CurrentOffice.Code != demo.DistrictDesk {
		t.Fatalf("after transfer: %+v", s)
	}
	// Only the office the dossier goes to accepts it.
	e.act(t, "desk.xuanloc", code, "accept", map[string]any{}).ExpectError(t, http.StatusForbidden, "forbidden", "")
	s = e.actOK(t, "officer.baohoa", code, "accept", map[string]any{})
	if s.Status != "processing" || s.StatusCode != 4 || s.CurrentOffice.Code != baoHoa || s.PendingOffice != nil {
		t.Fatalf("after accept: %+v", s)
	}
	if s.LastStep.Timing != "on_time" && s.LastStep.Timing != "early" {
		t.Errorf("accept step timing %q", s.LastStep.Timing)
	}
	e.act(t, "officer.baohoa", code, "return", map[string]any{}).ExpectError(t, http.StatusConflict, "action_not_allowed", "")

	// Supplement: the clock pauses and resumes.
	e.act(t, "officer.baohoa", code, "request-supplement", map[string]any{"reason": "Thiếu giấy"}).
		ExpectError(t, http.StatusUnprocessableEntity, "required", "items")
	s = e.actOK(t, "officer.baohoa", code, "request-supplement", map[string]any{
		"items": []map[string]any{{"name": "Giấy xác nhận cư trú", "kind": "original"}}, "reason": "Hồ sơ thiếu giấy xác nhận cư trú"})
	if s.Status != "supplement_requested" || s.StatusCode != 5 || !s.ClockPaused {
		t.Fatalf("after supplement request: %+v", s)
	}
	s = e.actOK(t, "officer.baohoa", code, "supplement", map[string]any{"note": "Công dân đã nộp bổ sung"})
	if s.Status != "processing" || s.ClockPaused {
		t.Fatalf("after supplement: %+v", s)
	}

	// Extension: not later is 422, later is an apology with a new appointment.
	e.act(t, "officer.baohoa", code, "extend", map[string]any{"new_due_at": s.DueAt.Format(time.RFC3339), "reason": "Cần xác minh"}).
		ExpectError(t, http.StatusUnprocessableEntity, "not_later", "new_due_at")
	newDue := s.DueAt.Add(48 * time.Hour).Truncate(time.Second)
	s = e.actOK(t, "officer.baohoa", code, "extend", map[string]any{"new_due_at": newDue.Format(time.RFC3339), "reason": "Cần xác minh thêm"})
	if !s.DueAt.Equal(newDue) {
		t.Fatalf("after extend: due %s, want %s", s.DueAt, newDue)
	}

	s = e.actOK(t, "officer.baohoa", code, "complete", map[string]any{"outcome": "approved"})
	if s.Status != "processed" || s.StatusCode != 9 || s.Timing != "late" {
		t.Fatalf("after complete (extended, so late): %+v", s)
	}
	s = e.actOK(t, "officer.baohoa", code, "transfer", map[string]any{"to_office": demo.DistrictDesk})
	if s.Status != "result_in_transit" {
		t.Fatalf("result transfer: %+v", s)
	}
	s = e.actOK(t, "desk.xuanloc", code, "accept", map[string]any{})
	if s.Status != "processed" || s.CurrentOffice.Code != demo.DistrictDesk {
		t.Fatalf("result accepted at the desk: %+v", s)
	}
	s = e.actOK(t, "desk.xuanloc", code, "return", map[string]any{})
	if s.Status != "returned" || s.StatusCode != 10 || len(s.AllowedActions) != 0 || s.Version != 10 {
		t.Fatalf("after return: %+v", s)
	}
	r = e.act(t, "desk.xuanloc", code, "withdraw", map[string]any{"reason": "x"}, "Accept-Language", "en")
	r.ExpectError(t, http.StatusConflict, "action_not_allowed", "")
	if !strings.Contains(r.APIError(t).Error.Message, "No action can follow") {
		t.Errorf("409 after the end: %q", r.APIError(t).Error.Message)
	}

	// The whole dossier, for the staff of its offices, with its log.
	var whole struct {
		Applicant struct {
			IDNumber string `json:"id_number"`
			Address  string `json:"address"`
		} `json:"applicant"`
		Steps []struct {
			Action string `json:"action"`
			Timing string `json:"timing"`
		} `json:"steps"`
	}
	r = e.call(t, "GET", "/api/v1/dossiers/"+code, e.token(t, "desk.xuanloc"), nil)
	if r.Status != http.StatusOK {
		t.Fatalf("get dossier: %d %s", r.Status, r.Body)
	}
	r.Decode(t, &whole)
	want := []string{"transfer", "accept", "request-supplement", "supplement", "extend", "complete", "transfer", "accept", "return"}
	if len(whole.Steps) != len(want) {
		t.Fatalf("steps: %+v", whole.Steps)
	}
	for i, a := range want {
		if whole.Steps[i].Action != a {
			t.Errorf("step %d: %s, want %s", i, whole.Steps[i].Action, a)
		}
	}
	if whole.Applicant.IDNumber != "075123456789" || whole.Applicant.Address != applicantAddress {
		t.Errorf("personal data not opened for staff: %+v", whole.Applicant)
	}
	if n := e.count(t, "SELECT count(*) FROM personal_data_reads WHERE username = 'desk.xuanloc'"); n != 1 {
		t.Errorf("audited reads: %d, want 1", n)
	}
	// Another office's dossier and a missing one get the same answer, to the byte.
	other := e.call(t, "GET", "/api/v1/dossiers/"+code, e.token(t, "desk.giaray"), nil)
	other.ExpectError(t, http.StatusNotFound, "dossier_not_found", "")
	missing := e.call(t, "GET", "/api/v1/dossiers/000.00.16.H19-990101-0001", e.token(t, "desk.giaray"), nil)
	missing.ExpectError(t, http.StatusNotFound, "dossier_not_found", "")
	if string(other.Body) != string(missing.Body) {
		t.Errorf("another office's dossier answers %s, a missing one %s", other.Body, missing.Body)
	}

	// Every step left as an event, in version order, carrying the state after it.
	kinds := []string{"received", "transferred", "accepted", "supplement_requested", "supplemented", "extended",
		"completed", "transferred", "accepted", "returned"}
	evs := e.dossierEvents(t, rc.ID, len(kinds))
	for i, ev := range evs {
		if int(ev.GetVersion()) != i+1 {
			t.Errorf("event %d has version %d", i, ev.GetVersion())
		}
		if got := strings.TrimPrefix(ev.ProtoReflect().WhichOneof(ev.ProtoReflect().Descriptor().Oneofs().ByName("kind")).TextName(), ""); got != kinds[i] {
			t.Errorf("event %d is %s, want %s", i, got, kinds[i])
		}
		if i > 0 && (ev.GetState() == nil || ev.GetStep() == nil) {
			t.Errorf("event %d without state or step", i)
		}
	}
	last := evs[len(evs)-1].GetState()
	if last.GetStatus() != "returned" || last.GetTiming() != "late" ||
		last.GetSupplementRequests() != 1 || !last.GetExtended() {
		t.Errorf("last state: %v", last)
	}
	for _, ev := range evs {
		if data, _ := proto.Marshal(ev); strings.Contains(string(data), "075123456789") || strings.Contains(string(data), applicantAddress) {
			t.Errorf("event %d carries personal data", ev.GetVersion())
		}
	}
}

func TestActionIdempotencyAndRaces(t *testing.T) {
	e := start(t)
	rc := e.registerAtDistrict(t)
	body := map[string]any{"to_office": baoHoa, "via": "post"}
	first := e.act(t, "desk.xuanloc", rc.Code, "transfer", body, "Idempotency-Key", "k-transfer-1")
	again := e.act(t, "desk.xuanloc", rc.Code, "transfer", body, "Idempotency-Key", "k-transfer-1")
	if first.Status != http.StatusOK || again.Status != http.StatusOK || string(first.Body) != string(again.Body) ||
		again.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("replay: %d %s / %d %s", first.Status, first.Body, again.Status, again.Body)
	}
	e.act(t, "desk.xuanloc", rc.Code, "transfer", map[string]any{"to_office": baoHoa, "via": "hand"}, "Idempotency-Key", "k-transfer-1").
		ExpectError(t, http.StatusUnprocessableEntity, "idempotency_key_reused", "Idempotency-Key")
	if n := e.count(t, "SELECT count(*) FROM dossier_steps s JOIN dossiers d ON d.id = s.dossier_id WHERE d.code = $1", rc.Code); n != 1 {
		t.Fatalf("steps after a replayed transfer: %d, want 1", n)
	}

	// Two officers accepting at once: one wins, the other is told it is too late.
	var wg sync.WaitGroup
	statuses := make([]int, 4)
	for i := range statuses {
		wg.Go(func() {
			r, err := e.do("POST", "/api/v1/dossiers/"+rc.Code+"/actions/accept", e.token(t, "officer.baohoa"), []byte("{}"))
			if err != nil {
				t.Error(err)
				return
			}
			statuses[i] = r.Status
		})
	}
	wg.Wait()
	ok := 0
	for _, s := range statuses {
		switch s {
		case http.StatusOK:
			ok++
		case http.StatusConflict:
		default:
			t.Errorf("concurrent accept: %d", s)
		}
	}
	if ok != 1 {
		t.Fatalf("concurrent accepts: %v, want exactly one 200", statuses)
	}
}

func TestRefusalAndWithdrawal(t *testing.T) {
	e := start(t)
	refused := e.registerAtDistrict(t)
	e.act(t, "desk.xuanloc", refused.Code, "refuse", map[string]any{}).ExpectError(t, http.StatusUnprocessableEntity, "required", "reason")
	s := e.actOK(t, "desk.xuanloc", refused.Code, "refuse", map[string]any{"reason": "Hồ sơ không thuộc thẩm quyền"})
	if s.Status != "refused" || s.StatusCode != 3 || s.Timing == "" {
		t.Fatalf("refused: %+v", s)
	}

	// A withdrawal may be taken at the receiving desk while the dossier is at the commune.
	w := e.registerAtDistrict(t)
	e.actOK(t, "desk.xuanloc", w.Code, "transfer", map[string]any{"to_office": baoHoa})
	e.actOK(t, "officer.baohoa", w.Code, "accept", map[string]any{})
	s = e.actOK(t, "desk.xuanloc", w.Code, "withdraw", map[string]any{"reason": "Công dân xin rút hồ sơ"})
	if s.Status != "withdrawn" || s.StatusCode != 7 || s.Timing != "" {
		t.Fatalf("withdrawn: %+v", s)
	}

	// An action without fields needs no body.
	if r, err := e.do("POST", "/api/v1/dossiers/"+w.Code+"/actions/return", e.token(t, "desk.xuanloc"), nil); err != nil ||
		r.Status != http.StatusConflict {
		t.Fatalf("a bodiless action on a withdrawn dossier: %v %d %s", err, r.Status, r.Body)
	}

	// Bad input: unknown action, unknown office, malformed body, unknown dossier.
	x := e.registerAtDistrict(t)
	e.act(t, "desk.xuanloc", x.Code, "teleport", map[string]any{}).ExpectError(t, http.StatusNotFound, "unknown_action", "")
	e.act(t, "desk.xuanloc", x.Code, "transfer", map[string]any{"to_office": "999.99.99.H99"}).
		ExpectError(t, http.StatusUnprocessableEntity, "unknown_office", "to_office")
	e.act(t, "desk.xuanloc", x.Code, "transfer", map[string]any{"to_office": demo.DistrictDesk}).
		ExpectError(t, http.StatusUnprocessableEntity, "same_office", "to_office")
	e.act(t, "desk.xuanloc", x.Code, "transfer", map[string]any{"to_office": baoHoa, "via": "drone"}).
		ExpectError(t, http.StatusUnprocessableEntity, "invalid_via", "via")
	r := e.call(t, "POST", "/api/v1/dossiers/"+x.Code+"/actions/transfer", e.token(t, "desk.xuanloc"), []byte(`{"to_office": 5}`))
	if r.Status != http.StatusBadRequest && r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("wrong JSON type: %d %s", r.Status, r.Body)
	}
	e.act(t, "desk.xuanloc", "000.00.16.H19-990101-0001", "accept", map[string]any{}).
		ExpectError(t, http.StatusNotFound, "dossier_not_found", "")
	e.act(t, "supervisor.xuanloc", x.Code, "accept", map[string]any{}).ExpectError(t, http.StatusForbidden, "forbidden", "")
}
