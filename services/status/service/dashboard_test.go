package service_test

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/web/session"
)

// boardSet registers the dossiers of the dashboard's tests, status judging them on
// Friday 20 March 2026 at noon, for a supervisor of deskA, deptB and deptC:
//
//	d1 P1 B desk   10 Mar  early
//	d2 P1 B post   10 Mar  late
//	d3 P2 C online 16 Mar  open, due 18 Mar 17:00: overdue 12.5 working hours
//	d4 P2 C online 17 Mar  open, within its deadline
//	d7 P2 C desk   17 Mar  on time
//	d5 P1 B desk   20 Feb  open, due 25 Feb: overdue, outside March
//	d6 P1 X desk   10 Mar  open and overdue, but of an office the supervisor does not watch
func boardSet(t *testing.T) (e *env, codes map[string]string) {
	e = startEnvAt(t, at(3, 20, 12, 0))
	desk, post, online := dossierv1.Channel_CHANNEL_DESK, dossierv1.Channel_CHANNEL_POST, dossierv1.Channel_CHANNEL_ONLINE
	codes = map[string]string{}
	for _, c := range []struct {
		name                string
		procedure           *dossierv1.Ref
		receiving, handling *dossierv1.Ref
		channel             dossierv1.Channel
		received, due       time.Time
		life                func(d *dossier, due time.Time) []*dossierv1.Event
	}{
		{"d1", procP1, deskA, deptB, desk, at(3, 10, 9, 0), at(3, 17, 17, 0), finishedAs("early", 8*time.Hour, nil)},
		{"d2", procP1, deskA, deptB, post, at(3, 10, 9, 0), at(3, 11, 17, 0), finishedAs("late", 40*time.Hour, nil)},
		{"d3", procP2, deskA, deptC, online, at(3, 16, 9, 0), at(3, 18, 17, 0), nil},
		{"d4", procP2, deskA, deptC, online, at(3, 17, 9, 0), at(3, 25, 17, 0), nil},
		{"d7", procP2, deskA, deptC, desk, at(3, 17, 9, 0), at(3, 19, 17, 0), finishedAs("on_time", 12*time.Hour, nil)},
		{"d5", procP1, deskA, deptB, desk, at(2, 20, 9, 0), at(2, 25, 17, 0), nil},
		{"d6", procP1, deskX, deskX, desk, at(3, 10, 9, 0), at(3, 11, 17, 0), nil},
	} {
		d := e.newDossier(c.due)
		r := d.ev.GetReceived()
		r.Procedure, r.ReceivingOffice, r.HandlingOffice, r.Channel = c.procedure, c.receiving, c.handling, c.channel
		r.ReceivedAt = ts(c.received)
		e.received(d)
		if c.life != nil {
			e.emit(c.life(d, c.due)...)
		}
		codes[c.name] = d.code
	}
	e.settle()
	return e, codes
}

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{Timeout: 20 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// signedIn asks for a page with token as the session cookie.
func (e *env) signedIn(token, path string) answer {
	e.t.Helper()
	return e.get(defaultClient, path, "Cookie", session.CookieName+"="+token)
}

// attr finds the values of an attribute of the elements matching pattern (a regular
// expression over the HTML).
func attrs(body []byte, pattern string) []string {
	var out []string
	for _, m := range regexp.MustCompile(pattern).FindAllSubmatch(body, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

func TestDashboard(t *testing.T) {
	t.Parallel()
	e, codes := boardSet(t)
	supervisor := e.token("supervisor", deskA.Code, deptB.Code, deptC.Code)

	// No session: to the sign-in page, coming back here.
	if a := e.get(noRedirect, "/giam-sat"); a.status != http.StatusSeeOther ||
		a.header.Get("Location") != "/dang-nhap?next=%2Fgiam-sat" {
		t.Errorf("no session: %d to %q", a.status, a.header.Get("Location"))
	}
	// Other roles are told why not, with a way to their own pages.
	for role, home := range map[string]string{"desk": "/mot-cua", "postal": "/buu-chinh"} {
		a := e.signedIn(e.token(role, deskA.Code), "/giam-sat")
		shows(t, role, a, http.StatusForbidden, []string{"Trang giám sát chỉ dành cho cán bộ giám sát", `href="` + home + `"`},
			`id="indicators"`)
	}

	// March, the default period: this month up to today.
	a := e.signedIn(supervisor, "/giam-sat")
	shows(t, "the board", a, http.StatusOK, []string{
		`<html lang="vi">`,
		"Hồ sơ tiếp nhận từ 01/03/2026 đến 20/03/2026 (20 ngày)",
		`data-value="5"`, // d1 d2 d3 d4 d7
		"60,0 %",         // on time: (1 early + 1 on time + 1 within) / 5
		"40,0 %",         // online 2 / 5, below the target
		"Mục tiêu ≥ 50,0 %",
		"Chưa đạt",
		"20,0 giờ", // (8 + 40 + 12) / 3
		`id="csv-indicators" href="/giam-sat/chi-so.csv?from=2026-03-01&to=2026-03-20"`,
		`id="csv-overdue" href="/giam-sat/qua-han.csv"`,
	}, codes["d6"])
	if csp := a.header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
		t.Errorf("CSP %q", csp)
	}
	// Every office of the supervisor is named in the choice of office, also one that
	// only receives dossiers (the desk) and so handles none.
	for _, o := range []*dossierv1.Ref{deskA, deptB, deptC} {
		if !strings.Contains(string(a.body), `<option value="`+o.Code+`">`+o.Name+`</option>`) {
			t.Errorf("the office %s is not named in the choice of office", o.Code)
		}
	}
	// The trend: weeks 9–15 March (d1 early, d2 late) and 16–20 March (d3 overdue, d4
	// within, d7 on time); the other weeks have no point.
	if got := attrs(a.body, `<circle class="point"[^>]* data-rate="([^"]+)"`); strings.Join(got, " ") != "50,0 66,7" {
		t.Errorf("trend points %q", got)
	}
	if got := attrs(a.body, `data-bucket="([^"]+)"`); strings.Join(got, "|") != "09/03/2026 – 15/03/2026|16/03/2026 – 20/03/2026" {
		t.Errorf("trend buckets %q", got)
	}
	if got := attrs(a.body, `<rect class="ch-[a-z]+"[^>]*data-channel="[a-z]+" data-count="(\d+)"`); strings.Join(got, " ") != "2 2 1" {
		t.Errorf("channel mix (desk, online, post) %q", got)
	}
	if got := attrs(a.body, `<g class="office" (data-office="[^"]+" data-late="\d+" data-overdue="\d+")`); strings.Join(got, "|") !=
		`data-office="`+deptB.Code+`" data-late="1" data-overdue="0"|data-office="`+deptC.Code+`" data-late="0" data-overdue="1"` {
		t.Errorf("late per office %q", got)
	}
	// Overdue now, the latest first, whenever received; not another office's.
	if got := attrs(a.body, `<tr data-code="([^"]+)"`); strings.Join(got, " ") != codes["d5"]+" "+codes["d3"] {
		t.Errorf("overdue %q, want d5 d3", got)
	}
	if got := attrs(a.body, `<tr data-code="`+regexp.QuoteMeta(codes["d3"])+`" data-hours="([^"]+)"`); len(got) != 1 || got[0] != "12,5" {
		t.Errorf("d3 overdue by %q working hours, want 12,5", got)
	}
	// The desk's dossier page refuses supervisors and administrators (and would show them
	// the applicant's personal data): the codes are not links to it.
	if strings.Contains(string(a.body), `href="/mot-cua/ho-so/`) {
		t.Errorf("the overdue dossiers link to the desk's pages, which refuse a supervisor")
	}

	// One office, one procedure, another period; in English.
	a = e.signedIn(supervisor, "/giam-sat?lang=en&from=2026-03-01&to=2026-03-31&office="+url.QueryEscape(deptC.Code)+"&procedure="+procP2.Code)
	shows(t, "C's P2 in English", a, http.StatusOK, []string{`<html lang="en">`, "On-time rate", `data-value="3"`, "66.7 %",
		`<option value="` + deptC.Code + `" selected>`, `id="lang-switch" href="/giam-sat?`})
	if got := attrs(a.body, `<tr data-code="([^"]+)"`); strings.Join(got, " ") != codes["d3"] {
		t.Errorf("C's overdue %q, want d3", got)
	}

	// An administrator sees the dossiers of their own offices; an account without an
	// office sees none.
	shows(t, "admin of C", e.signedIn(e.token("admin", deptC.Code), "/giam-sat"), http.StatusOK, []string{`data-value="3"`})
	shows(t, "no office", e.signedIn(e.token("supervisor"), "/giam-sat"), http.StatusOK,
		[]string{"chưa được gán cơ quan nào"}, `id="indicators"`)
}

func TestDashboardRefusesBadFilters(t *testing.T) {
	t.Parallel()
	e, _ := boardSet(t)
	supervisor := e.token("supervisor", deskA.Code, deptB.Code, deptC.Code)
	for _, c := range []struct{ query, field, message string }{
		{"from=2026-02-30&to=2026-03-01", "from", "Ngày “2026-02-30” không hợp lệ"},
		{"from=2026-03-01&to=31/03/2026", "to", "Ngày “31/03/2026” không hợp lệ"},
		{"from=2026-03-01", "to", "Hãy nhập ngày kết thúc"},
		{"to=2026-03-01", "from", "Hãy nhập ngày bắt đầu"},
		{"from=2026-03-31&to=2026-03-01", "to", "Ngày kết thúc (01/03/2026) đang trước ngày bắt đầu (31/03/2026)"},
		{"from=2025-01-01&to=2026-01-02", "to", "Kỳ báo cáo dài 367 ngày; hãy chọn kỳ tối đa 366 ngày."},
		{"from=%FF&to=2026-03-01", "from", "không hợp lệ"},
		{"office=" + url.QueryEscape(deskX.Code), "office", "Cơ quan “" + deskX.Code + "” không thuộc phạm vi giám sát của bạn"},
		{"office=%00", "office", "Giá trị này không hợp lệ"},
		{"procedure=9.999999", "procedure", "Không có hồ sơ nào của thủ tục mã “9.999999”"},
		{"procedure=" + strings.Repeat("9", 65), "procedure", "Giá trị này không hợp lệ"},
	} {
		for _, path := range []string{"/giam-sat", "/giam-sat/chi-so.csv", "/giam-sat/qua-han.csv"} {
			if path == "/giam-sat/qua-han.csv" && c.field != "office" && c.field != "procedure" {
				continue
			}
			a := e.signedIn(supervisor, path+"?"+c.query)
			shows(t, path+"?"+c.query, a, http.StatusUnprocessableEntity, []string{
				`id="` + c.field + `-error">`, c.message, `id="` + c.field + `" `, `aria-invalid="true"`,
				"Hãy sửa các ô được đánh dấu"}, `id="indicators"`)
		}
	}
}

func TestDashboardCSV(t *testing.T) {
	t.Parallel()
	e, codes := boardSet(t)
	supervisor := e.token("supervisor", deskA.Code, deptB.Code, deptC.Code)
	read := func(name string, a answer, filename string) [][]string {
		t.Helper()
		if a.status != http.StatusOK || a.header.Get("Content-Type") != "text/csv; charset=utf-8" {
			t.Fatalf("%s: %d %s %s", name, a.status, a.header.Get("Content-Type"), a.body)
		}
		if got := a.header.Get("Content-Disposition"); got != `attachment; filename="`+filename+`"` {
			t.Errorf("%s: Content-Disposition %q", name, got)
		}
		body, ok := strings.CutPrefix(string(a.body), "\ufeff")
		if !ok {
			t.Errorf("%s: no byte-order mark, Excel would garble Vietnamese", name)
		}
		rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatalf("%s: not CSV: %v", name, err)
		}
		return rows
	}
	rows := read("indicators", e.signedIn(supervisor, "/giam-sat/chi-so.csv?from=2026-03-01&to=2026-03-31"),
		"chi-so-2026-03-01-2026-03-31.csv")
	want := map[int][]string{
		0: {"Phạm vi", "Mã", "Tên", "Từ ngày", "Đến ngày", "Tiếp nhận", "Trước hạn", "Đúng hạn", "Trễ hạn",
			"Đang trong hạn", "Quá hạn", "Rút hồ sơ", "Tỷ lệ đúng hạn (%)", "Thời gian xử lý trung bình (giờ)",
			"Trực tiếp", "Bưu chính", "Trực tuyến", "Tỷ lệ trực tuyến (%)", "Mức độ hài lòng (%)", "Lượt đánh giá",
			"Điểm đánh giá trung bình", "Không hài lòng", "Chờ kiểm tra hồ sơ trực tuyến trung bình (giờ)"},
		1: {"Tổng", "", "", "2026-03-01", "2026-03-31", "5", "1", "1", "1", "1", "1", "0", "60.0", "20.0", "2", "1", "2",
			"40.0", "60.0", "0", "", "0", ""},
		2: {"Thủ tục", procP1.Code, procP1.Name, "2026-03-01", "2026-03-31", "2", "1", "0", "1", "0", "0", "0", "50.0",
			"24.0", "1", "1", "0", "0.0", "50.0", "0", "", "0", ""},
		5: {"Cơ quan", deptC.Code, deptC.Name, "2026-03-01", "2026-03-31", "3", "0", "1", "0", "1", "1", "0", "66.7",
			"12.0", "1", "0", "2", "66.7", "66.7", "0", "", "0", ""},
		8: {"Tuần", "", "", "2026-03-09", "2026-03-15", "2", "1", "0", "1", "0", "0", "0", "50.0", "24.0", "1", "1", "0",
			"0.0", "50.0", "0", "", "0", ""},
	}
	// The whole, 2 procedures, 2 offices, 6 weeks.
	if len(rows) != 1+1+2+2+6 {
		t.Fatalf("%d rows: %q", len(rows), rows)
	}
	for i, w := range want {
		if strings.Join(rows[i], "|") != strings.Join(w, "|") {
			t.Errorf("row %d: %q\nwant %q", i, rows[i], w)
		}
	}

	rows = read("overdue", e.signedIn(supervisor, "/giam-sat/qua-han.csv?lang=en&procedure="+procP2.Code),
		"ho-so-qua-han-2026-03-20-"+procP2.Code+".csv")
	if len(rows) != 2 || rows[0][0] != "Dossier code" || rows[1][0] != codes["d3"] || rows[1][8] != "2026-03-18 17:00" ||
		rows[1][9] != "12.5" || rows[1][6] != "Online" {
		t.Errorf("overdue CSV %q", rows)
	}
	rows = read("all overdue", e.signedIn(supervisor, "/giam-sat/qua-han.csv"), "ho-so-qua-han-2026-03-20.csv")
	if len(rows) != 3 || rows[1][0] != codes["d5"] || rows[2][0] != codes["d3"] || rows[0][0] != "Mã hồ sơ" {
		t.Errorf("all overdue %q", rows)
	}
}
