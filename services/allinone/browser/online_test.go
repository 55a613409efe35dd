package browser

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// onPhone has the tab of ctx show pages as a 360-px phone does.
func onPhone(t *testing.T, ctx context.Context) {
	t.Helper()
	step(t, ctx, "emulate a 360-px phone", chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
}

// onlineFile is a PDF the citizen attaches, kept in a folder of the test as a phone
// keeps a scan, named name.
func onlineFile(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, checkingPDF, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOnlineJourney: on a 360-px phone, a citizen goes from the home page to
// submitting online, finds the household business registration by words typed without
// accents, reads its documents, time limit and fee, proves an e-mail address with the
// code Mailpit received, fills the application with a PDF for each required document
// and submits it: the code and PIN, and a link to the lookup, which shows the dossier
// submitted. The desk asks for a paper through the API; the lookup then offers the
// supplement's form, and the citizen sends the paper from it: the lookup says it was
// sent, and the dossier goes back to the desk's check. Every page visited passes the
// accessibility checks.
func TestOnlineJourney(t *testing.T) {
	start := time.Now()
	mails := mailtest.Start(t)
	base := servertest.Start(t, dbURL, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL}).Base
	s := &staff{t: t, c: apiclient.NewClient(2), addr: strings.TrimPrefix(base, "http://"), tokens: map[string]string{}}
	ctx := newBrowser(t, 180*time.Second)
	t.Logf("server, mail and browser up in %v", time.Since(start).Round(time.Millisecond))
	onPhone(t, ctx)

	// From the home page to the procedure, found without accents.
	open(t, ctx, "open the home page", base+"/", "#online-link")
	follow(t, ctx, "go to submitting online", "#online-link", "#find-form")
	checkAccessible(t, ctx, "online: finding a procedure")
	submit(t, ctx, "find the procedure without accents", "#find-form", `a[data-code="2.000720"]`,
		chromedp.SendKeys(chromedp.CSS("#q"), "dang ky ho kinh doanh"))
	expectShown(t, ctx, "the procedures found",
		shown{"how many", "#found-title", "Thủ tục phù hợp (1)"},
		shown{"the procedure", `a[data-code="2.000720"]`, "Đăng ký thành lập hộ kinh doanh"})
	checkAccessible(t, ctx, "online: the procedures found")
	follow(t, ctx, "open the procedure", `a[data-code="2.000720"]`, "#procedure-name")
	expectShown(t, ctx, "the procedure",
		shown{"name", "#procedure-name", "Đăng ký thành lập hộ kinh doanh"},
		shown{"first document", "#documents > li:first-child .doc-name", "Giấy đề nghị đăng ký hộ kinh doanh"},
		shown{"fee", "#fee", "100.000 ₫"})
	if n := count(t, ctx, "#documents > li"); n != 4 {
		t.Errorf("%d documents listed, want 4", n)
	}
	if got := text(t, ctx, "#time-limit"); !strings.HasPrefix(got, "3 ngày làm việc") {
		t.Errorf("the time limit reads %q", got)
	}
	checkAccessible(t, ctx, "online: the procedure")

	// The address proved with the code Mailpit received.
	const address = "thu.nguyen@example.vn"
	submit(t, ctx, "ask for a code", "#verify-form", "#code-form",
		chromedp.SendKeys(chromedp.CSS("#contact"), address))
	checkAccessible(t, ctx, "online: the code's form")
	var mail []mailtest.Mail
	waitfor.Until(t, "the code's mail to "+address, func() bool {
		mail = mails.To(t, address)
		return len(mail) > 0
	})
	submit(t, ctx, "enter the code", "#code-form", "#apply-form",
		chromedp.SendKeys(chromedp.CSS("#code"), checkingCode.FindString(mail[0].Text)))
	if got := text(t, ctx, "#contact-proved"); !strings.Contains(got, address) {
		t.Errorf("the address proved reads %q", got)
	}
	checkAccessible(t, ctx, "online: the application")
	screenshots(t, ctx, "online-application")
	onPhone(t, ctx)

	// The application, a PDF for each required document, submitted.
	submit(t, ctx, "submit the application", "#apply-form", "#dossier-code",
		chromedp.SendKeys(chromedp.CSS("#full_name"), "Nguyễn Thị Thu"),
		chromedp.SendKeys(chromedp.CSS("#id_number"), "075190004321"),
		chromedp.SendKeys(chromedp.CSS("#address"), "Ấp 2, xã Xuân Hiệp"),
		chromedp.SetUploadFiles(chromedp.CSS("#file-0"), []string{onlineFile(t, "giay-de-nghi.pdf")}),
		chromedp.SetUploadFiles(chromedp.CSS("#file-1"), []string{onlineFile(t, "can-cuoc.pdf")}),
		chromedp.Click(chromedp.CSS("#declaration")))
	code, pin := text(t, ctx, "#dossier-code"), text(t, ctx, "#lookup-pin")
	if !strings.HasPrefix(code, "000.00.16.H19-") || len(pin) != 10 {
		t.Fatalf("submitted as %q with the PIN %q", code, pin)
	}
	expectStatus(t, ctx, "once submitted", "Mới đăng ký, chờ tiếp nhận")
	if n := count(t, ctx, "#files > li"); n != 2 {
		t.Errorf("%d files listed, want 2", n)
	}
	checkAccessible(t, ctx, "online: submitted")
	screenshots(t, ctx, "online-submitted")
	onPhone(t, ctx)

	// The lookup, from the link: the dossier submitted.
	s.awaitStatus(code, "submitted")
	follow(t, ctx, "follow the link to the lookup", "#lookup-link", "#lookup")
	if got := formValue(t, ctx, "#code"); got != code {
		t.Errorf("the lookup's code reads %q", got)
	}
	submit(t, ctx, "look the dossier up", "#lookup", "#dossier-code",
		chromedp.SendKeys(chromedp.CSS("#pin"), pin))
	expectStatus(t, ctx, "at the lookup", "Mới đăng ký, chờ tiếp nhận")
	if n := count(t, ctx, "#awaits-check"); n != 1 {
		t.Error("the lookup does not say the dossier awaits the desk's check")
	}
	checkAccessible(t, ctx, "online: the lookup")

	// The desk asks for a paper; the citizen sends it from the lookup.
	s.act("desk.xuanloc", code, "request-supplement", `{"reason":"Thiếu bản sao căn cước của chủ hộ",`+
		`"items":[{"name":"Bản sao căn cước của chủ hộ kinh doanh","kind":"copy","copies":1}]}`)
	s.awaitStatus(code, "supplement_requested")
	lookup := base + "/tra-cuu?" + url.Values{"code": {code}, "pin": {pin}}.Encode()
	open(t, ctx, "the lookup once a paper is asked for", lookup, "#supplement-form")
	expectStatus(t, ctx, "asked for a paper", "Chờ bổ sung hồ sơ")
	expectShown(t, ctx, "the supplement's form", shown{"what is missing", "#missing li", "Bản sao căn cước của chủ hộ kinh doanh"})
	checkAccessible(t, ctx, "online: the supplement's form")
	submit(t, ctx, "send the supplement", "#supplement-form", "#notice",
		chromedp.SendKeys(chromedp.CSS("#note"), "Gửi bản sao căn cước của chủ hộ"),
		chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{onlineFile(t, "can-cuoc-chu-ho.pdf")}))
	if got := text(t, ctx, "#notice"); !strings.Contains(got, "Đã gửi bổ sung") {
		t.Errorf("after the supplement the lookup says %q", got)
	}
	checkAccessible(t, ctx, "online: the supplement sent")
	screenshots(t, ctx, "online-supplement")

	// Back at the desk's check.
	s.awaitStatus(code, "submitted")
	onPhone(t, ctx)
	open(t, ctx, "the lookup after the supplement", lookup, "#dossier-code")
	expectStatus(t, ctx, "after the supplement", "Mới đăng ký, chờ tiếp nhận")
	if got := text(t, ctx, "#timeline > li:last-child .step"); got != "Đã bổ sung hồ sơ" {
		t.Errorf("the last step reads %q", got)
	}
}
