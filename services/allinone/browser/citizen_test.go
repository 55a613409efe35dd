package browser

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/motcua/motcua/services/allinone/cluster"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// staff plays the desk and the office through the API while their pages are not built.
type staff struct {
	t      *testing.T
	c      *cluster.Client
	addr   string
	tokens map[string]string
}

func (s *staff) token(user string) string {
	s.t.Helper()
	if tok, ok := s.tokens[user]; ok {
		return tok
	}
	tok, err := s.c.Token(context.Background(), s.addr, user, demo.Password)
	if err != nil {
		s.t.Fatal(err)
	}
	s.tokens[user] = tok
	return tok
}

func (s *staff) call(user, method, path string, body []byte) cluster.Answer {
	s.t.Helper()
	a, err := s.c.Do(context.Background(), method, "http://"+s.addr+path, s.token(user), "", body, nil)
	if err != nil {
		s.t.Fatalf("%s %s: %v", method, path, err)
	}
	return a
}

func (s *staff) act(user, code, action, body string) {
	s.t.Helper()
	if a := s.call(user, http.MethodPost, "/api/v1/dossiers/"+url.PathEscape(code)+"/actions/"+action, []byte(body)); a.Status != http.StatusOK {
		s.t.Fatalf("%s %s: %d %s", user, action, a.Status, a.Body)
	}
}

// awaitStatus waits until status's read side lists the dossier with status: asking
// the staff list, not the citizen's lookup, whose failures are limited.
func (s *staff) awaitStatus(code, status string) {
	s.t.Helper()
	q := url.Values{"office": {demo.DistrictDesk}, "status": {status}, "limit": {"100"}}
	waitfor.Until(s.t, "dossier "+code+" "+status+" in status", func() bool {
		a := s.call("desk.xuanloc", http.MethodGet, "/api/v1/dossiers?"+q.Encode(), nil)
		return a.Status == http.StatusOK && strings.Contains(string(a.Body), `"`+code+`"`)
	})
}

// receiptLink is the lookup link printed (as its QR code) on a receipt.
var receiptLink = regexp.MustCompile(`https?://[^\s"<]+/tra-cuu\?[^\s"<]+`)

// step runs actions in the tab of ctx, failing the test with what it was doing.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// text is the visible text of the first element matching the CSS selector sel.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// TestCitizenJourney: a desk registers a dossier; the citizen opens the receipt's QR
// link and reads it, in Vietnamese and in English, and without JavaScript; a wrong PIN
// is told in words; once the result is returned the citizen rates the service.
func TestCitizenJourney(t *testing.T) {
	start := time.Now()
	addr := serve(t)
	base := "http://" + addr
	s := &staff{t: t, c: cluster.NewClient(2), addr: addr, tokens: map[string]string{}}
	ctx := newBrowser(t, 90*time.Second)
	t.Logf("server and browser up in %v", time.Since(start).Round(time.Millisecond))

	receipt, status, err := s.c.Register(context.Background(), addr, s.token("desk.xuanloc"), "",
		cluster.Registration(demo.DistrictDesk, "2.000720", 1))
	if err != nil || status != http.StatusCreated {
		t.Fatalf("register: %d %v", status, err)
	}
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
	step(t, ctx, "open the receipt's link", chromedp.Navigate(qr), chromedp.WaitVisible(chromedp.CSS("#dossier-code")))
	lang, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("html"), "lang"))
	if err != nil {
		t.Fatal(err)
	}
	wantDue := receipt.DueAt.In(time.FixedZone("ICT", 7*3600)).Format("15:04, 02/01/2006")
	for _, c := range []struct{ what, got, want string }{
		{"lang", lang.Value, "vi"},
		{"code", text(t, ctx, "#dossier-code"), receipt.Code},
		{"procedure", text(t, ctx, "#procedure"), "Đăng ký thành lập hộ kinh doanh (2.000720)"},
		{"status", text(t, ctx, "#status"), "Đã tiếp nhận"},
		{"appointment", text(t, ctx, "#due"), wantDue},
		{"timing", text(t, ctx, "#timing"), "Đang trong hạn"},
		{"first step", text(t, ctx, "#timeline > li:first-child .step"), "Tiếp nhận hồ sơ"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
		}
	}
	if r := text(t, ctx, "#remaining"); !strings.HasPrefix(r, "Còn ") || !strings.HasSuffix(r, " giờ làm việc") {
		t.Errorf("time left: %q", r)
	}

	// The English switch keeps the dossier.
	step(t, ctx, "switch to English", clickLoad("#lang-switch"),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #dossier-code`)))
	for _, c := range []struct{ what, got, want string }{
		{"code", text(t, ctx, "#dossier-code"), receipt.Code},
		{"status", text(t, ctx, "#status"), "Received"},
		{"timing", text(t, ctx, "#timing"), "Within the deadline"},
		{"first step", text(t, ctx, "#timeline > li:first-child .step"), "Dossier received"},
		{"switch back", text(t, ctx, "#lang-switch"), "Tiếng Việt"},
	} {
		if c.got != c.want {
			t.Errorf("in English, %s: %q, want %q", c.what, c.got, c.want)
		}
	}

	// A wrong PIN typed in the form is told in words.
	wrong := "2345678923"
	if wrong == receipt.LookupPIN {
		wrong = "3456789234"
	}
	step(t, ctx, "look up with a wrong PIN", chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#code")),
		chromedp.SendKeys(chromedp.CSS("#code"), receipt.Code),
		chromedp.SendKeys(chromedp.CSS("#pin"), wrong),
		clickLoad(`#lookup button[type="submit"]`),
		chromedp.WaitVisible(chromedp.CSS("#error")))
	if msg := text(t, ctx, "#error"); !strings.Contains(msg, "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này") {
		t.Errorf("a wrong PIN shows %q", msg)
	}

	// Without JavaScript the form still finds the dossier.
	noJS, cancel := chromedp.NewContext(ctx)
	if _, err := chromedp.Call(noJS, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	step(t, noJS, "look up without JavaScript", chromedp.Navigate(base+"/tra-cuu"),
		chromedp.WaitVisible(chromedp.CSS("#code")),
		chromedp.SendKeys(chromedp.CSS("#code"), receipt.Code),
		chromedp.SendKeys(chromedp.CSS("#pin"), strings.ToLower(receipt.LookupPIN)),
		clickLoad(`#lookup button[type="submit"]`),
		chromedp.WaitVisible(chromedp.CSS("#dossier-code")))
	if got := text(t, noJS, "#status"); got != "Đã tiếp nhận" {
		t.Errorf("without JavaScript: status %q", got)
	}
	cancel()

	// The office decides, the desk hands the result back; the citizen rates.
	s.act("officer.xuanloc", receipt.Code, "accept", `{}`)
	s.act("officer.xuanloc", receipt.Code, "complete", `{"outcome":"approved","note":"Đủ điều kiện"}`)
	s.act("desk.xuanloc", receipt.Code, "return", `{}`)
	s.awaitStatus(receipt.Code, "returned")
	step(t, ctx, "open the returned dossier", chromedp.Navigate(qr), chromedp.WaitVisible(chromedp.CSS("#rating-form")))
	if got := text(t, ctx, "#status"); got != "Đã trả kết quả" {
		t.Errorf("after the return: status %q", got)
	}
	step(t, ctx, "rate the service",
		chromedp.Click(chromedp.CSS("#score-5")),
		chromedp.Click(chromedp.CSS(`input[name="attitude"][value="5"]`)),
		chromedp.Click(chromedp.CSS(`input[name="on_time"][value="4"]`)),
		chromedp.SendKeys(chromedp.CSS("#trips"), "1"),
		chromedp.SetValue(chromedp.CSS("#comment"), "Cán bộ hướng dẫn tận tình"),
		clickLoad(`#rating-form button[type="submit"]`),
		chromedp.WaitVisible(chromedp.CSS("#rating-outcome")))
	if got := text(t, ctx, "#rating-outcome"); !strings.Contains(got, "Cảm ơn bạn đã đánh giá") {
		t.Errorf("after rating: %q", got)
	}
	screenshots(t, ctx, "citizen")
	t.Logf("journey took %v", time.Since(start).Round(time.Millisecond))
}
