package servicetest

import (
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/session"
)

// pageClient is a browser signed in on the postal worker's pages: the session cookie,
// and a form token in its cookie and in every form it sends. It does not follow
// redirects, so that a test sees where a page leads.
type pageClient struct {
	e     *env
	c     *http.Client
	token string
}

// pages signs who in on the pages.
func (e *env) pages(t *testing.T, who string) *pageClient {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(e.URL)
	secret, sess := strings.Repeat("b", 43), e.token(t, who)
	jar.SetCookies(u, []*http.Cookie{{Name: session.CookieName, Value: sess}, {Name: csrf.CookieName, Value: secret}})
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &pageClient{e: e, c: c, token: csrf.Field(secret, sess)}
}

// page is an answer of the pages.
type pageAnswer struct {
	Status   int
	Location string
	Body     string
	Header   http.Header
}

func (p *pageClient) do(t *testing.T, r *http.Request) pageAnswer {
	t.Helper()
	res, err := p.c.Do(r)
	if err != nil {
		t.Fatalf("%s %s: %v", r.Method, r.URL, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return pageAnswer{Status: res.StatusCode, Location: res.Header.Get("Location"), Body: string(b), Header: res.Header}
}

// get opens a page.
func (p *pageClient) get(t *testing.T, path string) pageAnswer {
	t.Helper()
	r, err := http.NewRequest(http.MethodGet, p.e.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p.do(t, r)
}

// confirm sends a confirmation of shipment tn: as the script does (a JSON answer) when
// asJSON, as a plain form otherwise.
func (p *pageClient) confirm(t *testing.T, tn string, form url.Values, asJSON bool) pageAnswer {
	t.Helper()
	form.Set(csrf.FieldName, p.token)
	r, err := http.NewRequest(http.MethodPost, p.e.URL+"/buu-chinh/buu-gui/"+tn, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if asJSON {
		r.Header.Set("Accept", "application/json")
	}
	return p.do(t, r)
}

// signatureURL is a signature image as the signature pad gives it.
func signatureURL() string {
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(signaturePNG(300, 120))
}

func (a pageAnswer) expect(t *testing.T, what string, status int, contains ...string) {
	t.Helper()
	if a.Status != status {
		t.Fatalf("%s: %d, want %d: %s", what, a.Status, status, a.Body)
	}
	for _, s := range contains {
		if !strings.Contains(a.Body, s) {
			t.Errorf("%s: the answer has no %q: %s", what, s, a.Body)
		}
	}
}

// TestWorkersPages drives the postal worker's pages against a whole service: the
// manifest, finding a shipment, confirming its steps as plain forms and as the script
// sends them, the same confirmation sent twice, and every refusal told in words.
func TestWorkersPages(t *testing.T) {
	e := start(t)
	d, s := e.delivery(t, time.Now())
	tn := s.TrackingNumber
	worker := e.pages(t, "postal.xuanloc")

	// The day's manifest lists the result to collect from the desk.
	a := worker.get(t, "/buu-chinh")
	a.expect(t, "the manifest", http.StatusOK, `id="ship-`+tn+`"`, "Bảng kê trong ngày", "Bưu điện huyện Xuân Lộc")
	if a.Header.Get("Cache-Control") != "no-store" || !strings.Contains(a.Header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Errorf("the manifest's headers: %v", a.Header)
	}
	worker.get(t, "/buu-chinh?date=2026-13-45").expect(t, "a wrong date", http.StatusUnprocessableEntity, `id="date-error"`)

	// Found by the dossier's code and by the receipt's link (whose PIN is not kept).
	for _, q := range []string{d.Code, "http://motcua.example/tra-cuu?code=" + url.QueryEscape(d.Code) + "&pin=ABCD234567"} {
		a := worker.get(t, "/buu-chinh/tim?q="+url.QueryEscape(q))
		if a.Status != http.StatusSeeOther || a.Location != "/buu-chinh/buu-gui/"+tn {
			t.Errorf("find %q: %d to %q", q, a.Status, a.Location)
		}
	}
	worker.get(t, "/buu-chinh/tim?q=000.00.16.H19-261201-9999").expect(t, "an unknown dossier", http.StatusNotFound, `id="q-error"`)

	// The shipment offers the steps that may come next, and only those.
	reads := e.count(t, "SELECT count(*) FROM personal_data_reads WHERE username = 'postal.xuanloc'")
	a = worker.get(t, "/buu-chinh/buu-gui/"+tn)
	a.expect(t, "the shipment", http.StatusOK, `id="form-accepted"`, `id="form-picked_up"`, deliveryAddress, "Chờ bưu điện nhận")
	if strings.Contains(a.Body, `id="form-delivered"`) {
		t.Error("a delivery is offered before the item is picked up")
	}
	if n := e.count(t, "SELECT count(*) FROM personal_data_reads WHERE username = 'postal.xuanloc'"); n != reads+1 {
		t.Errorf("opening the shipment audited %d reads, want 1", n-reads)
	}

	// Plain forms: a missing seal beside its field, a step out of order with what may
	// come next, then the seal recorded.
	worker.confirm(t, tn, url.Values{"type": {"accepted"}, "event_id": {uuid.NewString()}}, false).
		expect(t, "no seal", http.StatusUnprocessableEntity, `id="accepted-seal_number-error"`, "Nhập số niêm phong", `aria-invalid="true"`)
	worker.confirm(t, tn, url.Values{"type": {"out_for_delivery"}, "event_id": {uuid.NewString()}}, false).
		expect(t, "out of order", http.StatusConflict, "Bước tiếp theo có thể là: “Bưu điện đã nhận”, “Bưu điện đã đến lấy”.")
	seal := url.Values{"type": {"accepted"}, "event_id": {uuid.NewString()}, "seal_number": {"xl-2026-1"}}
	a = worker.confirm(t, tn, seal, false)
	if a.Status != http.StatusSeeOther || a.Location != "/buu-chinh/buu-gui/"+tn+"?done=accepted" {
		t.Fatalf("the seal: %d to %q: %s", a.Status, a.Location, a.Body)
	}
	// The same plain form sent again a minute later (a double tap, a resend after a lost
	// answer) carries the page's event id and no time: it is the same step, answered as
	// the first time and recorded once, not refused as other content.
	e.Clock.Set(e.Clock.Now().Add(time.Minute))
	if again := worker.confirm(t, tn, seal, false); again.Status != http.StatusSeeOther || again.Location != a.Location {
		t.Errorf("the seal sent again: %d to %q: %s", again.Status, again.Location, again.Body)
	}
	if n := e.get(t, "postal.xuanloc", tn).EventsOf("accepted"); n != 1 {
		t.Errorf("the seal sent twice is recorded %d times", n)
	}
	worker.get(t, a.Location).expect(t, "after the seal", http.StatusOK, "Đã ghi nhận: Bưu điện đã nhận.", "xl-2026-1")

	// As the script sends them: the phone's event id and time; the same id again is the
	// same step, counted once.
	pickup := url.Values{"type": {"picked_up"}, "event_id": {uuid.NewString()}, "occurred_at": {time.Now().Format(time.RFC3339Nano)}}
	for i, replayed := range []bool{false, true} {
		a := worker.confirm(t, tn, pickup, true)
		a.expect(t, "the pickup", http.StatusOK, `"ok":true`, `"status":"picked_up"`)
		if got := strings.Contains(a.Body, `"replayed":true`); got != replayed {
			t.Errorf("sending %d: replayed %v: %s", i+1, got, a.Body)
		}
	}
	// The delivery's signature pad says it has no keyboard alternative, and what to do.
	worker.get(t, "/buu-chinh/buu-gui/"+tn).expect(t, "the delivery form", http.StatusOK, `id="form-delivered"`,
		"không dùng được bằng bàn phím", `aria-describedby="signature-hint"`)
	if v := e.get(t, "postal.xuanloc", tn); len(v.Events) != 3 || v.Events[2].Type != "picked_up" || v.Events[2].EventID != pickup.Get("event_id") {
		t.Errorf("after the pickup sent twice: %+v", v.Events)
	}
	other := url.Values{"type": {"out_for_delivery"}, "event_id": {pickup.Get("event_id")}, "occurred_at": {time.Now().Format(time.RFC3339Nano)}}
	worker.confirm(t, tn, other, true).expect(t, "an id reused", http.StatusUnprocessableEntity, "nội dung khác")

	// Another post office's worker is told what a wrong number is told.
	baohoa := e.pages(t, "postal.baohoa")
	baohoa.get(t, "/buu-chinh/buu-gui/"+tn).expect(t, "another post office's page", http.StatusNotFound, "Không có bưu gửi với số hiệu này")
	baohoa.confirm(t, tn, url.Values{"type": {"out_for_delivery"}, "event_id": {uuid.NewString()}}, true).
		expect(t, "another post office's delivery", http.StatusNotFound, "Không có bưu gửi với số hiệu này")
	unknown, err := s10.New("EB", 99999999)
	if err != nil {
		t.Fatal(err)
	}
	worker.get(t, "/buu-chinh/buu-gui/"+unknown.String()).expect(t, "an unknown number", http.StatusNotFound, "Không có bưu gửi với số hiệu này")

	// The delivery: the proof's fields beside their fields, then the proof recorded
	// with the name in NFC; neither the name nor the ID's digits reach the log.
	const name, nameNFD = "Nguyễn Thị Hoà", "Nguye\u0302\u0303n Thi\u0323 Hoa\u0300"
	delivery := url.Values{"type": {"delivered"}, "event_id": {uuid.NewString()}, "occurred_at": {time.Now().Format(time.RFC3339Nano)},
		"recipient_name": {nameNFD}, "relation": {"family"}, "id_last4": {"98x7"}, "signature_png": {signatureURL()}}
	worker.confirm(t, tn, delivery, true).expect(t, "a wrong ID", http.StatusUnprocessableEntity, `"field":"id_last4"`, "đúng 4 chữ số")
	delivery.Set("id_last4", "9807")
	delivery.Set("signature_png", "")
	worker.confirm(t, tn, delivery, false).expect(t, "no signature", http.StatusUnprocessableEntity,
		`id="delivered-signature-error"`, "Mời người nhận ký", `value="9807"`)
	delivery.Set("signature_png", signatureURL())
	worker.confirm(t, tn, delivery, true).expect(t, "the delivery", http.StatusOK, `"status":"delivered"`, "Đã phát thành công")
	v := e.get(t, "postal.xuanloc", tn)
	if last := v.Events[len(v.Events)-1]; v.Status != "delivered" || last.Proof == nil || last.Proof.RecipientName != name ||
		last.Proof.IDLast4 != "9807" || last.By != "postal.xuanloc" {
		t.Errorf("the delivery recorded: %s %+v", v.Status, last)
	}
	worker.get(t, "/buu-chinh/buu-gui/"+tn).expect(t, "the delivered shipment", http.StatusOK, `id="ended"`, name)
	worker.confirm(t, tn, url.Values{"type": {"returned"}, "event_id": {uuid.NewString()}}, true).
		expect(t, "after the end", http.StatusConflict, "bưu gửi đã kết thúc")
	for _, secret := range []string{name, nameNFD, "9807"} {
		if strings.Contains(e.Logs.String(), secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
}

// TestManifestWithAnUnreadableAddress: a shipment whose sealed address does not open
// with the service's key (a key changed without re-sealing, a damaged row) is listed on
// the run sheet with a note instead of the address; the others stay readable, and the
// run sheet is not refused as a whole.
func TestManifestWithAnUnreadableAddress(t *testing.T) {
	e := start(t)
	_, good := e.delivery(t, time.Now())
	_, bad := e.delivery(t, time.Now())
	if _, err := e.DB.Exec(context.Background(), "UPDATE shipments SET address_sealed = $2 WHERE tracking_number = $1",
		bad.TrackingNumber, []byte("sealed with another key")); err != nil {
		t.Fatal(err)
	}
	worker := e.pages(t, "postal.xuanloc")
	a := worker.get(t, "/buu-chinh")
	a.expect(t, "the manifest", http.StatusOK, `id="ship-`+good.TrackingNumber+`"`, `id="ship-`+bad.TrackingNumber+`"`,
		deliveryAddress, `id="unreadable-`+bad.TrackingNumber+`"`, "Không mở được địa chỉ")
	if strings.Count(a.Body, deliveryAddress) != 1 {
		t.Errorf("the address is shown %d times, want once (the readable shipment's)", strings.Count(a.Body, deliveryAddress))
	}
	if strings.Contains(a.Body, `id="unreadable-`+good.TrackingNumber+`"`) {
		t.Error("the readable shipment is marked unreadable")
	}
	// Its own page cannot show it, and says so rather than "try again later".
	worker.get(t, "/buu-chinh/buu-gui/"+bad.TrackingNumber).expect(t, "the unreadable shipment", http.StatusInternalServerError,
		"hãy báo quản trị viên hệ thống")
}
