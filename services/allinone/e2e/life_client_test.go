package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
)

// This file holds the client side of the life tests (life_test.go): a member of staff or
// a citizen speaking HTTP to the intake and status processes, and what the test expects
// of each dossier it makes.

const (
	baoHoa = "000.02.16.H19"
	// marital is marital status confirmation: 24 working hours, decided by the commune.
	marital = "1.004873"
	// household is household business registration: 24 working hours, decided at the
	// district desk, with a fee of 100,000 đồng.
	household = "2.000720"

	applicantName = "Nguyễn Văn An"
	// pollFor bounds every wait for status to fold what intake did.
	pollFor = 30 * time.Second
)

// ict is the offices' time zone, Asia/Ho_Chi_Minh (UTC+7 all year).
var ict = time.FixedZone("ICT", 7*3600)

// statusShown is what a citizen reads of a status: its national code (status_code) and its
// words in Vietnamese and English (status_label).
type statusShown struct {
	code   int
	vi, en string
}

// label is the status's words in language lang (0 Vietnamese, 1 English).
func (s statusShown) label(lang int) string { return [2]string{s.vi, s.en}[lang] }

// The words a citizen reads, in Vietnamese and English (contract: status_code and
// status_label, the timeline's labels).
var (
	statuses = map[string]statusShown{
		"received":             {2, "Đã tiếp nhận", "Received"},
		"in_transit":           {4, "Đang chuyển hồ sơ", "Being transferred"},
		"processing":           {4, "Đang xử lý", "Processing"},
		"supplement_requested": {5, "Chờ bổ sung hồ sơ", "Supplement requested"},
		"processed":            {9, "Đã có kết quả", "Result ready"},
		"result_in_transit":    {9, "Đang chuyển kết quả", "Result being transferred"},
		"returned":             {10, "Đã trả kết quả", "Result returned"},
		"refused":              {3, "Không tiếp nhận, từ chối giải quyết", "Refused"},
		"withdrawn":            {7, "Công dân đã rút hồ sơ", "Withdrawn"},
	}
	stepWords = map[string][2]string{
		"received":             {"Tiếp nhận hồ sơ", "Dossier received"},
		"transferred":          {"Chuyển hồ sơ đến cơ quan giải quyết", "Dossier sent on for processing"},
		"accepted":             {"Cơ quan giải quyết đã nhận hồ sơ", "Dossier accepted for processing"},
		"supplement_requested": {"Yêu cầu bổ sung hồ sơ", "Supplement requested"},
		"supplemented":         {"Đã bổ sung hồ sơ", "Supplement provided"},
		"extended":             {"Xin lỗi và hẹn lại ngày trả kết quả", "Apology and new appointment"},
		"completed":            {"Đã giải quyết xong, có kết quả", "Decision made, result ready"},
		"result_transferred":   {"Chuyển kết quả về nơi trả", "Result sent to the returning desk"},
		"result_accepted":      {"Nơi trả đã nhận kết quả", "Result arrived at the returning desk"},
		"returned":             {"Đã trả kết quả cho công dân", "Result handed to the applicant"},
		"refused":              {"Từ chối giải quyết", "Refused"},
		"withdrawn":            {"Công dân rút hồ sơ", "Dossier withdrawn"},
	}
)

func officeName(code string) string {
	for _, o := range demo.Offices() {
		if o.Code == code {
			return o.Name
		}
	}
	return code
}

func procedureName(code string) string {
	for _, p := range demo.Procedures() {
		if p.Code == code {
			return p.Name
		}
	}
	return code
}

// life is a cluster seen from outside: staff signed in to intake, citizens with their
// receipts, and what the test expects of every dossier it made.
type life struct {
	e      *env
	mu     sync.Mutex
	tokens map[string]string
	made   []*made
	seq    int
}

// made is a dossier the test registered, and what it should have become.
type made struct {
	receipt   apiclient.Receipt
	procedure string
	receiving string
	handling  string
	channel   string
	// steps is the timeline the citizen should read, in order.
	steps []wantStep
	// due is the appointment intake answered last.
	due time.Time
	// standing is how statistics should count it at the end: early, on_time, late,
	// within_deadline, overdue or withdrawn.
	standing string
	score    int // its rating; 0 for none
	// status and timing are what the citizen last read, as expectTrack checked them.
	status, timing string
	// seen: status has folded its registration, so a lookup finds it.
	seen bool
}

func (d *made) code() string { return d.receipt.Code }

// offices are the offices the dossier belonged to: received at, handled by, held by.
func (d *made) offices() []string {
	out := []string{d.receiving, d.handling}
	for _, s := range d.steps {
		out = append(out, s.office)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// wantStep is a timeline entry the citizen should read.
type wantStep struct {
	typ    string
	office string
	at     time.Time
}

// officeRef is the office with code as an answer names it.
func officeRef(code string) apiclient.Ref {
	return apiclient.Ref{Code: code, Name: officeName(code)}
}

func newLife(e *env) *life {
	return &life{e: e, tokens: map[string]string{}}
}

func (l *life) ctx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// token signs user in once (on intake; status trusts its tokens).
func (l *life) token(t *testing.T, user string) string {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	if tok, ok := l.tokens[user]; ok {
		return tok
	}
	tok, err := l.e.client.Token(l.ctx(t), l.e.cl.Intake.Addr, user, demo.Password)
	if err != nil {
		t.Fatalf("sign in as %s: %v", user, err)
	}
	l.tokens[user] = tok
	return tok
}

// call sends a request to the process at addr as user ("" for a citizen), with body
// marshalled as JSON (nil for none) and an Idempotency-Key when key is not empty.
func (l *life) call(t *testing.T, addr, method, path, user, key string, body any) apiclient.Answer {
	t.Helper()
	var data []byte
	if body != nil {
		var err error
		if data, err = json.Marshal(body); err != nil {
			t.Fatal(err)
		}
	}
	return l.send(t, addr, method, path, user, key, data)
}

// send is call with a body already in JSON, sent as it is (nil for none).
func (l *life) send(t *testing.T, addr, method, path, user, key string, data []byte) apiclient.Answer {
	t.Helper()
	tok := ""
	if user != "" {
		tok = l.token(t, user)
	}
	a, err := l.e.client.Do(l.ctx(t), method, "http://"+addr+path, tok, key, data, nil)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return a
}

func decode(t *testing.T, a apiclient.Answer, out any) {
	t.Helper()
	if err := json.Unmarshal(a.Body, out); err != nil {
		t.Fatalf("decode %q: %v", a.Body, err)
	}
}

// expectError checks an error answer: its status, its code and that it says something.
func expectError(t *testing.T, what string, a apiclient.Answer, status int, code string) apiclient.ErrorBody {
	t.Helper()
	var e apiclient.ErrorBody
	if a.Status != status {
		t.Errorf("%s: %d %s, want %d %s", what, a.Status, a.Body, status, code)
		return e
	}
	if err := json.Unmarshal(a.Body, &e); err != nil || e.Error.Code != code || e.Error.Message == "" {
		t.Errorf("%s: error body %s, want code %s with a message", what, a.Body, code)
	}
	return e
}

// registration is a registration body at the district desk.
func (l *life) registration(procedure, handling, channel string) map[string]any {
	l.mu.Lock()
	l.seq++
	i := l.seq
	l.mu.Unlock()
	fee := 0
	if procedure == household {
		fee = 100000
	}
	return map[string]any{
		"procedure_code":   procedure,
		"receiving_office": demo.DistrictDesk,
		"handling_office":  handling,
		"channel":          channel,
		"applicant": map[string]string{
			"full_name": applicantName,
			"id_number": fmt.Sprintf("%012d", 75100000000+i),
			"phone":     fmt.Sprintf("09%08d", 1000000+i),
			"address":   "Ấp 3, xã Bảo Hòa, Xuân Lộc, Đồng Nai",
		},
		"documents":       []map[string]any{{"name": "Tờ khai", "kind": "original", "copies": 1}},
		"result_delivery": map[string]string{"method": "desk"},
		"fee_paid_vnd":    fee,
	}
}

// register registers a dossier at the district desk as desk.xuanloc and remembers it.
func (l *life) register(t *testing.T, procedure, handling, channel string) *made {
	t.Helper()
	d, _ := l.registerBody(t, procedure, handling, channel, l.registration(procedure, handling, channel), "")
	return d
}

// registerBody registers body with Idempotency-Key key (none when empty), remembers the
// dossier and returns it with the answer as it came.
func (l *life) registerBody(t *testing.T, procedure, handling, channel string, body map[string]any, key string) (*made, apiclient.Answer) {
	t.Helper()
	a := l.call(t, l.e.cl.Intake.Addr, http.MethodPost, "/api/v1/dossiers", deskUser, key, body)
	if a.Status != http.StatusCreated {
		t.Fatalf("register %s: %d %s", procedure, a.Status, a.Body)
	}
	d := &made{procedure: procedure, receiving: demo.DistrictDesk, handling: handling, channel: channel}
	decode(t, a, &d.receipt)
	if d.receipt.Code == "" || d.receipt.LookupPIN == "" || d.receipt.Status != "received" || d.receipt.StatusCode != 2 ||
		!d.receipt.DueAt.After(d.receipt.ReceivedAt) {
		t.Fatalf("receipt: %s", a.Body)
	}
	d.due = d.receipt.DueAt
	d.steps = []wantStep{{"received", demo.DistrictDesk, d.receipt.ReceivedAt}}
	l.mu.Lock()
	l.made = append(l.made, d)
	l.mu.Unlock()
	return d, a
}

// act posts an action on d as user and returns the answer as it came, its refusals in
// English (?lang=en), the language these tests read them in.
func (l *life) act(t *testing.T, user string, d *made, action string, body any, key string) apiclient.Answer {
	t.Helper()
	if body == nil {
		body = map[string]any{}
	}
	return l.call(t, l.e.cl.Intake.Addr, http.MethodPost,
		"/api/v1/dossiers/"+url.PathEscape(d.code())+"/actions/"+action+"?lang=en", user, key, body)
}

// actOK posts an action that must succeed, checks the answer's last step and records
// the timeline entry the citizen should then read: of type typ at office.
func (l *life) actOK(t *testing.T, user string, d *made, action string, body any, typ, office string) apiclient.Dossier {
	t.Helper()
	a := l.act(t, user, d, action, body, "")
	if a.Status != http.StatusOK {
		t.Fatalf("%s %s by %s: %d %s", action, d.code(), user, a.Status, a.Body)
	}
	var s apiclient.Dossier
	decode(t, a, &s)
	if s.Code != d.code() || s.LastStep == nil || s.LastStep.Action != action || s.LastStep.By != user {
		t.Fatalf("%s %s: answer %s", action, d.code(), a.Body)
	}
	d.due = s.DueAt
	d.steps = append(d.steps, wantStep{typ, office, s.LastStep.At})
	return s
}

// wholeOf reads the whole dossier from intake as user.
func (l *life) wholeOf(t *testing.T, user string, d *made) apiclient.WholeDossier {
	t.Helper()
	a := l.call(t, l.e.cl.Intake.Addr, http.MethodGet, "/api/v1/dossiers/"+url.PathEscape(d.code()), user, "", nil)
	if a.Status != http.StatusOK {
		t.Fatalf("GET dossier %s as %s: %d %s", d.code(), user, a.Status, a.Body)
	}
	var w apiclient.WholeDossier
	decode(t, a, &w)
	return w
}

// whole reads the whole dossier from intake as user: its head and the number of its
// steps.
func (l *life) whole(t *testing.T, user string, d *made) (apiclient.Dossier, int) {
	t.Helper()
	w := l.wholeOf(t, user, d)
	return w.Dossier, len(w.Steps)
}

// lookup is the citizen's GET /track/{code}?pin= (with &lang=en when lang is "en").
func (l *life) lookup(t *testing.T, code, pin, lang string) apiclient.Answer {
	t.Helper()
	q := url.Values{"pin": {pin}}
	if lang != "" {
		q.Set("lang", lang)
	}
	return l.call(t, l.e.cl.Status.Addr, http.MethodGet, "/api/v1/track/"+url.PathEscape(code)+"?"+q.Encode(), "", "", nil)
}

// rate is the citizen's POST /track/{code}/rating?pin=.
func (l *life) rate(t *testing.T, d *made, body any) apiclient.Answer {
	t.Helper()
	return l.call(t, l.e.cl.Status.Addr, http.MethodPost,
		"/api/v1/track/"+url.PathEscape(d.code())+"/rating?pin="+url.QueryEscape(d.receipt.LookupPIN), "", "", body)
}

// list reads every page of a staff list on status as user, with query (without limit
// and cursor).
func (l *life) list(t *testing.T, user string, query url.Values) ([]apiclient.Listed, apiclient.Answer) {
	t.Helper()
	var all []apiclient.Listed
	cursor := ""
	for page := 0; ; page++ {
		if page > 50 {
			t.Fatalf("list %v: paging does not end", query)
		}
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Set("limit", "3") // small pages, so paging is part of every list
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		a := l.call(t, l.e.cl.Status.Addr, http.MethodGet, "/api/v1/dossiers?"+q.Encode(), user, "", nil)
		if a.Status != http.StatusOK {
			return nil, a
		}
		var p apiclient.ListPage
		decode(t, a, &p)
		all = append(all, p.Items...)
		if p.NextCursor == nil {
			return all, a
		}
		cursor = *p.NextCursor
	}
}

// awaitFolded waits until status has folded d's registration, watching a staff list:
// a lookup before that would be a failed one, and failures are rate-limited.
func (l *life) awaitFolded(t *testing.T, d *made) {
	t.Helper()
	if d.seen {
		return
	}
	poll(t, "status to list "+d.code(), func() (bool, string) {
		items, a := l.list(t, "supervisor.xuanloc", url.Values{"office": {demo.DistrictDesk}})
		if a.Status != http.StatusOK {
			return false, fmt.Sprintf("%d %s", a.Status, a.Body)
		}
		for _, it := range items {
			if it.Code == d.code() {
				return true, ""
			}
		}
		return false, fmt.Sprintf("%d dossiers listed, not %s", len(items), d.code())
	})
	d.seen = true
}

// awaitLookup waits until status has folded d's registration and then until the
// citizen's lookup of d in lang ("" Vietnamese) answers 200 with what done, which decodes
// the answer, wants to read; it names the wait "the lookup of <code> to show <what>".
func (l *life) awaitLookup(t *testing.T, d *made, lang, what string, done func(apiclient.Answer) bool) {
	t.Helper()
	l.awaitFolded(t, d)
	poll(t, "the lookup of "+d.code()+" to show "+what, func() (bool, string) {
		a := l.lookup(t, d.code(), d.receipt.LookupPIN, lang)
		if a.Status != http.StatusOK {
			t.Fatalf("lookup %s: %d %s", d.code(), a.Status, a.Body)
		}
		return done(a), string(a.Body)
	})
}

// want is what a citizen should read about a dossier after a step.
type want struct {
	status  string
	office  string // current office
	pending string // "" for none
	timing  string // "" for none (withdrawn): null
}

// expectTrack waits until the citizen's lookup of d shows status w.status with every
// step of d's timeline, then checks the lookup in Vietnamese and in English.
func (l *life) expectTrack(t *testing.T, d *made, w want) apiclient.Track {
	t.Helper()
	var tr apiclient.Track
	l.awaitLookup(t, d, "", fmt.Sprintf("%s after %d steps", w.status, len(d.steps)), func(a apiclient.Answer) bool {
		tr = apiclient.Track{}
		decode(t, a, &tr)
		return tr.Status == w.status && len(tr.Timeline) == len(d.steps)
	})
	l.checkTrack(t, d, w, tr, 0)
	a := l.lookup(t, d.code(), d.receipt.LookupPIN, "en")
	if a.Status != http.StatusOK {
		t.Fatalf("lookup %s in English: %d %s", d.code(), a.Status, a.Body)
	}
	var en apiclient.Track
	decode(t, a, &en)
	if got := a.Header.Get("Content-Language"); got != "en" {
		t.Errorf("%s in English: Content-Language %q", d.code(), got)
	}
	l.checkTrack(t, d, w, en, 1)
	d.status, d.timing = w.status, w.timing
	return tr
}

// checkTrack checks one lookup of d against w and d's timeline, in language lang (0
// Vietnamese, 1 English).
func (l *life) checkTrack(t *testing.T, d *made, w want, tr apiclient.Track, lang int) {
	t.Helper()
	in := [2]string{"vi", "en"}[lang]
	if tr.Code != d.code() || tr.Procedure != (apiclient.Ref{Code: d.procedure, Name: procedureName(d.procedure)}) {
		t.Errorf("%s (%s): code %q, procedure %+v", d.code(), in, tr.Code, tr.Procedure)
	}
	st, ok := statuses[w.status]
	if !ok {
		t.Fatalf("no words for status %s", w.status)
	}
	if tr.Status != w.status || tr.StatusCode != st.code || tr.StatusLabel != st.label(lang) {
		t.Errorf("%s (%s): status %s (%d) %q, want %s (%d) %q", d.code(), in, tr.Status, tr.StatusCode, tr.StatusLabel,
			w.status, st.code, st.label(lang))
	}
	if tr.CurrentOffice != officeRef(w.office) {
		t.Errorf("%s (%s): current office %+v, want %s", d.code(), in, tr.CurrentOffice, w.office)
	}
	switch {
	case w.pending == "" && tr.PendingOffice != nil:
		t.Errorf("%s (%s): pending office %+v, want none", d.code(), in, *tr.PendingOffice)
	case w.pending != "" && (tr.PendingOffice == nil || *tr.PendingOffice != officeRef(w.pending)):
		t.Errorf("%s (%s): pending office %+v, want %s", d.code(), in, tr.PendingOffice, w.pending)
	}
	switch {
	case w.timing == "" && tr.Timing != nil:
		t.Errorf("%s (%s): timing %q, want null", d.code(), in, *tr.Timing)
	case w.timing != "" && (tr.Timing == nil || *tr.Timing != w.timing):
		t.Errorf("%s (%s): timing %v, want %s", d.code(), in, deref(tr.Timing), w.timing)
	}
	open := w.timing == "within_deadline" || w.timing == "overdue"
	if open != (tr.TimeRemainingHours != 0) || (w.timing == "within_deadline" && tr.TimeRemainingHours < 0) {
		t.Errorf("%s (%s): %v working hours left while %s", d.code(), in, tr.TimeRemainingHours, w.status)
	}
	if !tr.ReceivedAt.Equal(d.receipt.ReceivedAt) || !tr.DueAt.Equal(d.due.Truncate(time.Second)) {
		t.Errorf("%s (%s): received %s due %s, want received %s due %s", d.code(), in, tr.ReceivedAt, tr.DueAt,
			d.receipt.ReceivedAt, d.due.Truncate(time.Second))
	}
	if _, off := tr.DueAt.Zone(); off != 7*3600 {
		t.Errorf("%s (%s): due_at %s is not in the offices' time zone", d.code(), in, tr.DueAt)
	}
	if !masked(tr.Applicant) {
		t.Errorf("%s (%s): applicant %q is not masked", d.code(), in, tr.Applicant)
	}
	if len(tr.Timeline) != len(d.steps) {
		t.Errorf("%s (%s): %d timeline entries, want %d", d.code(), in, len(tr.Timeline), len(d.steps))
		return
	}
	for i, s := range d.steps {
		got := tr.Timeline[i]
		label := stepWords[s.typ][lang]
		if got.Type != s.typ || got.Label != label || got.Office == nil || *got.Office != officeRef(s.office) ||
			!got.At.Equal(s.at.Truncate(time.Second)) {
			t.Errorf("%s (%s): timeline[%d] = %s %q at %+v %s, want %s %q at %s %s", d.code(), in, i,
				got.Type, got.Label, got.Office, got.At.Format(time.RFC3339), s.typ, label, s.office,
				s.at.Truncate(time.Second).Format(time.RFC3339))
		}
		if i > 0 && got.At.Before(tr.Timeline[i-1].At) {
			t.Errorf("%s (%s): timeline[%d] at %s is before the entry above it", d.code(), in, i, got.At)
		}
	}
}

// masked reports whether a citizen view's name hides the applicant's: something is
// shown, but not the family and middle names of applicantName.
func masked(name string) bool {
	return name != "" && !strings.Contains(name, "Nguyễn") && !strings.Contains(name, "Văn")
}

func deref(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}
