package servicetest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/session"
)

// submitOnline submits a dossier of the applicant named name online with token, its
// one file holding file, and returns the answer.
func (e *env) submitOnline(t *testing.T, token, name string, file []byte) submitted {
	t.Helper()
	application := onlineApplication()
	application["applicant"].(map[string]any)["full_name"] = name
	body, ct := submission(t, application, upload{"cccd", "CCCD của " + name + ".pdf", file})
	var got submitted
	e.call(t, "POST", "/api/v1/public/dossiers", token, body, "Content-Type", ct).Expect(t, http.StatusCreated).Decode(t, &got)
	return got
}

// TestCheckingList: the dossiers submitted online wait on the desk's checking tab, oldest
// submission first, and on no other; the store pages them with a cursor on the
// submission (ties broken by the id) and counts them apart. A row submitted on an
// earlier working day is late to check; one the desk gave guidance on waits for the
// citizen. Once received, a dossier leaves the tab for the others.
func TestCheckingList(t *testing.T) {
	mails := mailtest.Start(t)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	ctx := context.Background()
	citizen := e.contactToken(t, mails, "an.nguyen@example.vn")
	atDesk := e.registerAtDistrict(t).Code
	an := e.submitOnline(t, citizen, "Nguyễn Văn An", pdf(2000))
	binh := e.submitOnline(t, citizen, "Trần Thị Bình", pdf(3000))
	cuong := e.submitOnline(t, citizen, "Lê Văn Cường", pdf(4000))
	// Cường's came ten days ago and An's five: submitted out of the order of the codes.
	for code, ago := range map[string]string{cuong.Code: "10 days", an.Code: "5 days"} {
		if _, err := e.DB.Exec(ctx, "UPDATE dossiers SET submitted_at = now() - $2::interval WHERE code = $1", code, ago); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{cuong.Code, an.Code, binh.Code}

	// The store: oldest submission first, and only on the checking list.
	st := store.NewDossiers(e.DB, nil)
	checking := app.WorkListQuery{Office: demo.DistrictDesk, Which: app.TabChecking, Limit: 100}
	if got := workCodes(t, st, checking); !slices.Equal(got, want) {
		t.Errorf("the checking list: %v, want %v", got, want)
	}
	if got := workCodes(t, st, app.WorkListQuery{Office: demo.DistrictDesk, Which: app.TabAll, Limit: 100}); !slices.Equal(got, []string{atDesk}) {
		t.Errorf("the whole list: %v, want only %s", got, atDesk)
	}
	if got := workCodes(t, st, app.WorkListQuery{Office: "000.01.16.H19", Which: app.TabChecking, Limit: 100}); len(got) != 0 {
		t.Errorf("another office's checking list: %v", got)
	}
	now := time.Now()
	counts, err := st.CountWork(ctx, demo.DistrictDesk, now, app.Window{From: now, Until: now})
	if err != nil {
		t.Fatal(err)
	}
	if counts != (app.WorkCounts{All: 1, Here: 1, Checking: 3}) {
		t.Errorf("counts: %+v", counts)
	}
	// Two pages, the second from the cursor the first ended at.
	first, more, err := st.WorkList(ctx, app.WorkListQuery{Office: demo.DistrictDesk, Which: app.TabChecking, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !more || len(first) != 2 || first[0].Code != cuong.Code || first[1].Code != an.Code || first[1].SubmittedAt.IsZero() {
		t.Fatalf("the first page: %v, more %v", codesOf(first), more)
	}
	next := app.WorkListQuery{Office: demo.DistrictDesk, Which: app.TabChecking, Limit: 2,
		After: &app.WorkCursor{SubmittedAt: first[1].SubmittedAt, ID: first[1].ID}}
	second, more, err := st.WorkList(ctx, next)
	if err != nil {
		t.Fatal(err)
	}
	if more || !slices.Equal(codesOf(second), []string{binh.Code}) {
		t.Errorf("the second page: %v, more %v", codesOf(second), more)
	}
	if got := checkingOnePerPage(t, st); !slices.Equal(got, want) {
		t.Errorf("page by page: %v, want %v", got, want)
	}

	// The pages: the tab with its count and its rule, each row with its submission, and
	// the oldest late to check; the other tabs without them; a search as on the others.
	list := e.page(t, "desk.xuanloc", "/mot-cua?tab=checking", nil)
	if list.status != http.StatusOK || !slices.Equal(list.rows(), want) {
		t.Fatalf("the checking tab: %d %v, want %v", list.status, list.rows(), want)
	}
	if strings.Contains(list.body, "01/01/0001") {
		t.Error("the checking tab shows the year 1")
	}
	for _, s := range []string{`Chờ kiểm tra <span class="count">(3)</span>`, `Tất cả <span class="count">(1)</span>`,
		`id="check-rule"`, "trong ngày làm việc"} {
		if !strings.Contains(list.body, s) {
			t.Errorf("the checking tab does not say %q", s)
		}
	}
	if row := list.row(cuong.Code); !strings.Contains(row, `class="overdue"`) || !strings.Contains(row, "Quá hạn kiểm tra") ||
		!strings.Contains(row, "Lê Văn Cường") || !strings.Contains(row, `href="/mot-cua/ho-so/`+cuong.Code+`"`) {
		t.Errorf("a row submitted ten days ago: %s", row)
	}
	if row := list.row(binh.Code); strings.Contains(row, "overdue") || !strings.Contains(row, "Trước ") ||
		!strings.Contains(row, "Chưa") || !strings.Contains(row, "Mới đăng ký, chờ tiếp nhận") || !strings.Contains(row, "<time datetime=") {
		t.Errorf("a row submitted now: %s", row)
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"", []string{atDesk}},
		{"tab=here", []string{atDesk}},
		{"tab=checking&q=cuong", []string{cuong.Code}},
		{"tab=checking&status=received", nil},
	} {
		if p := e.page(t, "desk.xuanloc", "/mot-cua?"+c.query, nil); p.status != http.StatusOK || !slices.Equal(p.rows(), c.want) {
			t.Errorf("%s: %d %v, want %v", c.query, p.status, p.rows(), c.want)
		}
	}
	if p := e.page(t, "desk.xuanloc", "/mot-cua?tab=checking&lang=en", nil); !strings.Contains(p.body, "Awaiting checking") ||
		!strings.Contains(p.row(cuong.Code), "Late to check") {
		t.Errorf("the tab in English: %s", p.row(cuong.Code))
	}

	// Guidance from the page: the row says it was given and waits for the citizen, late
	// no more.
	if p := e.page(t, "desk.xuanloc", "/mot-cua/ho-so/"+an.Code+"/request-supplement",
		url.Values{"items": {"Ảnh chân dung 4x6"}, "reason": {"Thiếu ảnh"}}); p.status != http.StatusSeeOther {
		t.Fatalf("guidance: %d %s", p.status, p.body)
	}
	list = e.page(t, "desk.xuanloc", "/mot-cua?tab=checking", nil)
	if row := list.row(an.Code); strings.Contains(row, "overdue") || !strings.Contains(row, "Đã hướng dẫn") ||
		!strings.Contains(row, "Chờ công dân bổ sung") || !strings.Contains(row, "Chờ bổ sung hồ sơ") {
		t.Errorf("the row after guidance: %s", row)
	}
	if n := strings.Count(list.body, `Chờ kiểm tra <span class="count">(3)</span>`); n != 1 {
		t.Errorf("the tab's count after guidance: %d", n)
	}

	// Dossiers submitted at one instant (ties on submitted_at) are neither skipped nor
	// repeated when a page ends among them: the id breaks the tie, in the query and in
	// the cursor.
	if _, err := e.DB.Exec(ctx, "UPDATE dossiers SET submitted_at = date_trunc('hour', now()) WHERE received_at IS NULL"); err != nil {
		t.Fatal(err)
	}
	whole := workCodes(t, st, checking)
	if tied := checkingOnePerPage(t, st); len(whole) != 3 || !slices.Equal(tied, whole) {
		t.Errorf("page by page at one instant: %v, the whole list: %v", tied, whole)
	}
}

// TestSubmittedDossierPage: the desk's page of a dossier submitted online says it is not
// received yet (no year 1 anywhere), when it was submitted, lists its file, which opens
// inline through the page's own route (audited, with the API's safe headers), and
// receives it from a form without fields: received, with its appointment.
func TestSubmittedDossierPage(t *testing.T) {
	mails := mailtest.Start(t)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	citizen := e.contactToken(t, mails, "binh.tran@example.vn")
	file := pdf(150 << 10)
	got := e.submitOnline(t, citizen, "Trần Thị Bình", file)
	path := "/mot-cua/ho-so/" + got.Code

	p := e.page(t, "desk.xuanloc", path, nil)
	if p.status != http.StatusOK {
		t.Fatalf("the dossier page: %d %s", p.status, p.body)
	}
	fileURL := path + "/tep/" + got.Files[0].ID
	for _, s := range []string{`id="submitted"`, "Chưa tiếp nhận", "Hẹn khi tiếp nhận", `id="check-by"`, "Tệp đính kèm",
		`href="` + fileURL + `"`, "CCCD của Trần Thị Bình.pdf", "150,0 KB", ">PDF<", got.Files[0].SHA256[:12] + "…",
		`id="action-receive"`, ">Tiếp nhận hồ sơ</button>", `id="action-request-supplement"`, `id="action-refuse"`, `id="no-prints"`} {
		if !strings.Contains(p.body, s) {
			t.Errorf("the page of a submitted dossier does not show %q", s)
		}
	}
	if strings.Contains(p.body, "01/01/0001") {
		t.Error("the page of a submitted dossier shows the year 1")
	}

	// The file, opened in the browser: the very bytes, inline, never sniffed or cached, in
	// a sandbox; the read is audited; another office's desk and a wrong id find nothing.
	res, body := e.pageFile(t, "desk.xuanloc", fileURL)
	if res.StatusCode != http.StatusOK || !bytes.Equal(body, file) {
		t.Fatalf("the file: %d, %d bytes, want the %d handed in", res.StatusCode, len(body), len(file))
	}
	for k, want := range map[string]string{"Content-Type": "application/pdf", "X-Content-Type-Options": "nosniff",
		"Cache-Control": "private, no-store", "Content-Disposition": `inline; filename*=utf-8''CCCD%20c%E1%BB%A7a%20Tr%E1%BA%A7n%20Th%E1%BB%8B%20B%C3%ACnh.pdf`} {
		if got := res.Header.Get(k); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("the file's policy: %q", csp)
	}
	if n := e.count(t, `SELECT count(*) FROM personal_data_reads r JOIN dossiers d ON d.id = r.dossier_id
		WHERE d.code = $1 AND r.purpose = $2 AND r.username = 'desk.xuanloc'`, got.Code, "file "+got.Files[0].ID); n != 1 {
		t.Errorf("file reads audited: %d", n)
	}
	for _, c := range []struct{ user, path string }{
		{"desk.giaray", fileURL},
		{"desk.xuanloc", path + "/tep/" + uuid.NewString()},
		{"desk.xuanloc", path + "/tep/not-an-id"},
	} {
		if res, _ := e.pageFile(t, c.user, c.path); res.StatusCode != http.StatusNotFound || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("%s %s: %d %s", c.user, c.path, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}

	// Received from the page: the reception and the appointment show, and the receipt prints.
	if p := e.page(t, "desk.xuanloc", path+"/receive", url.Values{}); p.status != http.StatusSeeOther ||
		p.location != path+"?done=receive" {
		t.Fatalf("receive: %d %q %s", p.status, p.location, p.body)
	}
	p = e.page(t, "desk.xuanloc", path+"?done=receive", nil)
	for _, s := range []string{`<dd id="status">Đã tiếp nhận</dd>`, "Đã thực hiện: Tiếp nhận hồ sơ.", `/in/receipt"`} {
		if !strings.Contains(p.body, s) {
			t.Errorf("after receiving, the page does not show %q", s)
		}
	}
	for _, s := range []string{"Chưa tiếp nhận", "Hẹn khi tiếp nhận", `id="check-by"`, `id="action-receive"`, "01/01/0001"} {
		if strings.Contains(p.body, s) {
			t.Errorf("after receiving, the page still shows %q", s)
		}
	}
}

// pageFile asks for the desk's page at path as user and returns the answer whole,
// headers included, and its body.
func (e *env) pageFile(t *testing.T, user, path string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.AddCookie(&http.Cookie{Name: session.CookieName, Value: e.token(t, user)})
	req.AddCookie(&http.Cookie{Name: csrf.CookieName, Value: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

// workCodes are the codes of the store's page for q, in order.
func workCodes(t *testing.T, st *store.Dossiers, q app.WorkListQuery) []string {
	t.Helper()
	items, _, err := st.WorkList(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return codesOf(items)
}

func codesOf(items []app.WorkItem) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Code)
	}
	return out
}

// checkingOnePerPage reads the district desk's checking list a dossier a page (five at
// the most), each from the cursor the one before ended at, and returns the codes in
// order.
func checkingOnePerPage(t *testing.T, st *store.Dossiers) []string {
	t.Helper()
	ctx := context.Background()
	q := app.WorkListQuery{Office: demo.DistrictDesk, Which: app.TabChecking, Limit: 1}
	var codes []string
	for range 5 {
		items, more, err := st.WorkList(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, codesOf(items)...)
		if !more {
			break
		}
		last := items[len(items)-1]
		q.After = &app.WorkCursor{SubmittedAt: last.SubmittedAt, ID: last.ID}
	}
	return codes
}
