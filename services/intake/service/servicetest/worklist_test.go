package servicetest

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/session"
)

// page is one of the desk's pages as the signed-in user sees it.
type page struct {
	status   int
	body     string
	location string
}

// page asks for the desk's page at path as user; with form it posts it, CSRF token
// included.
func (e *env) page(t *testing.T, user, path string, form url.Values) page {
	t.Helper()
	method, reqBody := http.MethodGet, io.Reader(nil)
	const secret = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	sess := e.token(t, user)
	if form != nil {
		form.Set(csrf.FieldName, csrf.Field(secret, sess))
		method, reqBody = http.MethodPost, strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, e.URL+path, reqBody)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.AddCookie(&http.Cookie{Name: session.CookieName, Value: sess})
	req.AddCookie(&http.Cookie{Name: csrf.CookieName, Value: secret})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return page{status: res.StatusCode, body: string(b), location: res.Header.Get("Location")}
}

var rowCode = regexp.MustCompile(`<tr id="row-([^"]+)"`)

// rows are the codes of the work list's rows, in order.
func (p page) rows() []string {
	var out []string
	for _, m := range rowCode.FindAllStringSubmatch(p.body, -1) {
		out = append(out, m[1])
	}
	return out
}

// row is the HTML of the row of the dossier with code.
func (p page) row(code string) string {
	i := strings.Index(p.body, `<tr id="row-`+code+`"`)
	if i < 0 {
		return ""
	}
	end := strings.Index(p.body[i:], "</tr>")
	return p.body[i : i+end]
}

func TestWorkList(t *testing.T) {
	e := start(t)
	ctx := context.Background()
	overdue := e.registerAtDistrict(t).Code
	sent := e.registerAtDistrict(t).Code
	body := registration(demo.DistrictDesk)
	body["applicant"].(map[string]any)["full_name"] = "Lê Thị Ánh"
	anh := e.registered(t, e.token(t, "desk.xuanloc"), body).Code
	other := registration("000.01.16.H19")
	other["applicant"].(map[string]any)["full_name"] = "Trần Thị Bình"
	if r := e.register(t, e.token(t, "desk.giaray"), apitest.JSON(t, other)); r.Status != http.StatusCreated {
		t.Fatalf("register at Gia Ray: %d %s", r.Status, r.Body)
	}
	// One dossier's appointment has passed; another is on its way to Bảo Hòa.
	if _, err := e.DB.Exec(ctx, "UPDATE dossiers SET due_at = now() - interval '3 days' WHERE code = $1", overdue); err != nil {
		t.Fatal(err)
	}
	e.actOK(t, "desk.xuanloc", sent, "transfer", map[string]any{"to_office": baoHoa, "via": "hand"})

	// The desk's whole list: earliest appointment first, the overdue one marked in words,
	// the Gia Ray dossier absent, each row with the actions allowed now.
	all := e.page(t, "desk.xuanloc", "/mot-cua", nil)
	if all.status != http.StatusOK {
		t.Fatalf("work list: %d %s", all.status, all.body)
	}
	if got := all.rows(); len(got) != 3 || got[0] != overdue || !slices.Contains(got, sent) || !slices.Contains(got, anh) {
		t.Fatalf("the desk's list: %v", got)
	}
	if row := all.row(overdue); !strings.Contains(row, `class="overdue"`) || !strings.Contains(row, "Quá hạn ") {
		t.Errorf("the overdue row: %s", row)
	}
	if row := all.row(anh); strings.Contains(row, "overdue") || !strings.Contains(row, "Còn ") ||
		!strings.Contains(row, "Lê Thị Ánh") || !strings.Contains(row, "#action-transfer") {
		t.Errorf("a row within its deadline: %s", row)
	}
	if row := all.row(sent); !strings.Contains(row, "→ đến") || strings.Contains(row, "#action-accept") ||
		!strings.Contains(row, "#action-withdraw") {
		t.Errorf("the row sent on: %s", row)
	}
	if !strings.Contains(all.body, `id="tab-overdue"`) || !strings.Contains(all.body, "Quá hạn <span class=\"count\">(1)</span>") {
		t.Errorf("the overdue tab's count is missing")
	}

	for _, c := range []struct {
		user, query string
		want        []string
	}{
		{"desk.xuanloc", "tab=here", []string{overdue, anh}},
		{"desk.xuanloc", "tab=overdue", []string{overdue}},
		{"desk.xuanloc", "tab=incoming", nil},
		{"desk.xuanloc", "status=in_transit", []string{sent}},
		{"desk.xuanloc", "status=returned", nil},
		{"desk.xuanloc", "q=le+thi+anh", []string{anh}},
		{"desk.xuanloc", "q=" + url.QueryEscape(strings.ToLower(anh[len(anh)-9:])), []string{anh}},
		{"desk.xuanloc", "q=binh", nil},
		{"officer.baohoa", "", []string{sent}},
		{"officer.baohoa", "tab=incoming", []string{sent}},
		{"officer.baohoa", "tab=here", nil},
	} {
		p := e.page(t, c.user, "/mot-cua?"+c.query, nil)
		if p.status != http.StatusOK || !slices.Equal(p.rows(), c.want) {
			t.Errorf("%s %s: %d %v, want %v", c.user, c.query, p.status, p.rows(), c.want)
		}
		if len(c.want) == 0 && !strings.Contains(p.body, `id="list-empty"`) {
			t.Errorf("%s %s: no word that the list is empty", c.user, c.query)
		}
	}
	if row := e.page(t, "officer.baohoa", "/mot-cua?tab=incoming", nil).row(sent); !strings.Contains(row, "#action-accept") {
		t.Errorf("the office a dossier goes to is not offered to accept it: %s", row)
	}

	// In English.
	if p := e.page(t, "desk.xuanloc", "/mot-cua?lang=en", nil); !strings.Contains(p.body, "On the way here") ||
		!strings.Contains(p.row(overdue), "Overdue by ") || !strings.Contains(p.row(anh), "of working time left") {
		t.Errorf("the list in English: %s", p.row(overdue))
	}

	// Another office's list is refused; a filter it cannot read is told beside it.
	if p := e.page(t, "desk.xuanloc", "/mot-cua?office=000.01.16.H19", nil); p.status != http.StatusForbidden {
		t.Errorf("another office's list: %d", p.status)
	}
	if p := e.page(t, "desk.xuanloc", "/mot-cua?status=lost", nil); p.status != http.StatusUnprocessableEntity ||
		!strings.Contains(p.body, `id="list-status-error"`) || len(p.rows()) != 3 {
		t.Errorf("an unknown status: %d %v", p.status, p.rows())
	}
	long := strings.Repeat("ă", 101)
	if p := e.page(t, "desk.xuanloc", "/mot-cua?q="+long, nil); p.status != http.StatusUnprocessableEntity ||
		!strings.Contains(p.body, `id="list-q-error"`) || !strings.Contains(p.body, `value="`+long+`"`) || len(p.rows()) != 3 {
		t.Errorf("a search too long: %d %v", p.status, p.rows())
	}
	if p := e.page(t, "desk.xuanloc", "/mot-cua?after=nonsense", nil); p.status != http.StatusUnprocessableEntity ||
		!strings.Contains(p.body, "trang đầu") {
		t.Errorf("a cursor it cannot read: %d", p.status)
	}
	// The names shown are audited as reads of personal data.
	if n := e.count(t, "SELECT count(*) FROM personal_data_reads WHERE purpose = 'list' AND username = 'desk.xuanloc'"); n < 3 {
		t.Errorf("list reads audited: %d", n)
	}

	// Pages follow one another without a repeat or a gap.
	st := store.NewDossiers(e.DB, nil)
	seen := onePerPage(t, st, demo.DistrictDesk)
	if !slices.Equal(seen, all.rows()) {
		t.Errorf("page by page: %v, the whole list: %v", seen, all.rows())
	}
	// Dossiers sharing one appointment (ties on due_at) are neither skipped nor repeated
	// when a page ends among them: the id breaks the tie, in the query and in the cursor.
	if _, err := e.DB.Exec(ctx, "UPDATE dossiers SET due_at = date_trunc('hour', now()) + interval '2 days' WHERE current_office = $1 OR pending_office = $1", demo.DistrictDesk); err != nil {
		t.Fatal(err)
	}
	whole, _, err := st.WorkList(ctx, app.WorkListQuery{Office: demo.DistrictDesk, Which: app.TabAll, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	tied := onePerPage(t, st, demo.DistrictDesk)
	var wholeCodes []string
	for _, it := range whole {
		wholeCodes = append(wholeCodes, it.Code)
	}
	if len(wholeCodes) != 3 || !slices.Equal(tied, wholeCodes) {
		t.Errorf("page by page with one appointment: %v, the whole list: %v", tied, wholeCodes)
	}
	// On the pages, a list longer than a page links to the next one, which links back.
	if strings.Contains(all.body, `id="next-page"`) {
		t.Errorf("a next page after the last row")
	}
	for range 23 {
		e.registerAtDistrict(t)
	}
	first := e.page(t, "desk.xuanloc", "/mot-cua", nil)
	next := regexp.MustCompile(`id="next-page" href="([^"]+)"|href="([^"]+)" id="next-page"`).FindStringSubmatch(first.body)
	if len(first.rows()) != 25 || next == nil {
		t.Fatalf("a list of 26: %d rows, next page %v", len(first.rows()), next)
	}
	second := e.page(t, "desk.xuanloc", html.UnescapeString(next[1]+next[2]), nil)
	if got := second.rows(); len(got) != 1 || slices.Contains(first.rows(), got[0]) || !strings.Contains(second.body, `id="first-page"`) {
		t.Errorf("the second page: %v", got)
	}
}

func TestDossierPageErrors(t *testing.T) {
	e := start(t)
	code := e.registerAtDistrict(t).Code
	path := "/mot-cua/ho-so/" + code

	// A field to correct comes back beside the field, with what was typed.
	p := e.page(t, "desk.xuanloc", path+"/accept", url.Values{})
	if p.status != http.StatusSeeOther {
		t.Fatalf("accept: %d %s", p.status, p.body)
	}
	p = e.page(t, "desk.xuanloc", path+"/extend", url.Values{"new_due_at": {"2020-01-02T08:00"}, "reason": {"Chờ xác minh"}})
	if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, `id="extend-new_due_at-error"`) ||
		!strings.Contains(p.body, "Ngày hẹn mới phải sau ngày hẹn hiện tại") || !strings.Contains(p.body, ">Chờ xác minh</textarea>") ||
		!strings.Contains(p.body, `value="2020-01-02T08:00"`) {
		t.Errorf("an earlier appointment: %d %s", p.status, p.body)
	}
	p = e.page(t, "desk.xuanloc", path+"/request-supplement", url.Values{"items": {"Tờ khai"}})
	if p.status != http.StatusUnprocessableEntity || !strings.Contains(p.body, `id="request-supplement-reason-error"`) ||
		!strings.Contains(p.body, ">Tờ khai</textarea>") {
		t.Errorf("a supplement request without a reason: %d", p.status)
	}
	// An action the status does not allow says what is possible.
	p = e.page(t, "desk.xuanloc", path+"/return", url.Values{})
	if p.status != http.StatusConflict || !strings.Contains(p.body, "Bạn có thể: Chuyển hồ sơ, Yêu cầu bổ sung") {
		t.Errorf("return while processing: %d %s", p.status, p.body)
	}
	// Once sent to Bảo Hòa, only Bảo Hòa accepts it: the page says who may.
	e.actOK(t, "desk.xuanloc", code, "transfer", map[string]any{"to_office": baoHoa, "via": "hand"})
	p = e.page(t, "desk.xuanloc", path+"/accept", url.Values{})
	if p.status != http.StatusForbidden || !strings.Contains(p.body, "Chỉ cán bộ của") {
		t.Errorf("accept for another office: %d %s", p.status, p.body)
	}
	// A dossier of no office of the user reads as one that does not exist.
	if p := e.page(t, "desk.giaray", path, nil); p.status != http.StatusNotFound || !strings.Contains(p.body, "Không có hồ sơ với mã này") {
		t.Errorf("another office's dossier: %d", p.status)
	}
	if p := e.page(t, "desk.giaray", path+"/accept", url.Values{}); p.status != http.StatusNotFound {
		t.Errorf("an action on another office's dossier: %d", p.status)
	}
	if p := e.page(t, "desk.xuanloc", "/mot-cua/ho-so/000.00.16.H19-200101-9999", nil); p.status != http.StatusNotFound ||
		!strings.Contains(p.body, "Không có hồ sơ với mã này") {
		t.Errorf("no such dossier: %d", p.status)
	}
}

// onePerPage reads office's whole work list a dossier a page (five pages at the most),
// each page from the cursor the one before ended at, and returns the codes in order.
func onePerPage(t *testing.T, st *store.Dossiers, office string) []string {
	t.Helper()
	var codes []string
	q := app.WorkListQuery{Office: office, Which: app.TabAll, Limit: 1}
	for range 5 {
		items, more, err := st.WorkList(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			codes = append(codes, it.Code)
		}
		if !more {
			break
		}
		last := items[len(items)-1]
		q.After = &app.WorkCursor{DueAt: last.State.DueAt, ID: last.ID}
	}
	return codes
}
