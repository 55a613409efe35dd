package browser

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// checkingPDF is the file the citizen hands in: a one-page PDF, which Chromium shows.
var checkingPDF = []byte("%PDF-1.4\n" +
	"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
	"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
	"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >> endobj\n" +
	"trailer << /Root 1 0 R /Size 4 >>\n%%EOF\n")

// checkingCode is the 6-digit code of a verification mail.
var checkingCode = regexp.MustCompile(`\b\d{6}\b`)

// submittedOnline is the answer to a submission online.
type submittedOnline struct {
	Code  string `json:"code"`
	Files []struct {
		ID     string `json:"id"`
		SHA256 string `json:"sha256"`
	} `json:"files"`
}

// submitOnlineForChecking plays the citizen through the API: proves address with the
// code mailed to it, then submits a dossier at the district desk with file as its one
// document's file, named name.
func submitOnlineForChecking(t *testing.T, base string, mails *mailtest.Server, address, name string, file []byte) submittedOnline {
	t.Helper()
	post := func(path, token, contentType string, body []byte, want int, out any) {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, base+path, bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", contentType)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("POST %s: %v", path, err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != want || json.Unmarshal(b, out) != nil {
			t.Fatalf("POST %s: %d %s", path, res.StatusCode, b)
		}
	}
	var started struct {
		ID string `json:"verification_id"`
	}
	post("/api/v1/public/verifications", "", "application/json", []byte(`{"email":"`+address+`"}`), http.StatusAccepted, &started)
	var mail []mailtest.Mail
	waitfor.Until(t, "the verification code's mail", func() bool {
		mail = mails.To(t, address)
		return len(mail) > 0
	})
	var contact struct {
		Token string `json:"contact_token"`
	}
	post("/api/v1/public/verifications/"+started.ID, "", "application/json",
		[]byte(`{"code":"`+checkingCode.FindString(mail[0].Text)+`"}`), http.StatusOK, &contact)

	application, _ := json.Marshal(map[string]any{
		"procedure_code": "2.000720", "receiving_office": demo.DistrictDesk,
		"applicant":       map[string]any{"full_name": "Phạm Thị Lan", "id_number": "075190004321", "address": "Ấp 2, xã Xuân Hiệp"},
		"documents":       []map[string]any{{"name": "Giấy đề nghị đăng ký hộ kinh doanh", "kind": "original", "file": "de-nghi"}},
		"result_delivery": map[string]any{"method": "desk"},
	})
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if err := mw.WriteField("application", string(application)); err != nil {
		t.Fatal(err)
	}
	w, err := mw.CreateFormFile("de-nghi", name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(file)
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	var got submittedOnline
	post("/api/v1/public/dossiers", contact.Token, mw.FormDataContentType(), body.Bytes(), http.StatusCreated, &got)
	if got.Code == "" || len(got.Files) != 1 {
		t.Fatalf("submitted: %+v", got)
	}
	return got
}

// openedFile is a file as the browser received it when its link was followed.
type openedFile struct {
	status int64
	header map[string]string
	body   []byte
}

// openFile follows the link matching link in the tab of ctx, as the desk does, and
// returns the answer the browser received for it: the tab holds the answer at the door
// (the Fetch domain) to read its headers and bytes, then lets it through to be shown.
func openFile(t *testing.T, ctx context.Context, link string) openedFile {
	t.Helper()
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{
		{URLPattern: "*/tep/*", RequestStage: fetch.RequestStageResponse}}}); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Call(ctx, fetch.Disable, cdp.Empty{})
	ev, err := chromedp.Run(ctx, chromedp.WaitEvent(fetch.RequestPaused, nil, chromedp.Click(chromedp.CSS(link))))
	if err != nil {
		t.Fatalf("open the file %s: %v", link, err)
	}
	f := openedFile{status: ev.ResponseStatusCode, header: map[string]string{}}
	for _, h := range ev.ResponseHeaders {
		f.header[strings.ToLower(h.Name)] = h.Value
	}
	b, err := chromedp.Call(ctx, fetch.GetResponseBody, fetch.GetResponseBodyParams{RequestID: ev.RequestID})
	if err != nil {
		t.Fatalf("the file's bytes: %v", err)
	}
	f.body = b.Body
	if _, err := chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID}); err != nil {
		t.Fatalf("let the file through: %v", err)
	}
	return f
}

// TestCheckingJourney: a citizen submits a dossier online with a PDF (through the API);
// the district desk opens its work list's checking tab and finds it there, with its
// submission and the rule of the working day; opens the dossier, which shows no
// reception and no appointment yet; opens its file in the browser, inline, and the very
// bytes come back; and receives it: "Đã tiếp nhận", with the reception and the
// appointment, and the dossier has left the checking tab for the others. Every page
// visited passes the accessibility checks.
func TestCheckingJourney(t *testing.T) {
	start := time.Now()
	mails := mailtest.Start(t)
	base := servertest.Start(t, dbURL, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL}).Base
	ctx := newBrowser(t, 120*time.Second)
	t.Logf("server, mail and browser up in %v", time.Since(start).Round(time.Millisecond))

	const fileName = "Giấy đề nghị.pdf"
	sub := submitOnlineForChecking(t, base, mails, "lan.pham@example.vn", fileName, checkingPDF)
	code := sub.Code

	// The checking tab: the dossier, its submission, no guidance yet, due today.
	signIn(t, ctx, base, "desk.xuanloc", "#open-form")
	checkAccessible(t, ctx, "checking: the work list")
	if got := text(t, ctx, "#tab-checking"); got != "Chờ kiểm tra (1)" {
		t.Errorf("the checking tab reads %q", got)
	}
	if n := count(t, ctx, "#row-"+cssID(code)); n != 0 {
		t.Errorf("the dossier not received yet is on the whole list")
	}
	follow(t, ctx, "open the checking tab", "#tab-checking", `#tab-checking[aria-current="page"]`)
	row := "#row-" + cssID(code)
	expectShown(t, ctx, "the checking tab",
		shown{"applicant", row + " .applicant", "Phạm Thị Lan"},
		shown{"status", row + " .status", "Mới đăng ký, chờ tiếp nhận"},
		shown{"guidance", row + " .guided", "Chưa"})
	if got := text(t, ctx, "#check-rule"); !strings.Contains(got, "trong ngày làm việc") {
		t.Errorf("the tab's rule: %q", got)
	}
	if got := text(t, ctx, row+" .submitted"); !regexp.MustCompile(`^\d\d:\d\d, \d\d/\d\d/20\d\d$`).MatchString(got) {
		t.Errorf("the submission: %q", got)
	}
	if got := text(t, ctx, row+" .check"); !strings.HasPrefix(got, "Trước ") {
		t.Errorf("the check is due %q", got)
	}
	screenshots(t, ctx, "checking-list")

	// The dossier: submitted, not received, its file listed.
	follow(t, ctx, "open the dossier", row+" a.code", "#dossier-code")
	checkAccessible(t, ctx, "checking: the submitted dossier")
	expectStatus(t, ctx, "before the check", "Mới đăng ký, chờ tiếp nhận")
	expectShown(t, ctx, "the submitted dossier",
		shown{"reception", "#received", "Chưa tiếp nhận (chờ kiểm tra)"},
		shown{"appointment", "#due", "Hẹn khi tiếp nhận"},
		shown{"file", "#files a.file", fileName},
		shown{"file's type", "#files .type", "PDF"},
		shown{"file's sum", "#files .sha256", sub.Files[0].SHA256[:12] + "…"})
	if got := text(t, ctx, "#submitted"); !regexp.MustCompile(`^\d\d:\d\d, \d\d/\d\d/20\d\d$`).MatchString(got) {
		t.Errorf("the submission: %q", got)
	}
	expectActions(t, ctx, "before the check", "receive", "request-supplement", "refuse", "withdraw")
	if got := text(t, ctx, "#action-receive button"); got != "Tiếp nhận hồ sơ" {
		t.Errorf("the receive button reads %q", got)
	}
	screenshots(t, ctx, "checking-dossier")

	// The file opens in the browser, inline: the very bytes handed in.
	f := openFile(t, ctx, "#files a.file")
	sum := sha256.Sum256(f.body)
	if f.status != http.StatusOK || f.header["content-type"] != "application/pdf" ||
		!strings.HasPrefix(f.header["content-disposition"], "inline;") || f.header["x-content-type-options"] != "nosniff" ||
		!strings.Contains(f.header["content-security-policy"], "sandbox") || !strings.Contains(f.header["cache-control"], "no-store") {
		t.Errorf("the file came %d with %v", f.status, f.header)
	}
	if !bytes.Equal(f.body, checkingPDF) || hex.EncodeToString(sum[:]) != sub.Files[0].SHA256 {
		t.Errorf("the file came back as %d bytes, not the %d handed in", len(f.body), len(checkingPDF))
	}

	// The tab shows it in place (no download): a PDF document at the file's address.
	waitfor.Until(t, "the file shown in the tab", func() bool {
		inPlace, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
			`document.contentType === 'application/pdf' && location.pathname.includes('/tep/')`))
		return err == nil && inPlace
	})

	// Received: the status, the reception and the appointment; gone from the tab.
	open(t, ctx, "back to the dossier", base+"/mot-cua/ho-so/"+code, "#action-receive")
	actOnPage(t, ctx, "receive")
	checkAccessible(t, ctx, "checking: the received dossier")
	expectStatus(t, ctx, "after receiving", "Đã tiếp nhận")
	for _, sel := range []string{"#received", "#due"} {
		if got := text(t, ctx, sel); !regexp.MustCompile(`^\d\d:\d\d, \d\d/\d\d/20\d\d$`).MatchString(got) {
			t.Errorf("after receiving, %s reads %q", sel, got)
		}
	}
	if got := text(t, ctx, "#steps > li:last-child .step"); got != "Tiếp nhận hồ sơ" {
		t.Errorf("last step %q", got)
	}
	screenshots(t, ctx, "checking-received")
	open(t, ctx, "the checking tab again", base+"/mot-cua?tab=checking", "#list-empty")
	checkAccessible(t, ctx, "checking: the empty tab")
	if got := text(t, ctx, "#tab-checking"); got != "Chờ kiểm tra (0)" {
		t.Errorf("after receiving, the checking tab reads %q", got)
	}
	follow(t, ctx, "the whole list", "#tab-all", "#row-"+cssID(code))
	checkAccessible(t, ctx, "checking: the whole list")
}

// cssID is code as it can follow # in a CSS selector: its dots escaped.
func cssID(code string) string { return strings.ReplaceAll(code, ".", `\.`) }
