package service_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
)

// submittedDossier describes a dossier a citizen submitted online at submitted to the
// desk receiving, handled by handling: it has its code and PIN, no reception and no
// appointment, as intake publishes it before a desk has checked it.
func (e *env) submittedDossier(submitted time.Time, receiving, handling *dossierv1.Ref) *dossier {
	d := e.newDossier(time.Time{})
	d.ev.OccurredAt = ts(submitted)
	d.ev.Actor = nil
	r := d.ev.GetReceived()
	r.ReceivingOffice, r.HandlingOffice = receiving, handling
	r.Status, r.StatusCode, r.Channel = "submitted", 1, dossierv1.Channel_CHANNEL_ONLINE
	r.ReceivedAt, r.DueAt, r.SubmittedAt = nil, nil, ts(submitted)
	r.Files = []*dossierv1.File{{Id: uuid.NewString(), Name: "to-khai.pdf", Sha256: strings.Repeat("ab", 32), Size: 1024,
		ContentType: "application/pdf", Document: "Tờ khai"}}
	return d
}

// admitted is the kind of the event of a desk receiving a dossier submitted online.
func admitted(received time.Time) func(*dossierv1.Event) {
	return func(e *dossierv1.Event) {
		e.Kind = &dossierv1.Event_Admitted{Admitted: &dossierv1.Admitted{ReceivedAt: ts(received)}}
	}
}

// checkedAfter is kind on the desk's first check of an online dossier, which waited
// seconds of working time for it.
func checkedAfter(seconds int64, kind func(*dossierv1.Event)) func(*dossierv1.Event) {
	return func(e *dossierv1.Event) {
		kind(e)
		e.Step.CheckSeconds = &seconds
	}
}

// Before a desk receives it, an online dossier's states have no appointment.
var (
	awaitingCheck = state{status: "submitted", code: 1, current: deskA}
	askedBefore   = state{status: "supplement_requested", code: 5, current: deskA, requests: 1}
)

// onlineLife is every event after Received of a dossier submitted online on Tuesday 10
// March 2026 in the evening: the desk asks for a document the next morning, the citizen
// adds it, and the desk receives it that afternoon, the clock starting then.
func onlineLife(d *dossier) []*dossierv1.Event {
	again := awaitingCheck
	again.requests = 1
	return []*dossierv1.Event{
		event(d, 2, at(3, 11, 8, 30), askedBefore, deskA, supplementRequested("Bản sao căn cước công dân")),
		event(d, 3, at(3, 11, 10, 0), again, deskA, supplemented),
		event(d, 4, at(3, 11, 14, 5), state{status: "received", code: 2, current: deskA, due: at(3, 18, 14, 0), requests: 1},
			deskA, admitted(at(3, 11, 14, 0))),
	}
}

// timelineTypes are the types of a lookup's timeline, in order.
func timelineTypes(t *testing.T, a answer) []string {
	t.Helper()
	var out []string
	for _, s := range a.json(t)["timeline"].([]any) {
		out = append(out, s.(map[string]any)["type"].(string))
	}
	return out
}

func TestOnlineDossierBeforeAndAfterReception(t *testing.T) {
	t.Parallel()
	// Thursday 12 March 2026, 09:00.
	e := startEnvAt(t, at(3, 12, 9, 0))
	d := e.submittedDossier(at(3, 10, 20, 30), deskA, deptB)
	e.received(d)
	e.settle()

	// Folded with no reception and no appointment (NULL, not a zero time), in the lists
	// at its submission, belonging to the desk only.
	if n := e.count(`SELECT count(*) FROM status.dossiers WHERE id = $1 AND received_at IS NULL AND due_at IS NULL
		AND submitted_at = $2 AND queue_at = $2 AND offices = ARRAY[$3] AND status = 'submitted'`,
		d.id, at(3, 10, 20, 30), deskA.Code); n != 1 {
		t.Fatalf("the submitted dossier's row: %v", e.row(d))
	}
	office := map[string]any{"code": deskA.Code, "name": deskA.Name}
	assertJSON(t, "submitted", e.track(d), map[string]any{
		"code":                 d.code,
		"procedure":            map[string]any{"code": procP1.Code, "name": procP1.Name},
		"status":               "submitted",
		"status_code":          float64(1),
		"status_label":         "Mới đăng ký, chờ tiếp nhận",
		"submitted_at":         "2026-03-10T20:30:00+07:00",
		"received_at":          nil,
		"due_at":               nil,
		"timing":               nil,
		"time_remaining_hours": nil,
		"current_office":       office,
		"applicant":            "N*** V** A*",
		"timeline": []any{map[string]any{"at": "2026-03-10T20:30:00+07:00", "type": "submitted",
			"label": "Nộp hồ sơ trực tuyến", "office": office}},
		"shipments":    []any{},
		"fee_due_vnd":  float64(50000),
		"fee_paid_vnd": float64(50000),
		"receipts":     []any{},
		// The desk has it from its submission: it checks it.
		"held_by": []any{map[string]any{"holder": map[string]any{"kind": "office", "code": deskA.Code, "name": deskA.Name},
			"since": "2026-03-10T20:30:00+07:00", "until": nil}},
		"notices": []any{},
	})
	if got := e.track(d, "lang", "en").json(t)["status_label"]; got != "Submitted, awaiting checking" {
		t.Errorf("English label %q", got)
	}
	shows(t, "the page of a submitted dossier", e.page(defaultClient, lookupPage(d.code, d.pin), nil), http.StatusOK,
		[]string{"Mới đăng ký, chờ tiếp nhận", "Ngày nộp trực tuyến", "20:30, 10/03/2026", "Nộp hồ sơ trực tuyến",
			`id="awaits-check"`, "đang chờ Bộ phận Một cửa kiểm tra"},
		"Ngày hẹn trả kết quả", "Ngày tiếp nhận", "Thời gian còn lại", "Tiến độ", "Quá hạn", "01/01/0001", "1970")
	shows(t, "in English", e.page(defaultClient, lookupPage(d.code, d.pin, "lang", "en"), nil), http.StatusOK,
		[]string{"Submitted, awaiting checking", "Submitted online", "10 Mar 2026, 20:30", "awaits checking by the one-stop desk"},
		"Appointment for the result", "Time left")

	// Asked for a document before reception: the lookup says what is missing, still
	// without an appointment.
	life := onlineLife(d)
	e.emit(life[0])
	e.settle()
	if n := e.count(`SELECT count(*) FROM status.dossiers WHERE id = $1 AND due_at IS NULL AND paused_at IS NULL
		AND received_at IS NULL AND queue_at = submitted_at AND status = 'supplement_requested'`, d.id); n != 1 {
		t.Fatalf("asked before reception, the row: %v", e.row(d))
	}
	a := e.track(d)
	m := a.json(t)
	if m["status"] != "supplement_requested" || m["due_at"] != nil || m["timing"] != nil || m["time_remaining_hours"] != nil {
		t.Errorf("asked before reception: %s", a.body)
	}
	if steps := m["timeline"].([]any); len(steps) != 2 ||
		!reflect.DeepEqual(steps[1].(map[string]any)["detail"], map[string]any{"items": []any{"Bản sao căn cước công dân"}}) {
		t.Errorf("the request's step: %s", a.body)
	}
	// The page offers the form that sends the supplement to intake (multipart, with the
	// form's token, the code and the PIN), and says so instead once it was sent.
	asked := e.page(defaultClient, lookupPage(d.code, d.pin), nil)
	shows(t, "the page of a request before reception", asked, http.StatusOK,
		[]string{"Chờ bổ sung hồ sơ", "Giấy tờ cần bổ sung", "Bản sao căn cước công dân", "Ngày nộp trực tuyến",
			`<form method="post" action="/nop-truc-tuyen/bo-sung" enctype="multipart/form-data" id="supplement-form">`,
			`<li>Bản sao căn cước công dân</li>`, `name="code" value="` + d.code + `"`, `name="pin" value="` + d.pin + `"`,
			`name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png"`, `name="note"`},
		"Ngày hẹn trả kết quả", "Quá hạn", `id="awaits-check"`)
	if !csrfField.Match(asked.body) || !regexp.MustCompile(`name="idem" value="[A-Za-z0-9_-]{24}"`).Match(asked.body) {
		t.Error("the supplement form has no CSRF token or no key of its own")
	}
	shows(t, "the page once the supplement was sent", e.page(defaultClient, lookupPage(d.code, d.pin, "bo-sung", "1"), nil),
		http.StatusOK, []string{`id="notice"`, "Đã gửi bổ sung"}, `id="supplement-form"`)
	shows(t, "in English", e.page(defaultClient, lookupPage(d.code, d.pin, "lang", "en"), nil), http.StatusOK,
		[]string{"Send the supplement", `action="/nop-truc-tuyen/bo-sung?lang=en"`})
	shows(t, "the home page", e.page(defaultClient, "/", nil), http.StatusOK,
		[]string{`<a id="online-link" href="/nop-truc-tuyen">Nộp hồ sơ trực tuyến</a>`})

	// Supplemented, it awaits checking again; then the desk receives it.
	e.emit(life[1])
	e.settle()
	if got := e.track(d).json(t); got["status"] != "submitted" || got["due_at"] != nil {
		t.Errorf("supplemented before reception: %v", got)
	}
	e.emit(life[2])
	e.settle()
	r := e.row(d)
	for col, want := range map[string]any{
		"status": "received", "status_code": float64(2), "version": float64(4),
		"received_at": "2026-03-11T07:00:00+00:00", "due_at": "2026-03-18T07:00:00+00:00",
		"submitted_at": "2026-03-10T13:30:00+00:00", "queue_at": "2026-03-18T07:00:00+00:00",
		"paused_at": nil, "supplement_requests": float64(1), "finished_at": nil,
		"offices": []any{deskA.Code, deptB.Code},
	} {
		if got := r[col]; !reflect.DeepEqual(got, want) {
			t.Errorf("received: column %s = %#v, want %#v", col, got, want)
		}
	}
	a = e.track(d)
	m = a.json(t)
	if m["status"] != "received" || m["status_code"] != 2.0 || m["status_label"] != "Đã tiếp nhận" ||
		m["submitted_at"] != "2026-03-10T20:30:00+07:00" || m["received_at"] != "2026-03-11T14:00:00+07:00" ||
		m["due_at"] != "2026-03-18T14:00:00+07:00" || m["timing"] != "within_deadline" || m["time_remaining_hours"] == nil {
		t.Errorf("received: %s", a.body)
	}
	if got, want := timelineTypes(t, a), []string{"submitted", "supplement_requested", "supplemented", "admitted"}; !reflect.DeepEqual(got, want) {
		t.Errorf("timeline %v, want %v", got, want)
	}
	shows(t, "the page once received", e.page(defaultClient, lookupPage(d.code, d.pin), nil), http.StatusOK,
		[]string{"Đã tiếp nhận", "Ngày tiếp nhận", "14:00, 11/03/2026", "Ngày hẹn trả kết quả", "14:00, 18/03/2026",
			"Đang trong hạn", "Bộ phận một cửa đã kiểm tra và tiếp nhận hồ sơ", "Ngày nộp trực tuyến"},
		`id="awaits-check"`)

	// The same life with reception folded before the events that came before it: the
	// row ends the same.
	shuffled := e.submittedDossier(at(3, 10, 20, 30), deskA, deptB)
	e.received(shuffled)
	e.settle()
	later := onlineLife(shuffled)
	e.emit(later[2], later[0], later[1])
	e.settle()
	if got := e.row(shuffled); !reflect.DeepEqual(got, r) {
		g, _ := json.MarshalIndent(got, "", " ")
		w, _ := json.MarshalIndent(r, "", " ")
		t.Errorf("out of order, the row is\n%s\nin order\n%s", g, w)
	}
}

func TestStaffListOfWhatAwaitsChecking(t *testing.T) {
	t.Parallel()
	// Thursday 12 March 2026, 09:00.
	e := startEnvAt(t, at(3, 12, 9, 0))
	submitted := func(when time.Time, receiving *dossierv1.Ref) *dossier {
		d := e.submittedDossier(when, receiving, deptB)
		e.received(d)
		return d
	}
	s1 := submitted(at(3, 11, 8, 0), deskA)
	s2 := submitted(at(3, 10, 19, 0), deskA) // the oldest
	s3 := submitted(at(3, 11, 15, 0), deskA)
	other := submitted(at(3, 10, 8, 0), deskX) // another desk's
	taken := submitted(at(3, 9, 10, 0), deskA) // received since
	e.emit(event(taken, 2, at(3, 9, 14, 0), state{status: "received", code: 2, current: deskA, due: at(3, 16, 17, 0)},
		deskA, admitted(at(3, 9, 14, 0))))
	asked := submitted(at(3, 11, 9, 0), deskA) // asked for a supplement before reception
	e.emit(event(asked, 2, at(3, 11, 10, 0), askedBefore, deskA, supplementRequested("Tờ khai")))
	desk := e.listed(deskA, deptB, at(3, 13, 17, 0), nil) // received at the desk
	e.settle()

	deskOfA := e.token("desk", deskA.Code)
	const path = "/api/v1/dossiers"
	// What awaits checking at A, the oldest submission first, two a page.
	q := "?office=" + url.QueryEscape(deskA.Code) + "&status=submitted&limit=2"
	a := e.staff(deskOfA, path+q)
	first, next := listCodes(t, a)
	if want := []string{s2.code, s1.code}; !reflect.DeepEqual(first, want) || next == nil {
		t.Fatalf("first page %v (next %v), want %v and a cursor", first, next, want)
	}
	second, end := listCodes(t, e.staff(deskOfA, path+q+"&cursor="+url.QueryEscape(next.(string))))
	if want := []string{s3.code}; !reflect.DeepEqual(second, want) || end != nil {
		t.Errorf("second page %v (next %v), want %v and no cursor", second, end, want)
	}
	item := a.json(t)["items"].([]any)[0].(map[string]any)
	if want := map[string]any{
		"code":           s2.code,
		"procedure":      map[string]any{"code": procP1.Code, "name": procP1.Name},
		"status":         "submitted",
		"status_code":    float64(1),
		"status_label":   "Mới đăng ký, chờ tiếp nhận",
		"channel":        "online",
		"submitted_at":   "2026-03-10T19:00:00+07:00",
		"received_at":    nil,
		"due_at":         nil,
		"timing":         nil,
		"current_office": map[string]any{"code": deskA.Code, "name": deskA.Name},
		"applicant":      "N*** V** A*",
	}; !reflect.DeepEqual(item, want) {
		t.Errorf("item: %v\nwant %v", item, want)
	}
	// The desk's own offices without naming one: the same.
	if got, _ := listCodes(t, e.staff(deskOfA, path+"?status=submitted")); !reflect.DeepEqual(got, []string{s2.code, s1.code, s3.code}) {
		t.Errorf("without office=: %v", got)
	}
	// The other desk's; and none for the department, which has nothing to do with a
	// dossier no desk has received.
	if got, _ := listCodes(t, e.staff(e.token("desk", deskX.Code), path+"?status=submitted")); !reflect.DeepEqual(got, []string{other.code}) {
		t.Errorf("desk X: %v", got)
	}
	officerB := e.token("officer", deptB.Code)
	if got, _ := listCodes(t, e.staff(officerB, path+"?status=submitted")); got != nil {
		t.Errorf("the department sees what awaits checking: %v", got)
	}
	if got, _ := listCodes(t, e.staff(officerB, path)); !reflect.DeepEqual(got, []string{desk.code, taken.code}) {
		t.Errorf("the department's list: %v, want the dossiers received", got)
	}

	// Everything of A, paged by two: those awaiting the desk by their submission, the
	// others by their appointment, each once.
	var all []string
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("paging does not end")
		}
		q := "?limit=2"
		if cursor != "" {
			q += "&cursor=" + url.QueryEscape(cursor)
		}
		got, next := listCodes(t, e.staff(deskOfA, path+q))
		all = append(all, got...)
		if next == nil {
			break
		}
		cursor = next.(string)
	}
	if want := []string{s2.code, s1.code, asked.code, s3.code, desk.code, taken.code}; !reflect.DeepEqual(all, want) {
		t.Errorf("paged: %v, want %v", all, want)
	}
	// No appointment: never due before a day, never late.
	if got, _ := listCodes(t, e.staff(deskOfA, path+"?due_before=2026-04-01")); !reflect.DeepEqual(got, []string{desk.code, taken.code}) {
		t.Errorf("due before: %v", got)
	}
	if got, _ := listCodes(t, e.staff(deskOfA, path+"?late=true")); got != nil {
		t.Errorf("late: %v", got)
	}
}

// TestFiguresCountOnlineDossiersOnceReceived checks that the statistics, the dashboard
// and its spreadsheets count a dossier submitted online from its reception only, and
// never fail on those no desk has received.
func TestFiguresCountOnlineDossiersOnceReceived(t *testing.T) {
	t.Parallel()
	// Friday 20 March 2026 at noon.
	e := startEnvAt(t, at(3, 20, 12, 0))
	overdueAtDesk := e.listed(deskA, deptB, at(3, 17, 17, 0), nil)
	waiting := e.submittedDossier(at(3, 10, 9, 0), deskA, deptB)
	refusedBefore := e.submittedDossier(at(3, 11, 9, 0), deskA, deptB)
	receivedOnline := e.submittedDossier(at(3, 11, 10, 0), deskA, deptB)
	askedBefore := e.submittedDossier(at(3, 16, 9, 0), deskA, deptB)
	withdrawnBefore := e.submittedDossier(at(3, 12, 9, 0), deskA, deptB)
	for _, d := range []*dossier{waiting, refusedBefore, receivedOnline, askedBefore, withdrawnBefore} {
		e.received(d)
	}
	refusedAt, withdrawnAt := at(3, 11, 11, 0), at(3, 12, 10, 0)
	e.emit(
		event(refusedBefore, 2, refusedAt, state{status: "refused", code: 3, current: deskA, finished: &refusedAt}, deskA, refused),
		event(receivedOnline, 2, at(3, 12, 8, 0), state{status: "received", code: 2, current: deskA, due: at(3, 19, 17, 0)},
			deskA, checkedAfter(6*3600+1800, admitted(at(3, 12, 8, 0)))),
		event(askedBefore, 2, at(3, 16, 10, 0), state{status: "supplement_requested", code: 5, current: deskA, requests: 1},
			deskA, supplementRequested("Tờ khai")),
		event(withdrawnBefore, 2, withdrawnAt, state{status: "withdrawn", code: 7, current: deskA, finished: &withdrawnAt},
			deskA, withdrawn),
	)
	e.settle()

	supervisor := e.token("supervisor", deskA.Code, deptB.Code)
	a := e.staff(supervisor, "/api/v1/stats?from=2026-03-01&to=2026-03-31")
	if a.status != http.StatusOK {
		t.Fatalf("stats: %d %s", a.status, a.body)
	}
	m := a.json(t)
	for field, want := range map[string]any{
		"received":  2.0,
		"withdrawn": 0.0,
		"finished":  map[string]any{"early": 0.0, "on_time": 0.0, "late": 0.0},
		"open":      map[string]any{"within_deadline": 0.0, "overdue": 2.0},
		"channels":  map[string]any{"desk": 1.0, "post": 0.0, "online": 1.0},
		// The wait of the one online dossier received for the desk's first check.
		"avg_check_hours": 6.5,
	} {
		if !reflect.DeepEqual(m[field], want) {
			t.Errorf("stats %s = %v, want %v", field, m[field], want)
		}
	}
	if a := e.staff(supervisor, "/api/v1/stats?from=2026-03-01&to=2026-03-31&format=csv"); a.status != http.StatusOK {
		t.Errorf("stats as CSV: %d %s", a.status, a.body)
	}

	board := e.signedIn(supervisor, "/giam-sat?from=2026-03-01&to=2026-03-31")
	shows(t, "the board", board, http.StatusOK, []string{`id="indicators"`, `data-value="2"`, `id="fig-check"`, "6,5 giờ"})
	if got := attrs(board.body, `<tr data-code="([^"]+)"`); strings.Join(got, " ") != overdueAtDesk.code+" "+receivedOnline.code {
		t.Errorf("overdue %q, want the desk's and the one received online", got)
	}
	for _, path := range []string{"/giam-sat/chi-so.csv?from=2026-03-01&to=2026-03-31", "/giam-sat/qua-han.csv",
		"/giam-sat?procedure=" + procP1.Code + "&office=" + url.QueryEscape(deskA.Code)} {
		if a := e.signedIn(supervisor, path); a.status != http.StatusOK {
			t.Errorf("%s: %d %s", path, a.status, a.body)
		}
	}
	rows := strings.Count(strings.TrimSpace(string(e.signedIn(supervisor, "/giam-sat/qua-han.csv").body)), "\n")
	if rows != 2 {
		t.Errorf("the overdue spreadsheet has %d dossiers, want 2", rows)
	}
}
