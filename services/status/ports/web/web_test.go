package web

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/ratelimit"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/pagetest"
	"github.com/motcua/motcua/services/status/app/citizen"
)

// clock is a settable time for the limiters.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

// newTestPages returns the pages over a citizen service without a store: enough for every answer
// given before the database is asked (the answers that need it are tested in
// service/pages_test.go).
func newTestPages(byClient *ratelimit.Limiter) (http.Handler, *clock) {
	c := &clock{now: time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC)}
	if byClient == nil {
		byClient = ratelimit.New(100, time.Second, 1000)
	}
	p := &Pages{Log: slog.New(slog.DiscardHandler), Citizen: citizen.NewService(citizen.Options{PINKey: make([]byte, 32),
		Location: time.UTC, Now: c.Now, Limits: citizen.Limits{ByClient: byClient, ByCode: ratelimit.New(100, time.Second, 1000)}})}
	r := chi.NewRouter()
	p.Mount(r)
	return r, c
}

func do(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	if r.RemoteAddr == "" || r.RemoteAddr == "192.0.2.1:1234" {
		r.RemoteAddr = "192.0.2.1:1234"
	}
	return pagetest.Serve(h, r)
}

func get(h http.Handler, target string) *httptest.ResponseRecorder {
	return do(h, httptest.NewRequest(http.MethodGet, target, nil))
}

func contains(t *testing.T, name string, w *httptest.ResponseRecorder, want ...string) {
	t.Helper()
	body := w.Body.String()
	for _, s := range want {
		if !strings.Contains(body, s) {
			t.Errorf("%s: the page lacks %q", name, s)
		}
	}
}

func TestPagesAnswerWithoutTheStore(t *testing.T) {
	h, _ := newTestPages(nil)
	long := strings.Repeat("9", 500)
	for _, tc := range []struct {
		name, target string
		status       int
		want         []string
	}{
		{"home", "/", 200, []string{`<html lang="vi">`, `<label for="code">Mã hồ sơ</label>`,
			`<label for="pin">Mã tra cứu (PIN)</label>`, `autocomplete="off"`, `inputmode="text"`,
			`<main id="main"`, `action="/tra-cuu"`, `method="get"`, `href="/?lang=en"`, ">English</a>"}},
		{"lookup form", "/tra-cuu", 200, []string{`<html lang="vi">`, "Nhập mã hồ sơ và mã tra cứu"}},
		{"english", "/tra-cuu?lang=en", 200, []string{`<html lang="en">`, `<label for="code">Dossier code</label>`,
			`<input type="hidden" name="lang" value="en">`, `href="/tra-cuu"`, ">Tiếng Việt</a>"}},
		{"no PIN", "/tra-cuu?code=000.00.16.H19-260310-0001", 422, []string{"Hãy nhập mã tra cứu (PIN)",
			`value="000.00.16.H19-260310-0001"`, `aria-invalid="true"`}},
		{"blank PIN", "/tra-cuu?code=000.00.16.H19-260310-0001&pin=+-+", 422, []string{"Hãy nhập mã tra cứu (PIN)"}},
		{"no code", "/tra-cuu?pin=ABCDE23456", 422, []string{"Hãy nhập mã hồ sơ"}},
		{"no code, english", "/tra-cuu?pin=ABCDE23456&lang=en", 422, []string{"Enter the dossier code"}},
		{"code too long", "/tra-cuu?code=" + long + "&pin=ABCDE23456", 404, []string{"Không tìm thấy hồ sơ"}},
		{"code not UTF-8", "/tra-cuu?code=%FF%FE&pin=ABCDE23456", 404, []string{"Không tìm thấy hồ sơ"}},
		{"code with NUL", "/tra-cuu?code=000.00.16.H19%00&pin=ABCDE23456", 404, []string{"Không tìm thấy hồ sơ"}},
		{"PIN too long", "/tra-cuu?code=C1&pin=" + long, 404, []string{"Không tìm thấy hồ sơ"}},
		{"script in the code", "/tra-cuu?code=%3Cscript%3Ealert(1)%3C/script%3E&pin=" + long, 404,
			[]string{"&lt;script&gt;alert(1)&lt;/script&gt;"}},
	} {
		w := get(h, tc.target)
		if w.Code != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, w.Code, tc.status)
		}
		contains(t, tc.name, w, tc.want...)
		if strings.Contains(w.Body.String(), "<script") {
			t.Errorf("%s: the page holds a script", tc.name)
		}
		hd := w.Header()
		if csp := hd.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", tc.name, csp)
		}
		if hd.Get("X-Content-Type-Options") != "nosniff" || hd.Get("Referrer-Policy") != "no-referrer" ||
			hd.Get("Cache-Control") != "no-store" || !strings.HasPrefix(hd.Get("Content-Type"), "text/html; charset=utf-8") {
			t.Errorf("%s: headers %v", tc.name, hd)
		}
	}
	// A code is shown back cut to a length no code exceeds.
	if w := get(h, "/tra-cuu?code="+long+"&pin=X"); strings.Contains(w.Body.String(), strings.Repeat("9", 42)) {
		t.Error("a long code is shown back whole")
	}
}

func TestLanguageSwitchKeepsTheQuery(t *testing.T) {
	h, _ := newTestPages(nil)
	w := get(h, "/tra-cuu?code=C1&pin="+strings.Repeat("A", 40))
	want := `href="/tra-cuu?code=C1&amp;lang=en&amp;pin=` + strings.Repeat("A", 40) + `"`
	contains(t, "switch to English", w, want)
	w = get(h, "/tra-cuu?code=C1&pin="+strings.Repeat("A", 40)+"&lang=en")
	contains(t, "switch to Vietnamese", w, `href="/tra-cuu?code=C1&amp;pin=`+strings.Repeat("A", 40)+`"`)
}

func TestTooManyFailuresGetA429Page(t *testing.T) {
	h, c := newTestPages(ratelimit.New(2, 6*time.Second, 1000))
	bad := "/tra-cuu?code=C1&pin=" + strings.Repeat("A", 33) // refused before the store is asked
	for i := 0; i < 2; i++ {
		if w := get(h, bad); w.Code != http.StatusNotFound {
			t.Fatalf("failure %d: %d", i+1, w.Code)
		}
	}
	w := get(h, "/tra-cuu?code=C2&pin=ABCDE23456")
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") != "6" {
		t.Fatalf("after the failures: %d, Retry-After %q", w.Code, w.Header().Get("Retry-After"))
	}
	contains(t, "429", w, "Vui lòng thử lại sau 6 giây")
	c.now = c.now.Add(3 * time.Second)
	w = get(h, "/tra-cuu?code=C2&pin=ABCDE23456&lang=en")
	if w.Code != http.StatusTooManyRequests {
		t.Fatalf("later: %d", w.Code)
	}
	contains(t, "429 en", w, "Please try again in 3 seconds")
}

// ratingPost is a rating form from a browser holding cookie (its CSRF secret), with
// field as its token.
func ratingPost(cookie, field string, form url.Values) *http.Request {
	if form == nil {
		form = url.Values{"code": {"C1"}, "pin": {strings.Repeat("A", 33)}, "score": {"5"}}
	}
	if field != "" {
		form.Set(csrf.FieldName, field)
	}
	r := httptest.NewRequest(http.MethodPost, RatingPath, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if cookie != "" {
		r.AddCookie(&http.Cookie{Name: csrf.CookieName, Value: cookie})
	}
	return r
}

func TestRatingFormNeedsItsCSRFToken(t *testing.T) {
	h, _ := newTestPages(nil)
	secret, otherSecret := strings.Repeat("A", 43), strings.Repeat("B", 43)
	token, other := csrf.Field(secret, ""), csrf.Field(otherSecret, "")
	for _, tc := range []struct {
		name, cookie, field string
		status              int
	}{
		{"no cookie, no field", "", "", http.StatusForbidden},
		{"field without cookie", "", token, http.StatusForbidden},
		{"cookie without field", secret, "", http.StatusForbidden},
		{"another token", secret, other, http.StatusForbidden},
		{"the secret as the token", secret, secret, http.StatusForbidden},
		// Accepted: the lookup goes on (and fails on the too long PIN, before the store).
		{"matching", secret, token, http.StatusNotFound},
	} {
		w := do(h, ratingPost(tc.cookie, tc.field, nil))
		if w.Code != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, w.Code, tc.status)
		}
		if tc.status == http.StatusForbidden {
			contains(t, tc.name, w, "Phiên biểu mẫu đã hết hạn")
			if len(w.Result().Cookies()) == 0 && tc.cookie == "" {
				t.Errorf("%s: no fresh token was set", tc.name)
			}
		}
	}
	// Too big a form is refused before anything else.
	big := url.Values{"comment": {strings.Repeat("x", 20<<10)}}
	if w := do(h, ratingPost(secret, token, big)); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("big form: %d, want 413", w.Code)
	}
	// The rating address takes no GET.
	if w := get(h, RatingPath); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET %s: %d", RatingPath, w.Code)
	}
}

func TestReadRating(t *testing.T) {
	for _, tc := range []struct {
		name    string
		form    url.Values
		problem string
	}{
		{"score only", url.Values{"score": {"4"}}, ""},
		{"everything", url.Values{"score": {"5"}, "on_time": {"5"}, "attitude": {"4"}, "guidance": {"3"}, "trips": {"2"},
			"comment": {"  Cán bộ  tận tình "}}, ""},
		{"no score", url.Values{"on_time": {"5"}}, "rate.need.score"},
		{"score 6", url.Values{"score": {"6"}}, "rate.bad"},
		{"score as words", url.Values{"score": {"five"}}, "rate.bad"},
		{"criterion 0", url.Values{"score": {"3"}, "attitude": {"0"}}, "rate.bad"},
		{"trips 0", url.Values{"score": {"3"}, "trips": {"0"}}, "rate.bad.trips"},
		{"trips 101", url.Values{"score": {"3"}, "trips": {"101"}}, "rate.bad.trips"},
		{"trips as words", url.Values{"score": {"3"}, "trips": {"two"}}, "rate.bad.trips"},
		{"comment too long", url.Values{"score": {"3"}, "comment": {strings.Repeat("ă", 1001)}}, "rate.long"},
	} {
		r := httptest.NewRequest(http.MethodPost, RatingPath, strings.NewReader(tc.form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		_, rt, problem := readRating(r)
		if problem != tc.problem {
			t.Errorf("%s: problem %q, want %q", tc.name, problem, tc.problem)
		}
		if tc.name == "everything" && (rt.Score != 5 || rt.Comment != "Cán bộ tận tình" || rt.Criteria["trips"] != 2 ||
			rt.Criteria["guidance"] != 3 || len(rt.Criteria) != 4) {
			t.Errorf("everything: %+v", rt)
		}
	}
}

func TestStyleSheet(t *testing.T) {
	h, _ := newTestPages(nil)
	w := get(h, StylePath)
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/css") || !strings.Contains(w.Body.String(), "@media") {
		t.Fatalf("style sheet: %d %s", w.Code, w.Header())
	}
	contains(t, "home", get(h, "/"), `href="`+styleAsset.URL()+`"`)
}
