package browser

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/services/intake/demo"
)

// TestOfficerJourney: the desk hands a land dossier to the land office by hand from its
// work list; the processing officer finds it on the way there, accepts it, asks for a
// supplement (form 02), records it, extends with an apology (form 04) and completes it,
// and sends the result back; the desk accepts and returns it, and the citizen sees it
// returned. At every step the dossier shows the actions the rules allow, and no other.
func TestOfficerJourney(t *testing.T) {
	ctx, base, s := startJourney(t, 150*time.Second)

	// The desk registers a land-use change, decided by the land office.
	receipt := s.register("1.004227", 7, func(request map[string]any) {
		request["handling_office"] = demo.LandOffice
		request["applicant"].(map[string]any)["full_name"] = "Trần Thị Hoà"
	})
	code := receipt.Code
	row := `tr[id="row-` + code + `"]`
	dossierURL := base + "/mot-cua/ho-so/" + url.PathEscape(code)

	// The desk finds it on its list by the applicant's name typed without accents, and
	// hands it to the land office by hand.
	signIn(t, ctx, base, "desk.xuanloc", "#list-title")
	submit(t, ctx, "find the dossier by name", "#list-filter", row,
		chromedp.SendKeys(chromedp.CSS("#list-q"), "tran thi hoa"))
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
	actOnPage(t, ctx, "transfer",
		chromedp.SetValue(chromedp.CSS("#transfer-via"), "hand"),
		chromedp.SendKeys(chromedp.CSS("#transfer-note"), "Bàn giao trực tiếp"))
	if got := text(t, ctx, "#pending"); !strings.Contains(got, "Văn phòng Đăng ký đất đai") {
		t.Errorf("after the transfer, on its way to %q", got)
	}
	expectActions(t, ctx, "sent, for the desk", "withdraw")
	signOut(t, ctx)

	// The officer of the land office finds it on the way there.
	signIn(t, ctx, base, "officer.xuanloc", "#list-title")
	submit(t, ctx, "show the land office's list", "#list-filter", "#list-title",
		chromedp.SetValue(chromedp.CSS("#list-office"), demo.LandOffice))
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
	expectStatus(t, ctx, "after accept", "Đang xử lý")
	expectActions(t, ctx, "processing", "transfer", "request-supplement", "request-payment", "extend", "complete",
		"refuse", "stop", "withdraw")
	expectPrints(t, ctx, "processing", "receipt", "control-slip")

	// A supplement request without a reason comes back with the message beside the
	// field and the items kept; with it, the dossier waits and form 02 is printable.
	submit(t, ctx, "request a supplement without a reason", "#action-request-supplement", "#request-supplement-reason-error",
		chromedp.SendKeys(chromedp.CSS("#request-supplement-items"), "Bản sao sổ hộ khẩu\nTrích lục bản đồ thửa đất"))
	if got := formValue(t, ctx, "#request-supplement-items"); got != "Bản sao sổ hộ khẩu\nTrích lục bản đồ thửa đất" {
		t.Errorf("the items came back as %q", got)
	}
	if got := text(t, ctx, "#request-supplement-reason-error"); !strings.Contains(got, "Hãy ghi lý do") {
		t.Errorf("a missing reason shows %q", got)
	}
	actOnPage(t, ctx, "request-supplement",
		chromedp.SendKeys(chromedp.CSS("#request-supplement-reason"), "Thiếu giấy tờ chứng minh nguồn gốc đất"))
	expectStatus(t, ctx, "after request-supplement", "Chờ bổ sung hồ sơ")
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
	open(t, ctx, "back to the dossier", dossierURL, "#action-supplement")
	if n := count(t, ctx, "#notice"); n != 0 {
		t.Fatalf("a notice on the dossier opened again: %d", n)
	}

	// The office holding the dossier records the supplement the citizen brought.
	actOnPage(t, ctx, "supplement", chromedp.SendKeys(chromedp.CSS("#supplement-note"), "Công dân đã nộp đủ"))
	expectStatus(t, ctx, "after supplement", "Đang xử lý")

	// An extension to a date before the appointment is refused beside the field, the
	// reason kept; a later one moves the appointment and makes form 04 printable.
	due := s.dossierDue(code)
	submit(t, ctx, "extend to an earlier date", "#action-extend", "#extend-new_due_at-error",
		chromedp.SetValue(chromedp.CSS("#extend-new_due_at"), due.Add(-time.Hour).Format("2006-01-02T15:04")),
		chromedp.SendKeys(chromedp.CSS("#extend-reason"), "Cần xác minh thực địa"))
	if got := text(t, ctx, "#extend-new_due_at-error"); !strings.Contains(got, "phải sau ngày hẹn hiện tại") {
		t.Errorf("an earlier appointment shows %q", got)
	}
	if got := formValue(t, ctx, "#extend-reason"); got != "Cần xác minh thực địa" {
		t.Errorf("the reason came back as %q", got)
	}
	later := due.AddDate(0, 0, 7)
	actOnPage(t, ctx, "extend", chromedp.SetValue(chromedp.CSS("#extend-new_due_at"), later.Format("2006-01-02T15:04")))
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
	open(t, ctx, "back to the dossier", dossierURL, "#action-complete")

	// Completing asks for the outcome; approved, the result goes back to the desk.
	submit(t, ctx, "complete without an outcome", "#action-complete", "#complete-outcome-error")
	actOnPage(t, ctx, "complete", chromedp.SetValue(chromedp.CSS("#complete-outcome"), "approved"),
		chromedp.SendKeys(chromedp.CSS("#complete-note"), "Đủ điều kiện"))
	expectStatus(t, ctx, "after complete", "Đã có kết quả")
	expectActions(t, ctx, "processed at the land office", "transfer", "return")
	if got := formValue(t, ctx, "#transfer-to_office"); got != demo.DistrictDesk {
		t.Errorf("the result's transfer suggests %q, want the desk %s", got, demo.DistrictDesk)
	}
	actOnPage(t, ctx, "transfer")
	expectStatus(t, ctx, "after transfer", "Đang chuyển kết quả")
	signOut(t, ctx)

	// The desk accepts the result from its list and hands it to the citizen.
	signIn(t, ctx, base, "desk.xuanloc", "#list-title")
	follow(t, ctx, "the results on the way", "#tab-incoming", `#tab-incoming[aria-current="page"]`)
	follow(t, ctx, "open the result", row+" a.code", "#dossier-code")
	expectActions(t, ctx, "result on its way to the desk", "accept")
	actOnPage(t, ctx, "accept")
	expectActions(t, ctx, "result at the desk", "transfer", "return")
	actOnPage(t, ctx, "return")
	expectStatus(t, ctx, "after return", "Đã trả kết quả")
	expectActions(t, ctx, "returned")
	if got := text(t, ctx, "#steps > li:last-child .step"); got != "Trả kết quả" {
		t.Errorf("last step %q", got)
	}
	screenshots(t, ctx, "officer-dossier")

	// The citizen sees it returned.
	s.awaitStatus(code, "returned")
	q := url.Values{"code": {code}, "pin": {receipt.LookupPIN}}
	open(t, ctx, "the citizen's page", base+"/tra-cuu?"+q.Encode(), "#timeline")
	expectStatus(t, ctx, "on the citizen's page", "Đã trả kết quả")
}
