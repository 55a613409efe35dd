package service_test

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/platform/web/csrf"
)

// browser is a citizen's browser: it keeps cookies, as the rating form needs.
func browser(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := client("127.0.0.1")
	c.Jar = jar
	return c
}

// page asks status for a page with c (GET, or POST of form when it is not nil).
func (e *env) page(c *http.Client, path string, form url.Values) answer {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	method, body := http.MethodGet, io.Reader(nil)
	if form != nil {
		method, body = http.MethodPost, strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, e.url+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return e.do(c, req)
}

func lookupPage(code, pin string, query ...string) string {
	q := url.Values{"code": {code}, "pin": {pin}}
	for i := 0; i+1 < len(query); i += 2 {
		q.Set(query[i], query[i+1])
	}
	return "/tra-cuu?" + q.Encode()
}

// shows checks that the page a holds each of want (as HTML escapes it) and none of
// unwanted.
func shows(t *testing.T, name string, a answer, status int, want []string, unwanted ...string) {
	t.Helper()
	if a.status != status {
		t.Errorf("%s: %d, want %d", name, a.status, status)
	}
	body := html.UnescapeString(string(a.body))
	for _, s := range want {
		if !strings.Contains(body, s) {
			t.Errorf("%s: the page lacks %q", name, s)
		}
	}
	for _, s := range unwanted {
		if strings.Contains(body, s) {
			t.Errorf("%s: the page shows %q", name, s)
		}
	}
}

var csrfField = regexp.MustCompile(`name="` + csrf.FieldName + `" value="([^"]+)"`)

func TestCitizenPages(t *testing.T) {
	t.Parallel()
	e := startEnvAt(t, at(3, 12, 9, 0))
	open := e.receivedDossier(due0)
	pickup := newShipment(open, postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP, nil, deskA)
	e.emitPostal(pickup.created(at(3, 10, 8, 0)))
	done := e.returnedDossier()
	e.settle()
	e.settlePostal()

	wrong := open.wrongPIN()
	notFound := "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này"
	for _, tc := range []struct {
		name      string
		path      string
		status    int
		want      []string
		unwanted  []string
		noStoreOK bool
	}{
		{name: "the form", path: "/", status: 200, want: []string{`<html lang="vi">`, "Mã hồ sơ", `autocomplete="off"`}},
		{name: "the receipt's QR link", path: lookupPage(open.code, open.pin), status: 200, want: []string{
			open.code, "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Đã tiếp nhận", "Tiếp nhận hồ sơ",
			"Bộ phận Một cửa huyện Đông Anh", "17:00, 17/03/2026", "Đang trong hạn", "Còn ", "giờ làm việc",
			"Bưu điện nhận hồ sơ từ công dân", pickup.number, "Chờ bưu điện nhận", "Đã đăng ký gửi hồ sơ qua bưu điện",
			`href="/tra-cuu?code=` + url.QueryEscape(open.code) + `&lang=en&pin=` + open.pin + `"`},
			// Not returned: no rating form. The applicant's whole name never.
			unwanted: []string{"Đánh giá sự hài lòng", "Nguyễn Văn"}},
		{name: "typed PIN, lower case with spaces", path: lookupPage(" "+open.code+" ", strings.ToLower(open.pin[:5]+" "+open.pin[5:])),
			status: 200, want: []string{"Đã tiếp nhận"}},
		{name: "English", path: lookupPage(open.code, open.pin, "lang", "en"), status: 200, want: []string{
			`<html lang="en">`, "Received", "Dossier received", "Within the deadline", "17 Mar 2026, 17:00",
			"Pickup from the applicant", "Waiting for the post", ">Tiếng Việt</a>"}, unwanted: []string{"Đã tiếp nhận"}},
		{name: "wrong PIN", path: lookupPage(open.code, wrong), status: 404, want: []string{notFound}, unwanted: []string{"Tiếp nhận hồ sơ"}},
		{name: "unknown code", path: lookupPage("000.00.16.H19-260310-9999", open.pin), status: 404, want: []string{notFound}},
		{name: "returned: the rating form", path: lookupPage(done.code, done.pin), status: 200, want: []string{
			"Đã trả kết quả", "Hoàn thành", "Đánh giá sự hài lòng", `name="score"`, `name="attitude"`, `name="trips"`,
			`<input type="hidden" name="pin" value="` + done.pin + `">`}, unwanted: []string{"Thời gian còn lại"}},
	} {
		a := e.page(defaultClient, tc.path, nil)
		shows(t, tc.name, a, tc.status, tc.want, tc.unwanted...)
		if a.header.Get("Cache-Control") != "no-store" || a.header.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", tc.name, a.header)
		}
	}
	// The wrong PIN and the unknown code give the same page.
	wrongPage := e.page(defaultClient, lookupPage(open.code, wrong), nil)
	unknownPage := e.page(defaultClient, lookupPage("000.00.16.H19-260310-9999", wrong), nil)
	strip := func(a answer) string {
		s := string(a.body)
		s = strings.ReplaceAll(s, url.QueryEscape(open.code), "CODE")
		s = strings.ReplaceAll(s, url.QueryEscape("000.00.16.H19-260310-9999"), "CODE")
		s = strings.ReplaceAll(s, open.code, "CODE")
		return strings.ReplaceAll(s, "000.00.16.H19-260310-9999", "CODE")
	}
	if strip(wrongPage) != strip(unknownPage) {
		t.Error("a wrong PIN and an unknown code give different pages")
	}

	// The rating: refused without the form's token, refused before the result is
	// returned, stored once, then refused as already rated.
	b := browser(t)
	a := e.page(b, lookupPage(done.code, done.pin), nil)
	m := csrfField.FindStringSubmatch(string(a.body))
	if m == nil {
		t.Fatalf("no CSRF token in the rating form: %s", a.body)
	}
	token := m[1]
	form := func(code, pin string, extra ...string) url.Values {
		f := url.Values{"code": {code}, "pin": {pin}, csrf.FieldName: {token}, "score": {"4"}, "attitude": {"5"},
			"trips": {"2"}, "comment": {"  Cán bộ  hướng dẫn tận tình "}}
		for i := 0; i+1 < len(extra); i += 2 {
			f.Set(extra[i], extra[i+1])
		}
		return f
	}
	// Another site's form: the browser does not send the cookie, and the token is not known.
	if a := e.page(defaultClient, "/tra-cuu/danh-gia", form(done.code, done.pin, csrf.FieldName, "")); a.status != http.StatusForbidden {
		t.Fatalf("without the token: %d", a.status)
	}
	if a := e.page(defaultClient, "/tra-cuu/danh-gia", form(done.code, done.pin)); a.status != http.StatusForbidden {
		t.Fatalf("the token without its cookie: %d", a.status)
	}
	if n := e.count("SELECT count(*) FROM status.ratings"); n != 0 {
		t.Fatalf("%d ratings stored by refused forms", n)
	}
	shows(t, "not returned", e.page(b, "/tra-cuu/danh-gia", form(open.code, open.pin)), http.StatusConflict,
		[]string{"Chỉ đánh giá được sau khi đã nhận kết quả"})
	shows(t, "wrong PIN", e.page(b, "/tra-cuu/danh-gia", form(done.code, wrong)), http.StatusNotFound, []string{notFound})
	shows(t, "no score", e.page(b, "/tra-cuu/danh-gia", form(done.code, done.pin, "score", "", "lang", "en")),
		http.StatusUnprocessableEntity, []string{"Choose an overall score from 1 to 5.", `value="2"`, "Cán bộ hướng dẫn tận tình"})
	shows(t, "rated", e.page(b, "/tra-cuu/danh-gia", form(done.code, done.pin)), http.StatusOK,
		[]string{"Cảm ơn bạn đã đánh giá", done.code, "Đã trả kết quả"}, `name="score"`)
	if n := e.count("SELECT count(*) FROM status.ratings WHERE dossier_id = $1 AND score = 4 AND comment = 'Cán bộ hướng dẫn tận tình' AND criteria = '{\"attitude\":5,\"trips\":2}'", done.id); n != 1 {
		t.Fatalf("stored ratings like the form: %d", n)
	}
	shows(t, "again", e.page(b, "/tra-cuu/danh-gia", form(done.code, done.pin, "score", "1", "lang", "en")), http.StatusConflict,
		[]string{"This dossier has already been rated"})
	// Looked up again later, the rated dossier thanks the citizen instead of offering
	// the form.
	shows(t, "looked up after rating", e.page(b, lookupPage(done.code, done.pin), nil), http.StatusOK,
		[]string{"Bạn đã đánh giá hồ sơ này", "Đã trả kết quả"}, `name="score"`)
}
