package browser

import (
	"html"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/services/intake/demo"
)

// TestDeskJourney: the desk signs in on the pages, finds the procedure by typing its
// name without accents, registers a dossier through the form, prints the receipt with
// its QR code, follows the citizen's link the code holds, and back on the dossier takes
// the action the rules allow (accept) and sees the new status.
func TestDeskJourney(t *testing.T) {
	ctx, base, s := startJourney(t, 90*time.Second)

	// Without a session the desk's pages send to the sign-in, which comes back.
	open(t, ctx, "open the desk without a session", base+"/mot-cua/tiep-nhan", "#signin-form")
	submit(t, ctx, "sign in with a wrong password", "#signin-form", "#error",
		chromedp.SendKeys(chromedp.CSS("#username"), "desk.xuanloc"),
		chromedp.SendKeys(chromedp.CSS("#password"), "not-the-password"))
	if msg := text(t, ctx, "#error"); !strings.Contains(msg, "Sai tên đăng nhập hoặc mật khẩu") {
		t.Errorf("a wrong password shows %q", msg)
	}
	submit(t, ctx, "sign in", "#signin-form", "#register-form",
		chromedp.SetValue(chromedp.CSS("#password"), demo.Password))

	// The picker finds "hộ kinh doanh" typed without accents.
	submit(t, ctx, "find the procedure", "#find-form", `a[href="/mot-cua/tiep-nhan"]`,
		chromedp.SendKeys(chromedp.CSS("#q"), "ho kinh doanh"))
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('#procedure_code option')].filter(o => o.value).map(o => o.value + ' ' + o.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(found, "2.000720 Đăng ký thành lập hộ kinh doanh (2.000720)") {
		t.Errorf("typing 'ho kinh doanh' offers %v", found)
	}
	for _, f := range found {
		if !strings.Contains(f, "hộ kinh doanh") {
			t.Errorf("typing 'ho kinh doanh' also offers %q", f)
		}
	}
	step(t, ctx, "fill the registration",
		chromedp.SetValue(chromedp.CSS("#procedure_code"), "2.000720"),
		chromedp.SendKeys(chromedp.CSS("#id_number"), "075190001234"),
		chromedp.SendKeys(chromedp.CSS("#phone"), "0912 345 678"),
		chromedp.SendKeys(chromedp.CSS("#address"), "Ấp 1, xã Xuân Hiệp, huyện Xuân Lộc"),
		chromedp.SendKeys(chromedp.CSS("#doc_name_0"), "Giấy đề nghị đăng ký hộ kinh doanh"),
		chromedp.SetValue(chromedp.CSS("#doc_kind_0"), "original"),
		chromedp.SendKeys(chromedp.CSS("#doc_name_1"), "Bản sao căn cước công dân"),
		chromedp.SendKeys(chromedp.CSS("#fee_paid_vnd"), "100000"),
		chromedp.SendKeys(chromedp.CSS("#fee_receipt_number"), "BL-0001"))
	// Without the applicant's name the form comes back, the message beside the field
	// and what was typed kept.
	submit(t, ctx, "register without a name", "#register-form", "#full_name-error")
	if msg := text(t, ctx, "#full_name-error"); msg != "Mục này bắt buộc." {
		t.Errorf("a missing name shows %q", msg)
	}
	kept, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`['procedure_code','id_number','doc_name_0','doc_kind_0','fee_receipt_number'].map(id => document.getElementById(id).value)`))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"2.000720", "075190001234", "Giấy đề nghị đăng ký hộ kinh doanh", "original", "BL-0001"}; !slices.Equal(kept, want) {
		t.Errorf("the form came back with %q, want %q", kept, want)
	}
	step(t, ctx, "name the applicant", chromedp.SendKeys(chromedp.CSS("#full_name"), "Nguyễn Thị Lan"))
	screenshots(t, ctx, "desk-register")
	submit(t, ctx, "register", "#register-form", "#dossier-code")
	code := text(t, ctx, "#dossier-code")
	if !strings.HasPrefix(code, demo.DistrictDesk+"-") {
		t.Fatalf("registered dossier code %q", code)
	}
	expectStatus(t, ctx, "after registering", "Đã tiếp nhận")
	dossierURL := base + "/mot-cua/ho-so/" + url.PathEscape(code)

	// The printed receipt shows the code and the QR code, whose link opens the dossier
	// on the citizen's page.
	follow(t, ctx, "print the receipt", `#prints a[href$="/in/receipt"]`, `img[src^="data:image/png"]`)
	page, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("html")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, code) {
		t.Errorf("the receipt does not show the code %s", code)
	}
	m := receiptLink.FindString(html.UnescapeString(page))
	link, err := url.Parse(m)
	if m == "" || err != nil || link.Query().Get("code") != code {
		t.Fatalf("the receipt's link %q is not the dossier's lookup", m)
	}
	s.awaitStatus(code, "received")
	open(t, ctx, "open the citizen's link", base+link.RequestURI(), "#timeline")
	if got := text(t, ctx, "#dossier-code"); got != code {
		t.Errorf("the citizen's page shows %q, want %s", got, code)
	}

	// Back on the desk's page, the desk accepts the dossier for its office.
	open(t, ctx, "back to the dossier", dossierURL, "#action-accept")
	if n := count(t, ctx, "#notice"); n != 0 {
		t.Fatalf("a notice before acting: %d", n)
	}
	submit(t, ctx, "accept", "#action-accept", "#notice")
	if got := text(t, ctx, "#status"); got == "Đã tiếp nhận" || got == "" {
		t.Errorf("after accepting: status %q", got)
	}
	if got := text(t, ctx, "#steps > li:last-child .step"); got != "Nhận hồ sơ để giải quyết" {
		t.Errorf("last step %q", got)
	}
	screenshots(t, ctx, "desk-dossier")

	// The English switch keeps the dossier, and the language, until switched back.
	switchLanguage(t, ctx, "en", "#dossier-code")
	expectStatus(t, ctx, "in English", "Processing")
	open(t, ctx, "the home page in English", base+"/mot-cua", `html[lang="en"] #open-form`)
	signOut(t, ctx)
	open(t, ctx, "the dossier after signing out", dossierURL, "#signin-form")
}
