package htmlpage

import (
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestLanguageIsRememberedAndSwitched(t *testing.T) {
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, "/mot-cua?code=X&lang=en", nil)
	if got := Language(w, r); got != English {
		t.Fatalf("?lang=en gave %q", got)
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 || cookies[0].Name != LangCookie || cookies[0].Value != "en" || !cookies[0].HttpOnly {
		t.Fatalf("cookie %+v", cookies)
	}
	r2 := httptest.NewRequest(http.MethodGet, "/mot-cua", nil)
	r2.AddCookie(cookies[0])
	if got := Language(httptest.NewRecorder(), r2); got != English {
		t.Fatalf("the cookie gave %q", got)
	}
	if got := Language(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil)); got != Vietnamese {
		t.Fatalf("no choice gave %q, want Vietnamese", got)
	}
	if got := SwitchURL(r, English); got != "/mot-cua?code=X&lang=vi" {
		t.Fatalf("switch of a GET: %q", got)
	}
	post := httptest.NewRequest(http.MethodPost, "/mot-cua/tiep-nhan?x=1", nil)
	if got := SwitchURL(post, Vietnamese); got != "/mot-cua/tiep-nhan?lang=en" {
		t.Fatalf("switch of a POST: %q", got)
	}
}

func TestHeadersAndAsset(t *testing.T) {
	a := NewAsset("/assets/x.css", "text/css; charset=utf-8", []byte("body{}"))
	h := Headers(NoScript)(a)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, a.URL(), nil))
	if w.Body.String() != "body{}" || w.Header().Get("Content-Security-Policy") != NoScript ||
		w.Header().Get("Referrer-Policy") != "no-referrer" || w.Header().Get("Content-Type") != "text/css; charset=utf-8" {
		t.Fatalf("asset answer %d %q %v", w.Code, w.Body, w.Header())
	}
	b := NewAsset("/assets/x.css", "text/css", []byte("body{color:red}"))
	if a.URL() == b.URL() || !strings.HasPrefix(a.URL(), "/assets/x.css?v=") {
		t.Fatalf("versions %q %q", a.URL(), b.URL())
	}
}

func TestRender(t *testing.T) {
	tm := template.Must(template.New("p").Parse(`{{define "p"}}<p>{{.}}</p>{{end}}{{define "bad"}}{{.Nope}}{{end}}`))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	w := httptest.NewRecorder()
	Render(w, log, tm, "p", "Nguyễn <b>", English, http.StatusCreated)
	if w.Code != http.StatusCreated || w.Body.String() != "<p>Nguyễn &lt;b&gt;</p>" ||
		w.Header().Get("Cache-Control") != "no-store" || w.Header().Get("Content-Language") != "en" {
		t.Fatalf("render: %d %q %v", w.Code, w.Body, w.Header())
	}
	w = httptest.NewRecorder()
	Render(w, log, tm, "bad", "a string has no field", Vietnamese, http.StatusOK)
	if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "<p>") {
		t.Fatalf("a failing template: %d %q", w.Code, w.Body)
	}
}

func TestFormats(t *testing.T) {
	at := time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC)
	if got := When(Vietnamese, at); got != "08:30, 02/03/2026" {
		t.Errorf("When vi %q", got)
	}
	if got := When(English, at); got != "2 Mar 2026, 08:30" {
		t.Errorf("When en %q", got)
	}
	if got := Day(Vietnamese, at); got != "02/03/2026" {
		t.Errorf("Day %q", got)
	}
	if got := Decimal(Vietnamese, 12.34, 1) + " " + Decimal(English, 12.5, -1) + " " + Decimal(Vietnamese, 40, -1); got != "12,3 12.5 40" {
		t.Errorf("Decimal %q", got)
	}
	for in, want := range map[int64]string{0: "0 ₫", 500: "500 ₫", 1000: "1.000 ₫", 1500000: "1.500.000 ₫", -25000: "-25.000 ₫"} {
		if got := Money(in); got != want {
			t.Errorf("Money(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestOverHTTPS(t *testing.T) {
	plain := httptest.NewRequest(http.MethodGet, "http://motcua.example.vn/", nil)
	if OverHTTPS(plain) || CookieName(plain, "c") != "c" {
		t.Error("plain HTTP taken for HTTPS")
	}
	// Without the router's httpapi.Secure in front, a client's X-Forwarded-Proto is
	// not believed.
	claimed := httptest.NewRequest(http.MethodGet, "http://motcua.example.vn/", nil)
	claimed.Header.Set("X-Forwarded-Proto", "https")
	if OverHTTPS(claimed) {
		t.Error("a client's X-Forwarded-Proto taken for HTTPS")
	}
	tls := httptest.NewRequest(http.MethodGet, "https://motcua.example.vn/", nil)
	if !OverHTTPS(tls) || CookieName(tls, "c") != "__Host-c" {
		t.Error("HTTPS not recognised")
	}
}

// TestSameOriginRefusesCrossSitePosts: a POST a browser says came from another site is
// refused before the page sees it; the same site's, a non-browser's and a GET pass.
func TestSameOriginRefusesCrossSitePosts(t *testing.T) {
	h := SameOrigin(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }))
	for _, tc := range []struct {
		method string
		header map[string]string
		want   int
	}{
		{http.MethodPost, map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{http.MethodPost, map[string]string{"Sec-Fetch-Site": "same-site"}, http.StatusForbidden},
		{http.MethodPost, map[string]string{"Origin": "https://evil.example"}, http.StatusForbidden},
		{http.MethodPost, map[string]string{"Sec-Fetch-Site": "same-origin"}, http.StatusNoContent},
		{http.MethodPost, map[string]string{"Origin": "http://motcua.example.vn"}, http.StatusNoContent},
		{http.MethodPost, nil, http.StatusNoContent},
		{http.MethodGet, map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusNoContent},
	} {
		r := httptest.NewRequest(tc.method, "http://motcua.example.vn/dang-xuat", nil)
		for k, v := range tc.header {
			r.Header.Set(k, v)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != tc.want {
			t.Errorf("%s %v: %d, want %d", tc.method, tc.header, w.Code, tc.want)
		}
		if tc.want == http.StatusForbidden && w.Body.String() != CrossOriginRefused {
			t.Errorf("%s %v: refused with %q", tc.method, tc.header, w.Body.String())
		}
	}
}

func TestDictionary(t *testing.T) {
	d := Dictionary{"left": {"Còn %d ngày", "%d days left"}}
	if got := d.T(Vietnamese, "left", 3); got != "Còn 3 ngày" {
		t.Errorf("vi: %q", got)
	}
	if got := d.T(English, "left", 3); got != "3 days left" {
		t.Errorf("en: %q", got)
	}
	if got := d.T(English, "missing"); got != "missing" {
		t.Errorf("a missing key: %q", got)
	}
}

func TestDictionaryWith(t *testing.T) {
	shared := Dictionary{"csrf": {"Hết hạn", "Expired"}, "optional": {"(không bắt buộc)", "(optional)"}}
	d := shared.With(Dictionary{"optional": {"(tùy chọn)", "(if you wish)"}, "home": {"Trang chủ", "Home"}})
	for key, want := range map[string]string{"csrf": "Expired", "optional": "(if you wish)", "home": "Home"} {
		if got := d.T(English, key); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
	if got := shared.T(English, "optional"); got != "(optional)" {
		t.Errorf("the shared words changed: %q", got)
	}
}
