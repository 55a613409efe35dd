package browser

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/services/allinone/cluster"
	"github.com/motcua/motcua/services/intake/demo"
)

// TestOfficerJourney: the desk hands a land dossier to the land office by hand from its
// work list; the processing officer finds it on the way there, accepts it, asks for a
// supplement (form 02), records it, extends with an apology (form 04) and completes it,
// and sends the result back; the desk accepts and returns it, and the citizen sees it
// returned. At every step the dossier shows the actions the rules allow, and no other.
func TestOfficerJourney(t *testing.T) {
	start := time.Now()
	addr := serve(t)
	base := "http://" + addr
	s := &staff{t: t, c: cluster.NewClient(2), addr: addr, tokens: map[string]string{}}
	ctx := newBrowser(t, 150*time.Second)

	// The desk registers a land-use change, decided by the land office.
	var reg map[string]any
	if err := json.Unmarshal(cluster.Registration(demo.DistrictDesk, "1.004227", 7), &reg); err != nil {
		t.Fatal(err)
	}
	reg["handling_office"] = demo.LandOffice
	reg["applicant"].(map[string]any)["full_name"] = "Trần Thị Hoà"
	body, _ := json.Marshal(reg)
	receipt, status, err := s.c.Register(context.Background(), addr, s.token("desk.xuanloc"), "", body)
	if err != nil || status != http.StatusCreated {
		t.Fatalf("register: %d %v", status, err)
	}
	code := receipt.Code
	row := `tr[id="row-` + code + `"]`
	dossierURL := base + "/mot-cua/ho-so/" + url.PathEscape(code)

	// The desk finds it on its list by the applicant's name typed without accents, and
	// hands it to the land office by hand.
	signIn(t, ctx, base, "desk.xuanloc", "#list-title")
	step(t, ctx, "type the name", chromedp.SendKeys(chromedp.CSS("#list-q"), "tran thi hoa"))
	follow(t, ctx, "find the dossier by name", `#list-filter button[type="submit"]`, row)
	if got := text(t, ctx, row+" .applicant"); got != "Trần Thị Hoà" {
		t.Errorf("the list shows the applicant as %q", got)
	}
	if got := text(t, ctx, row+" .status"); got != "Đã tiếp nhận" {
		t.Errorf("the list shows the status %q", got)
	}
	if got := text(t, ctx, row+" .time"); !strings.HasPrefix(got, "Còn ") || !strings.HasSuffix(got, " làm việc") {
		t.Errorf("the list shows the time left as %q", got)
	}
	follow(t, ctx, "open the dossier", row+" a.code", "#dossier-code")
	expectActions(t, ctx, "received, at the desk", "transfer", "accept", "refuse", "withdraw")
	if got := formValue(t, ctx, "#transfer-to_office"); got != demo.LandOffice {
		t.Errorf("the transfer suggests %q, want the deciding office %s", got, demo.LandOffice)
	}
	step(t, ctx, "fill the transfer",
		chromedp.SetValue(chromedp.CSS("#transfer-via"), "hand"),
		chromedp.SendKeys(chromedp.CSS("#transfer-note"), "Bàn giao trực tiếp"))
	actOnPage(t, ctx, "transfer")
	if got := text(t, ctx, "#pending"); !strings.Contains(got, "Văn phòng Đăng ký đất đai") {
		t.Errorf("after the transfer, on its way to %q", got)
	}
	expectActions(t, ctx, "sent, for the desk", "withdraw")
	follow(t, ctx, "sign out the desk", "#signout button", "#signin-form")

	// The officer of the land office finds it on the way there.
	signIn(t, ctx, base, "officer.xuanloc", "#list-title")
	step(t, ctx, "choose the land office", chromedp.SetValue(chromedp.CSS("#list-office"), demo.LandOffice))
	follow(t, ctx, "show the land office's list", `#list-filter button[type="submit"]`, "#list-title")
	if got := formValue(t, ctx, "#list-office"); got != demo.LandOffice {
		t.Fatalf("the list shows the office %q", got)
	}
	follow(t, ctx, "the dossiers on their way", "#tab-incoming", `#tab-incoming[aria-current="page"]`)
	step(t, ctx, "find the dossier on its way", chromedp.WaitVisible(chromedp.CSS(row)))
	if got := text(t, ctx, row+" .next"); !strings.Contains(got, "Nhận hồ sơ để giải quyết") {
		t.Errorf("the list offers %q for a dossier on its way here", got)
	}
	if got := text(t, ctx, "#tab-incoming .count"); got != "(1)" {
		t.Errorf("on the way here: %s", got)
	}
	screenshots(t, ctx, "officer-list")
	follow(t, ctx, "open it from the list", row+" a.code", "#dossier-code")
	// officer.xuanloc also belongs to the district desk, which still holds the papers.
	expectActions(t, ctx, "on its way to the land office", "accept", "withdraw")
	actOnPage(t, ctx, "accept")
	expectPageStatus(t, ctx, "Đang xử lý")
	expectActions(t, ctx, "processing", "transfer", "request-supplement", "request-payment", "extend", "complete",
		"refuse", "stop", "withdraw")
	expectPrints(t, ctx, "processing", "receipt", "control-slip")

	// A supplement request without a reason comes back with the message beside the
	// field and the items kept; with it, the dossier waits and form 02 is printable.
	step(t, ctx, "list the missing papers",
		chromedp.SendKeys(chromedp.CSS("#request-supplement-items"), "Bản sao sổ hộ khẩu\nTrích lục bản đồ thửa đất"))
	follow(t, ctx, "request a supplement without a reason", `#action-request-supplement button[type="submit"]`,
		"#request-supplement-reason-error")
	if got := formValue(t, ctx, "#request-supplement-items"); got != "Bản sao sổ hộ khẩu\nTrích lục bản đồ thửa đất" {
		t.Errorf("the items came back as %q", got)
	}
	if got := text(t, ctx, "#request-supplement-reason-error"); !strings.Contains(got, "Hãy ghi lý do") {
		t.Errorf("a missing reason shows %q", got)
	}
	step(t, ctx, "give the reason",
		chromedp.SendKeys(chromedp.CSS("#request-supplement-reason"), "Thiếu giấy tờ chứng minh nguồn gốc đất"))
	actOnPage(t, ctx, "request-supplement")
	expectPageStatus(t, ctx, "Chờ bổ sung hồ sơ")
	expectActions(t, ctx, "waiting for the supplement", "supplement", "stop", "withdraw")
	expectPrints(t, ctx, "supplement requested", "receipt", "supplement-request", "control-slip")
	if got := text(t, ctx, "#notice"); !strings.Contains(got, "Mẫu 02") {
		t.Errorf("after the request the notice says %q", got)
	}
	if got := text(t, ctx, "#timing"); !strings.Contains(got, "tạm dừng") {
		t.Errorf("while waiting, the time shows %q", got)
	}
	printed := printForm(t, ctx, "supplement-request")
	for _, want := range []string{"Trích lục bản đồ thửa đất", "Thiếu giấy tờ chứng minh nguồn gốc đất", code} {
		if !strings.Contains(printed, want) {
			t.Errorf("form 02 does not show %q", want)
		}
	}
	step(t, ctx, "back to the dossier", chromedp.Navigate(dossierURL), chromedp.WaitVisible(chromedp.CSS("#action-supplement")))
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#notice').length`)); err != nil || n != 0 {
		t.Fatalf("a notice on the dossier opened again: %d %v", n, err)
	}

	// The office holding the dossier records the supplement the citizen brought.
	step(t, ctx, "note the supplement", chromedp.SendKeys(chromedp.CSS("#supplement-note"), "Công dân đã nộp đủ"))
	actOnPage(t, ctx, "supplement")
	expectPageStatus(t, ctx, "Đang xử lý")

	// An extension to a date before the appointment is refused beside the field, the
	// reason kept; a later one moves the appointment and makes form 04 printable.
	due := s.dossierDue(code)
	step(t, ctx, "fill the extension with an earlier date",
		chromedp.SetValue(chromedp.CSS("#extend-new_due_at"), due.Add(-time.Hour).Format("2006-01-02T15:04")),
		chromedp.SendKeys(chromedp.CSS("#extend-reason"), "Cần xác minh thực địa"))
	follow(t, ctx, "extend to an earlier date", `#action-extend button[type="submit"]`, "#extend-new_due_at-error")
	if got := text(t, ctx, "#extend-new_due_at-error"); !strings.Contains(got, "phải sau ngày hẹn hiện tại") {
		t.Errorf("an earlier appointment shows %q", got)
	}
	if got := formValue(t, ctx, "#extend-reason"); got != "Cần xác minh thực địa" {
		t.Errorf("the reason came back as %q", got)
	}
	later := due.AddDate(0, 0, 7)
	step(t, ctx, "extend with an apology",
		chromedp.SetValue(chromedp.CSS("#extend-new_due_at"), later.Format("2006-01-02T15:04")))
	actOnPage(t, ctx, "extend")
	if got, want := text(t, ctx, "#due"), later.Format("15:04, 02/01/2006"); got != want {
		t.Errorf("after the extension the appointment is %q, want %q", got, want)
	}
	expectPrints(t, ctx, "extended", "receipt", "supplement-request", "apology", "control-slip")
	printed = printForm(t, ctx, "apology")
	for _, want := range []string{"Cần xác minh thực địa", later.Format("15 giờ 04 phút, ngày 02 tháng 01 năm 2006")} {
		if !strings.Contains(printed, want) {
			t.Errorf("form 04 does not show %q", want)
		}
	}
	step(t, ctx, "back to the dossier", chromedp.Navigate(dossierURL), chromedp.WaitVisible(chromedp.CSS("#action-complete")))

	// Completing asks for the outcome; approved, the result goes back to the desk.
	follow(t, ctx, "complete without an outcome", `#action-complete button[type="submit"]`, "#complete-outcome-error")
	step(t, ctx, "approve", chromedp.SetValue(chromedp.CSS("#complete-outcome"), "approved"),
		chromedp.SendKeys(chromedp.CSS("#complete-note"), "Đủ điều kiện"))
	actOnPage(t, ctx, "complete")
	expectPageStatus(t, ctx, "Đã có kết quả")
	expectActions(t, ctx, "processed at the land office", "transfer", "return")
	if got := formValue(t, ctx, "#transfer-to_office"); got != demo.DistrictDesk {
		t.Errorf("the result's transfer suggests %q, want the desk %s", got, demo.DistrictDesk)
	}
	actOnPage(t, ctx, "transfer")
	expectPageStatus(t, ctx, "Đang chuyển kết quả")
	follow(t, ctx, "sign out the officer", "#signout button", "#signin-form")

	// The desk accepts the result from its list and hands it to the citizen.
	signIn(t, ctx, base, "desk.xuanloc", "#list-title")
	follow(t, ctx, "the results on the way", "#tab-incoming", `#tab-incoming[aria-current="page"]`)
	follow(t, ctx, "open the result", row+" a.code", "#dossier-code")
	expectActions(t, ctx, "result on its way to the desk", "accept")
	actOnPage(t, ctx, "accept")
	expectActions(t, ctx, "result at the desk", "transfer", "return")
	actOnPage(t, ctx, "return")
	expectPageStatus(t, ctx, "Đã trả kết quả")
	expectActions(t, ctx, "returned")
	if got := text(t, ctx, "#steps > li:last-child .step"); got != "Trả kết quả" {
		t.Errorf("last step %q", got)
	}
	screenshots(t, ctx, "officer-dossier")

	// The citizen sees it returned.
	s.awaitStatus(code, "returned")
	q := url.Values{"code": {code}, "pin": {receipt.LookupPIN}}
	step(t, ctx, "the citizen's page", chromedp.Navigate(base+"/tra-cuu?"+q.Encode()),
		chromedp.WaitVisible(chromedp.CSS("#timeline")))
	if got := text(t, ctx, "#status"); got != "Đã trả kết quả" {
		t.Errorf("the citizen sees %q", got)
	}
	t.Logf("journey took %v", time.Since(start).Round(time.Millisecond))
}

// dossierDue is the dossier's appointment now, in the offices' zone, read through the API.
func (s *staff) dossierDue(code string) time.Time {
	s.t.Helper()
	a := s.call("officer.xuanloc", http.MethodGet, "/api/v1/dossiers/"+url.PathEscape(code), nil)
	var d struct {
		DueAt time.Time `json:"due_at"`
	}
	if a.Status != http.StatusOK || json.Unmarshal(a.Body, &d) != nil {
		s.t.Fatalf("read %s: %d %s", code, a.Status, a.Body)
	}
	return d.DueAt.In(time.FixedZone("ICT", 7*3600))
}

// actOnPage submits the action's form on the dossier page and waits for the page that says
// it is done.
func actOnPage(t *testing.T, ctx context.Context, action string) {
	t.Helper()
	follow(t, ctx, action, `#action-`+action+` button[type="submit"]`, "#notice")
	if errs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('#error, .field-error')].map(e => e.textContent.trim())`)); err != nil || len(errs) > 0 {
		t.Fatalf("%s: errors on the page: %q %v", action, errs, err)
	}
}

// expectActions checks that the dossier page offers exactly the forms of want.
func expectActions(t *testing.T, ctx context.Context, when string, want ...string) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('.actions form')].map(f => f.id.replace(/^action-/, ''))`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Errorf("%s: the page offers %q, want %q", when, got, want)
	}
}

// expectPrints checks that the dossier page offers exactly the printable forms of want.
func expectPrints(t *testing.T, ctx context.Context, when string, want ...string) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('#prints a:not(.pdf)')].map(a => a.getAttribute('href').split('/in/')[1])`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: the page prints %q, want %q", when, got, want)
	}
}

func expectPageStatus(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	if got := text(t, ctx, "#status"); got != want {
		t.Errorf("status %q, want %q", got, want)
	}
}

// printForm follows the dossier page's link to form and returns the printed page's text.
func printForm(t *testing.T, ctx context.Context, form string) string {
	t.Helper()
	follow(t, ctx, "print "+form, `#prints a[href$="/in/`+form+`"]`, "body")
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + '\n' + document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s, "/in/"+form) {
		t.Fatalf("print %s opened %q", form, strings.SplitN(s, "\n", 2)[0])
	}
	return s
}

// follow clicks the element matching click and waits for the next page to show one
// matching landed.
func follow(t *testing.T, ctx context.Context, what, click, landed string) {
	t.Helper()
	step(t, ctx, what, clickLoad(click), chromedp.WaitVisible(chromedp.CSS(landed)))
}

// formValue is the value of the form control matching the CSS selector sel.
func formValue(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("value of %s: %v", sel, err)
	}
	return v
}
