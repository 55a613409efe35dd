package browser

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestCitizenJourney: a desk registers a dossier; the citizen opens the receipt's QR
// link and reads it, in Vietnamese and in English, and without JavaScript; a wrong PIN
// is told in words; once the result is returned the citizen rates the service.
func TestCitizenJourney(t *testing.T) {
	ctx, base, s := startJourney(t, 90*time.Second)

	receipt := s.register("2.000720", 1, nil)
	form := s.call("desk.xuanloc", http.MethodGet, "/api/v1/dossiers/"+url.PathEscape(receipt.Code)+"/forms/receipt", nil)
	m := receiptLink.FindString(html.UnescapeString(string(form.Body)))
	if form.Status != http.StatusOK || m == "" {
		t.Fatalf("no lookup link on the receipt: %d", form.Status)
	}
	link, err := url.Parse(m)
	if err != nil || link.Query().Get("code") != receipt.Code || link.Query().Get("pin") != receipt.LookupPIN {
		t.Fatalf("the receipt's link %q is not the dossier's lookup", m)
	}
	qr := base + link.RequestURI()
	s.awaitStatus(receipt.Code, "received")

	// The receipt's QR link, in Vietnamese.
	open(t, ctx, "open the receipt's link", qr, "#dossier-code")
	lang, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("html"), "lang"))
	if err != nil {
		t.Fatal(err)
	}
	if lang.Value != "vi" {
		t.Errorf("lang: %q, want %q", lang.Value, "vi")
	}
	expectShown(t, ctx, "the receipt's link",
		shown{"code", "#dossier-code", receipt.Code},
		shown{"procedure", "#procedure", "Đăng ký thành lập hộ kinh doanh (2.000720)"},
		shown{"status", "#status", "Đã tiếp nhận"},
		shown{"appointment", "#due", receipt.DueAt.In(time.FixedZone("ICT", 7*3600)).Format("15:04, 02/01/2006")},
		shown{"timing", "#timing", "Đang trong hạn"},
		shown{"first step", "#timeline > li:first-child .step", "Tiếp nhận hồ sơ"})
	if r := text(t, ctx, "#remaining"); !strings.HasPrefix(r, "Còn ") || !strings.HasSuffix(r, " giờ làm việc") {
		t.Errorf("time left: %q", r)
	}
	// Who has held it: the desk that holds it now, named as the page names it.
	expectShown(t, ctx, "who has held it",
		shown{"title", "#held-by-title", "Hồ sơ của bạn đã qua những tay nào"},
		shown{"holder now", "#held-by > li:last-child .step", text(t, ctx, "#office")})

	// The English switch keeps the dossier.
	switchLanguage(t, ctx, "en", "#dossier-code")
	expectShown(t, ctx, "in English",
		shown{"code", "#dossier-code", receipt.Code},
		shown{"status", "#status", "Received"},
		shown{"timing", "#timing", "Within the deadline"},
		shown{"first step", "#timeline > li:first-child .step", "Dossier received"},
		shown{"who has held it", "#held-by-title", "Who has held your dossier"},
		shown{"switch back", "#lang-switch", "Tiếng Việt"})

	// A wrong PIN typed in the form is told in words.
	wrong := "2345678923"
	if wrong == receipt.LookupPIN {
		wrong = "3456789234"
	}
	open(t, ctx, "open the home page", base+"/", "#code")
	submit(t, ctx, "look up with a wrong PIN", "#lookup", "#error",
		chromedp.SendKeys(chromedp.CSS("#code"), receipt.Code),
		chromedp.SendKeys(chromedp.CSS("#pin"), wrong))
	if msg := text(t, ctx, "#error"); !strings.Contains(msg, "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này") {
		t.Errorf("a wrong PIN shows %q", msg)
	}

	// Without JavaScript the form still finds the dossier.
	noJS, cancel := chromedp.NewContext(ctx)
	if _, err := chromedp.Call(noJS, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	open(t, noJS, "open the lookup without JavaScript", base+"/tra-cuu", "#code")
	submit(t, noJS, "look up without JavaScript", "#lookup", "#dossier-code",
		chromedp.SendKeys(chromedp.CSS("#code"), receipt.Code),
		chromedp.SendKeys(chromedp.CSS("#pin"), strings.ToLower(receipt.LookupPIN)))
	expectStatus(t, noJS, "without JavaScript", "Đã tiếp nhận")
	cancel()

	// The office decides, the desk hands the result back; the citizen rates.
	s.act("officer.xuanloc", receipt.Code, "accept", `{}`)
	s.act("officer.xuanloc", receipt.Code, "complete", `{"outcome":"approved","note":"Đủ điều kiện"}`)
	s.act("desk.xuanloc", receipt.Code, "return", `{}`)
	s.awaitStatus(receipt.Code, "returned")
	open(t, ctx, "open the returned dossier", qr, "#rating-form")
	expectStatus(t, ctx, "after the return", "Đã trả kết quả")
	expectShown(t, ctx, "after the return", shown{"last holder", "#held-by > li:last-child .step", "Bạn (người nộp hồ sơ)"})
	submit(t, ctx, "rate the service", "#rating-form", "#rating-outcome",
		chromedp.Click(chromedp.CSS("#score-5")),
		chromedp.Click(chromedp.CSS(`input[name="attitude"][value="5"]`)),
		chromedp.Click(chromedp.CSS(`input[name="on_time"][value="4"]`)),
		chromedp.SendKeys(chromedp.CSS("#trips"), "1"),
		chromedp.SetValue(chromedp.CSS("#comment"), "Cán bộ hướng dẫn tận tình"))
	if got := text(t, ctx, "#rating-outcome"); !strings.Contains(got, "Cảm ơn bạn đã đánh giá") {
		t.Errorf("after rating: %q", got)
	}
	screenshots(t, ctx, "citizen")
}
