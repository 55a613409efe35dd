package web

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/platform/web/pagetest"
	"github.com/motcua/motcua/services/platform/web/session/sessiontest"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// router serves the pages without a database: enough for what is answered before the
// use cases are called.
func router(t *testing.T) (http.Handler, *auth.Issuer) {
	t.Helper()
	iss, v := sessiontest.Keys(t)
	p := &Pages{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Verifier: v}
	r := chi.NewRouter()
	p.Mount(r)
	return r, iss
}

// signedIn is the session cookie of a member of staff with role.
func signedIn(t *testing.T, iss *auth.Issuer, role string) *http.Cookie {
	t.Helper()
	return sessiontest.Cookie(t, iss, auth.Principal{Username: role + ".test", Role: role, Offices: []string{"000.30.16.H19"}})
}

func TestAssetsAreServedUnderTheScriptPolicy(t *testing.T) {
	h, _ := router(t)
	for path, typ := range map[string]string{StylePath: "text/css; charset=utf-8", ScriptPath: "text/javascript; charset=utf-8"} {
		w := pagetest.Get(h, path)
		if w.Code != http.StatusOK || w.Header().Get("Content-Type") != typ || w.Body.Len() < 100 ||
			w.Header().Get("Content-Security-Policy") != htmlpage.OwnScript {
			t.Errorf("%s: %d %v", path, w.Code, w.Header())
		}
	}
}

func TestSignInAndRole(t *testing.T) {
	h, iss := router(t)
	w := pagetest.Get(h, "/buu-chinh?date=2026-12-01")
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/dang-nhap?next="+url.QueryEscape("/buu-chinh?date=2026-12-01") {
		t.Errorf("without a session: %d to %q", w.Code, w.Header().Get("Location"))
	}
	for role, home := range map[string]string{auth.RoleDesk: "/mot-cua", auth.RoleSupervisor: "/giam-sat", auth.RoleAdmin: "/quan-tri"} {
		w := pagetest.Get(h, "/buu-chinh/buu-gui/EE123456785VN", signedIn(t, iss, role))
		body := w.Body.String()
		if w.Code != http.StatusForbidden || !strings.Contains(body, "dành cho nhân viên bưu điện") || !strings.Contains(body, "<h1>Không mở được trang này</h1>") ||
			!strings.Contains(body, `href="`+home+`"`) || w.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s: %d %s", role, w.Code, body)
		}
	}
}

func TestFindWithoutSomethingToFind(t *testing.T) {
	h, iss := router(t)
	for q, want := range map[string]string{"": "Hãy nhập số hiệu bưu gửi hoặc mã hồ sơ.",
		"xin chào bưu điện": "Đây không phải số hiệu bưu gửi hay mã hồ sơ"} {
		w := pagetest.Get(h, "/buu-chinh/tim?q="+url.QueryEscape(q), signedIn(t, iss, auth.RolePostal))
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), want) ||
			!strings.Contains(w.Body.String(), `id="q-error"`) {
			t.Errorf("q=%q: %d %s", q, w.Code, w.Body)
		}
	}
	w := pagetest.Get(h, "/buu-chinh/tim?q=ee+1234+5678+5+vn", signedIn(t, iss, auth.RolePostal))
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != ShipmentPath+"EE123456785VN" {
		t.Errorf("a typed number: %d to %q", w.Code, w.Header().Get("Location"))
	}
}

func TestParseQuery(t *testing.T) {
	for q, want := range map[string]struct {
		kind  int
		value string
	}{
		"EE123456785VN":             {queryTracking, "EE123456785VN"},
		"ee-1234-5678-5-vn":         {queryTracking, "EE123456785VN"},
		"EE123456784VN":             {queryBadTracking, ""},
		"000.00.16.h19-261201-0001": {queryDossier, "000.00.16.H19-261201-0001"},
		"http://motcua.example/tra-cuu?code=000.00.16.H19-261201-0001&pin=ABCD234567": {queryLink, "000.00.16.H19-261201-0001"},
		"https://x/tra-cuu?pin=1": {queryNone, ""},
		"":                        {queryNone, ""},
		"hai từ":                  {queryNone, ""},
	} {
		kind, value := parseQuery(q)
		if kind != want.kind || value != want.value {
			t.Errorf("parseQuery(%q) = %d %q, want %d %q", q, kind, value, want.kind, want.value)
		}
	}
}

// post sends a confirmation as the script does (JSON answers), with the form's token
// when token is set.
func post(h http.Handler, c *http.Cookie, path string, form url.Values, token bool) *httptest.ResponseRecorder {
	if token {
		form.Set(csrf.FieldName, pagetest.FieldFor(c))
	}
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Accept", "application/json")
	cookies := []*http.Cookie{c}
	if token {
		cookies = append(cookies, &http.Cookie{Name: csrf.CookieName, Value: pagetest.Token})
	}
	return pagetest.Serve(h, r, cookies...)
}

func decodeAnswer(t *testing.T, w *httptest.ResponseRecorder) answer {
	t.Helper()
	var a answer
	if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil || w.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("not a JSON answer: %d %q %v", w.Code, w.Body, err)
	}
	return a
}

func TestConfirmIsRefusedBeforeTheUseCase(t *testing.T) {
	h, iss := router(t)
	c := signedIn(t, iss, auth.RolePostal)
	form := url.Values{"type": {"picked_up"}, "event_id": {"7f1c2b9e-3d4a-4c5b-9e6f-0a1b2c3d4e5f"}}

	// Without the form's token: refused, and the script keeps the confirmation to send
	// again with a fresh token.
	w := post(h, c, ShipmentPath+"EE123456785VN", form, false)
	if a := decodeAnswer(t, w); w.Code != http.StatusForbidden || a.OK || !a.Retry || !strings.Contains(a.Message, "tải lại trang") {
		t.Errorf("without the token: %d %+v", w.Code, a)
	}
	// A body over the limit: the signature is too large.
	big := url.Values{"type": {"delivered"}, "signature_png": {signaturePrefix + strings.Repeat("A", maxConfirmBody)}}
	w = post(h, c, ShipmentPath+"EE123456785VN", big, true)
	if a := decodeAnswer(t, w); w.Code != http.StatusRequestEntityTooLarge || a.Field != "signature" || a.Retry ||
		!strings.Contains(a.Message, "Ảnh chữ ký quá lớn") {
		t.Errorf("a huge signature: %d %+v", w.Code, a)
	}
	// Not a tracking number.
	w = post(h, c, ShipmentPath+"EE123456784VN", form, true)
	if a := decodeAnswer(t, w); w.Code != http.StatusNotFound || !strings.Contains(a.Message, "Số hiệu bưu gửi không đúng") {
		t.Errorf("a wrong check digit: %d %+v", w.Code, a)
	}
	// The page of a wrong number says so.
	w = pagetest.Get(h, ShipmentPath+"EE12345678", c)
	if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "Số hiệu bưu gửi không đúng") {
		t.Errorf("the page of a wrong number: %d", w.Code)
	}
}

func TestReadInput(t *testing.T) {
	read := func(form url.Values) (shipment.Input, *problem) {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return readInput(r)
	}
	png := []byte("\x89PNG\r\n\x1a\nrest")
	in, pe := read(url.Values{"event_id": {"x"}, "type": {"delivered"}, "recipient_name": {"Nguye\u0302\u0303n"},
		"relation": {"self"}, "id_last4": {"1234"}, "signature_png": {signaturePrefix + base64.StdEncoding.EncodeToString(png)}})
	if pe != nil || in.Proof == nil || string(in.Proof.SignaturePNG) != string(png) || !in.OccurredAt.IsZero() ||
		in.Proof.RecipientName != "Nguye\u0302\u0303n" {
		t.Fatalf("a delivery: %+v %+v", in, pe)
	}
	// A form without a time is the same confirmation whenever it is sent again; the
	// phone's time is part of what a resend must repeat.
	if h := requestHash("EE123456785VN", in); string(h) != string(requestHash("EE123456785VN", in)) {
		t.Error("the same form hashes differently")
	}
	timed := in
	timed.OccurredAt = time.Date(2026, 12, 1, 9, 0, 0, 0, htmlpage.Zone)
	if string(requestHash("EE123456785VN", in)) == string(requestHash("EE123456785VN", timed)) ||
		string(requestHash("EE123456785VN", in)) == string(requestHash("EE123456786VN", in)) {
		t.Error("the time or the shipment is not part of the hash")
	}
	in.Normalize() // the use case normalizes: the name comes out in NFC
	if in.Proof.RecipientName != "Nguyễn" {
		t.Errorf("normalized name %q", in.Proof.RecipientName)
	}
	in, pe = read(url.Values{"type": {"picked_up"}, "occurred_at": {"2026-12-01T08:30:00.123Z"}})
	if pe != nil || in.Proof != nil || !in.OccurredAt.Equal(time.Date(2026, 12, 1, 8, 30, 0, 123e6, time.UTC)) {
		t.Errorf("a pickup with the phone's time: %+v %+v", in, pe)
	}
	for _, bad := range []url.Values{
		{"type": {"picked_up"}, "occurred_at": {"hôm qua"}},
		{"type": {"delivered"}, "signature_png": {"data:image/jpeg;base64,AAAA"}},
		{"type": {"delivered"}, "signature_png": {signaturePrefix + "%%%"}},
	} {
		if _, pe := read(bad); pe == nil || pe.status != http.StatusUnprocessableEntity {
			t.Errorf("%v: %+v", bad, pe)
		}
	}
}

func TestProblemsInWords(t *testing.T) {
	p := &Pages{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	pg := &page{Page: layout.Page{Lang: htmlpage.Vietnamese}}
	for _, c := range []struct {
		err    error
		status int
		field  string
		words  string
	}{
		{&shipment.OrderError{Kind: shipment.KindDelivery, Status: shipment.Accepted, Type: shipment.Delivered,
			Allowed: []shipment.Status{shipment.PickedUp, shipment.InTransit}}, http.StatusConflict, "",
			"Chưa ghi nhận được “Đã phát thành công”: bưu gửi đang ở bước “Bưu điện đã nhận”. Bước tiếp theo có thể là: “Bưu điện đã đến lấy”, “Đang vận chuyển”."},
		{&shipment.OrderError{Kind: shipment.KindDelivery, Status: shipment.Delivered, Type: shipment.Delivered}, http.StatusConflict, "",
			"bưu gửi đã kết thúc"},
		{&shipment.FieldError{Field: "seal_number", Code: "too_long"}, http.StatusUnprocessableEntity, "seal_number", "tối đa 40 ký tự"},
		{&shipment.FieldError{Field: "seal_number", Code: "required"}, http.StatusUnprocessableEntity, "seal_number", "Nhập số niêm phong"},
		{&shipment.FieldError{Field: "proof.id_last4", Code: "invalid_id_last4"}, http.StatusUnprocessableEntity, "id_last4", "đúng 4 chữ số"},
		{&shipment.FieldError{Field: "occurred_at", Code: "before_last_event"}, http.StatusUnprocessableEntity, "", "đúng thứ tự"},
		{shipment.ErrSignatureTooLarge, http.StatusRequestEntityTooLarge, "signature", "Ảnh chữ ký quá lớn"},
		{app.ErrNotFound, http.StatusNotFound, "", "Không có bưu gửi với số hiệu này"},
		{app.ErrEventReused, http.StatusUnprocessableEntity, "", "đã được gửi trước đó với nội dung khác"},
		{fmt.Errorf("connect: %w", syscall.ECONNREFUSED), http.StatusServiceUnavailable, "", "Hệ thống đang bận"},
		{fmt.Errorf("open: %w", sealing.ErrTampered), http.StatusInternalServerError, "", "báo quản trị viên"},
	} {
		w := httptest.NewRecorder()
		pe := p.problemOf(w, httptest.NewRequest(http.MethodPost, "/", nil), pg, c.err)
		if pe == nil || pe.status != c.status || pe.field != c.field || !strings.Contains(pe.message(pg), c.words) {
			t.Errorf("%v: %+v %q", c.err, pe, pe.message(pg))
		}
		if c.status == http.StatusServiceUnavailable && (w.Header().Get("Retry-After") == "" || !pe.retry) {
			t.Errorf("a database down: retry %v, Retry-After %q", pe.retry, w.Header().Get("Retry-After"))
		}
	}
}

// TestEveryWordIsWritten: each key a template asks for has its words in both languages.
func TestEveryWordIsWritten(t *testing.T) {
	b, err := templateFS.ReadFile("templates/page.html")
	if err != nil {
		t.Fatal(err)
	}
	keys := regexp.MustCompile(`\.T "([a-z0-9._]+)"`).FindAllStringSubmatch(string(b), -1)
	if len(keys) < 30 {
		t.Fatalf("only %d keys found", len(keys))
	}
	for _, k := range keys {
		if w, ok := texts[k[1]]; !ok || w[0] == "" || w[1] == "" {
			t.Errorf("no words for %q", k[1])
		}
	}
	for _, typ := range shipment.EventTypes {
		if _, ok := texts["confirm."+string(typ)]; !ok {
			t.Errorf("no button for %s", typ)
		}
	}
}
