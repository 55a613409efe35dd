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

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// counterWorker is the worker of Bảo Hòa's postal point in the demo, which takes
// dossiers at its counter for the authorities.
const counterWorker = "postal.baohoa"

// fitsThePhone checks that nothing of the page is wider than the phone's screen: on a
// phone emulated, the window widens to the page's content, so the page is measured
// against the screen's width its viewport meta names (the root's client width).
func fitsThePhone(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	w, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](
		`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
	if err != nil || len(w) != 2 {
		t.Fatalf("measure %s: %v %v", page, w, err)
	}
	if w[1] != 360 || w[0] > w[1] {
		t.Errorf("%s is %d px wide on a phone of %d px (want 360)", page, w[0], w[1])
	}
}

// TestCounterJourney: on a 360-px phone, the worker of Bảo Hòa's postal point signs in
// and opens the counter; finds the household business registration by words typed
// without accents and chooses it: the checklist of its documents with the required
// ones ticked, its fee, the usual postage, the district desk (the one that receives
// it) and the result collected back at the postal point. Sent without a seal, the form
// comes back with the message beside the seal and what was typed kept; with the seal,
// the page shows the dossier's code, its PIN and the pickup's EC number, with the
// dispatch slip to print, which shows them and the seal, and its PDF, shown in the
// tab. The counter reads in English too. The desk then finds the dossier submitted by
// post. Nothing is wider than the phone, and every page visited passes the
// accessibility checks.
func TestCounterJourney(t *testing.T) {
	ctx, base, s := startJourney(t, 120*time.Second)
	onPhone(t, ctx)
	signIn(t, ctx, base, counterWorker, "#day-form")
	follow(t, ctx, "open the counter from the run sheet", "#counter-link", "#find-form")

	proc := `#procedures a[href$="thu-tuc=2.000720"]`
	submit(t, ctx, "find the procedure without accents", "#find-form", proc,
		chromedp.SendKeys(chromedp.CSS("#q"), "ho kinh doanh"))
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#procedures a')].map(a => a.textContent)`))
	if err != nil || len(found) == 0 {
		t.Fatalf("the procedures found: %v %v", found, err)
	}
	for _, f := range found {
		if !strings.Contains(f, "hộ kinh doanh") {
			t.Errorf("typing 'ho kinh doanh' also offers %q", f)
		}
	}
	fitsThePhone(t, ctx, "the procedures found")
	follow(t, ctx, "choose the procedure", proc, "#counter-form")
	fitsThePhone(t, ctx, "the counter's form")

	// The checklist, the fee and the postage come from the catalogue; the district desk
	// is the one desk that receives the district's procedure.
	ticked, err := chromedp.Run(ctx, chromedp.Evaluate[[]bool](`[...document.querySelectorAll('#documents input[name=doc]')].map(c => c.checked)`))
	if err != nil || !slices.Equal(ticked, []bool{true, true, false, false}) {
		t.Errorf("the checklist of 2.000720 is ticked %v, want its two required papers (%v)", ticked, err)
	}
	expectShown(t, ctx, "the counter's form",
		shown{"procedure", "#procedure", "Đăng ký thành lập hộ kinh doanh (2.000720)"},
		shown{"fee", "#procedure-fee", "Phí, lệ phí theo thủ tục: 100.000 ₫"},
		shown{"post office", "#post-office", "Bưu cục tiếp nhận: Điểm Bưu điện - Văn hóa xã Bảo Hòa"})
	for sel, want := range map[string]string{"#receiving_office": demo.DistrictDesk, "#fee_paid_vnd": "100.000",
		"#postage_vnd": "26.000", `input[name=delivery]:checked`: "post_office"} {
		if got := formValue(t, ctx, sel); got != want {
			t.Errorf("the counter's form: %s is %q, want %q", sel, got, want)
		}
	}

	step(t, ctx, "fill the applicant",
		chromedp.SendKeys(chromedp.CSS("#full_name"), "Lê Văn Cường"),
		chromedp.SendKeys(chromedp.CSS("#id_number"), "075123456781"),
		chromedp.SendKeys(chromedp.CSS("#phone"), "0912 345 679"),
		chromedp.SendKeys(chromedp.CSS("#address"), "Ấp 3, xã Bảo Hòa, huyện Xuân Lộc"))
	submit(t, ctx, "take the dossier without a seal", "#counter-form", "#seal_number-error")
	if got := text(t, ctx, "#seal_number-error"); !strings.HasPrefix(got, "Nhập số niêm phong") {
		t.Errorf("a missing seal shows %q", got)
	}
	if got := formValue(t, ctx, "#full_name"); got != "Lê Văn Cường" {
		t.Errorf("the form came back with the name %q", got)
	}
	fitsThePhone(t, ctx, "the form back with its message")
	step(t, ctx, "give the seal", chromedp.SendKeys(chromedp.CSS("#seal_number"), "NP-2026-000451"))
	screenshots(t, ctx, "counter-form")
	onPhone(t, ctx)

	submit(t, ctx, "take the dossier", "#counter-form", "#dossier-code")
	code, pin, tracking := text(t, ctx, "#dossier-code"), text(t, ctx, "#lookup-pin"), text(t, ctx, "#tracking-number")
	tn, err := s10.Parse(tracking)
	if !strings.HasPrefix(code, demo.DistrictDesk+"-") || len(pin) < 6 || err != nil || tn.Service() != s10.ServiceFromCounter ||
		!strings.HasPrefix(tracking, "EC") {
		t.Fatalf("the dossier taken: code %q, PIN %q, pickup %q (%v)", code, pin, tracking, err)
	}
	if got := text(t, ctx, "#notice"); !strings.Contains(got, "in phiếu gửi") {
		t.Errorf("the notice after taking the dossier: %q", got)
	}
	fitsThePhone(t, ctx, "the dossier taken")
	screenshots(t, ctx, "counter-done")
	onPhone(t, ctx)

	pdf, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('slip-pdf').href`))
	if err != nil || !strings.HasSuffix(pdf, "/buu-chinh/quay/"+code+"/phieu-gui?format=pdf") {
		t.Errorf("the PDF's link: %q %v", pdf, err)
	}
	follow(t, ctx, "print the dispatch slip", "#slip-link", "main.sheet h1")
	slip, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main.sheet")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{code, pin, tracking, "NP-2026-000451", "Lê Văn Cường"} {
		if !strings.Contains(slip, want) {
			t.Errorf("the dispatch slip does not show %q", want)
		}
	}
	if strings.Contains(slip, "075123456781") {
		t.Error("the dispatch slip shows the applicant's ID number")
	}
	checkAccessible(t, ctx, "the dispatch slip")
	// Its PDF shows in the tab, in place.
	step(t, ctx, "open the dispatch slip as PDF", chromedp.Navigate(pdf))
	waitfor.Until(t, "the PDF of the slip shown in the tab", func() bool {
		inPlace, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
			`document.contentType === 'application/pdf' && location.search === '?format=pdf'`))
		return err == nil && inPlace
	})

	// The counter in English, until switched back.
	open(t, ctx, "back to the counter", base+"/buu-chinh/quay?thu-tuc=2.000720", "#counter-form")
	switchLanguage(t, ctx, "en", "#counter-form")
	expectShown(t, ctx, "the counter in English", shown{"title", "h1", "Take a dossier at the post office"},
		shown{"submit", "#counter-form button[type=submit]", "Take the dossier"})
	switchLanguage(t, ctx, "vi", "#counter-form")
	signOut(t, ctx)

	// The desk knows the dossier, submitted by post, waiting for the post to bring it.
	a := s.call("desk.xuanloc", http.MethodGet, "/api/v1/dossiers/"+url.PathEscape(code), nil)
	var d struct {
		Status  string `json:"status"`
		Channel string `json:"channel"`
	}
	if a.Status != http.StatusOK || json.Unmarshal(a.Body, &d) != nil || d.Status != "submitted" || d.Channel != "post" {
		t.Errorf("the desk reads the dossier taken at the counter: %d %s", a.Status, a.Body)
	}
}
