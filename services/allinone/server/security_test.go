package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// serveWith runs the all-in-one with the demo and extra added to the tests' settings,
// until the test ends; it returns the address listened on.
func serveWith(t *testing.T, extra map[string]string) string {
	t.Helper()
	r := serveOn(t, t.TempDir(), extra)
	t.Cleanup(r.stop)
	return r.addr
}

// answer is an answer's status, headers and body.
type answer struct {
	status int
	header http.Header
	body   string
}

// send sends r without following redirects.
func send(t *testing.T, r *http.Request) answer {
	t.Helper()
	c := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return answer{res.StatusCode, res.Header, string(b)}
}

func request(t *testing.T, method, u string, form url.Values, header map[string]string, cookies ...*http.Cookie) *http.Request {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		r.Header.Set(k, v)
	}
	for _, c := range cookies {
		r.AddCookie(c)
	}
	return r
}

func cookie(a answer, name string) *http.Cookie {
	for _, c := range (&http.Response{Header: a.header}).Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

var csrfField = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

func field(t *testing.T, a answer) string {
	t.Helper()
	m := csrfField.FindStringSubmatch(a.body)
	if m == nil {
		t.Fatalf("no CSRF field in the page (%d)", a.status)
	}
	return m[1]
}

// TestHeadersAndMetricsOverHTTP: served over plain HTTP, every answer (the API's, the
// pages', an error) carries nosniff, no framing, no referrer and a content security
// policy, and no HSTS; a trusted proxy ending TLS turns HSTS on, a client's own claim
// does not; /metrics answers the loopback address but not a visitor a proxy forwards.
func TestHeadersAndMetricsOverHTTP(t *testing.T) {
	base := "http://" + serveWith(t, map[string]string{"MOTCUA_TRUSTED_PROXIES": "127.0.0.1/32"})
	for _, path := range []string{"/api/v1/procedures", "/tra-cuu", "/dang-nhap", "/api/v1/nowhere", "/healthz"} {
		a := send(t, request(t, http.MethodGet, base+path, nil, nil))
		h := a.header
		csp := h.Get("Content-Security-Policy")
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" ||
			h.Get("Referrer-Policy") != "no-referrer" || !strings.Contains(csp, "frame-ancestors 'none'") ||
			!strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") {
			t.Errorf("%s: %d, headers %v", path, a.status, h)
		}
		if h.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS over plain HTTP", path)
		}
	}
	behindTLS := send(t, request(t, http.MethodGet, base+"/tra-cuu", nil, map[string]string{"X-Forwarded-Proto": "https"}))
	if behindTLS.header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS behind a trusted proxy ending TLS")
	}
	if a := send(t, request(t, http.MethodGet, base+"/metrics", nil, nil)); a.status != http.StatusOK ||
		!strings.Contains(a.body, "motcua_http_request_duration_seconds") {
		t.Errorf("/metrics from loopback: %d", a.status)
	}
	if a := send(t, request(t, http.MethodGet, base+"/metrics", nil, map[string]string{"X-Forwarded-For": "203.0.113.9"})); a.status != http.StatusNotFound {
		t.Errorf("/metrics for a visitor through the proxy: %d, want 404", a.status)
	}
}

// TestCookiesOverHTTPS: with an https:// public address, the session and CSRF cookies
// are Secure and __Host- prefixed, HSTS is on, and a CSRF token minted for one member
// of staff's session is refused with another's cookie.
func TestCookiesOverHTTPS(t *testing.T) {
	base := "http://" + serveWith(t, map[string]string{"MOTCUA_PUBLIC_URL": "https://motcua.example.vn"})
	form := send(t, request(t, http.MethodGet, base+"/dang-nhap", nil, nil))
	if form.header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS with an https public address")
	}
	secret := cookie(form, "__Host-motcua_csrf")
	if secret == nil || !secret.Secure || secret.Path != "/" || secret.Domain != "" || cookie(form, "motcua_csrf") != nil {
		t.Fatalf("CSRF cookie over HTTPS: %v", form.header.Values("Set-Cookie"))
	}
	signIn := func(user string) *http.Cookie {
		a := send(t, request(t, http.MethodPost, base+"/dang-nhap",
			url.Values{"username": {user}, "password": {demo.Password}, "csrf_token": {field(t, form)}}, nil, secret))
		s := cookie(a, "__Host-motcua_session")
		if a.status != http.StatusSeeOther || s == nil || !s.Secure || !s.HttpOnly || s.Path != "/" || s.Domain != "" ||
			cookie(a, "motcua_session") != nil {
			t.Fatalf("sign-in of %s: %d %v", user, a.status, a.header.Values("Set-Cookie"))
		}
		return s
	}
	a, b := signIn("desk.xuanloc"), signIn("desk.giaray")
	home := send(t, request(t, http.MethodGet, base+"/mot-cua", nil, nil, secret, a))
	if home.status != http.StatusOK {
		t.Fatalf("the desk's home over HTTPS: %d", home.status)
	}
	tokA := field(t, home)
	signOut := func(tok string, sess *http.Cookie) answer {
		return send(t, request(t, http.MethodPost, base+"/dang-xuat", url.Values{"csrf_token": {tok}}, nil, secret, sess))
	}
	if got := signOut(tokA, b); got.status != http.StatusForbidden {
		t.Errorf("desk a's token with desk b's session: %d, want 403", got.status)
	}
	// The plain-named cookies, which anyone could plant over HTTP, count for nothing.
	if got := send(t, request(t, http.MethodGet, base+"/mot-cua", nil, nil,
		&http.Cookie{Name: "motcua_session", Value: a.Value})); got.status != http.StatusSeeOther {
		t.Errorf("a plain-named session over HTTPS: %d, want 303 to the sign-in", got.status)
	}
	if got := signOut(tokA, a); got.status != http.StatusSeeOther {
		t.Errorf("desk a's token with its own session: %d, want 303", got.status)
	}
}

// TestEveryPagePostRefusesOtherOrigins walks the all-in-one router: every
// state-changing page route (outside /api/) refuses a request a browser says came from
// another site before the page sees it, and lets the same site's through.
func TestEveryPagePostRefusesOtherOrigins(t *testing.T) {
	r := lifecycle.Router("motcua", config.Common{}, slog.New(slog.DiscardHandler))
	for _, s := range startServices(t) {
		s.Mount(r)
	}
	tried := 0
	err := chi.Walk(r, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		if method == http.MethodGet || method == http.MethodHead || method == http.MethodOptions || strings.HasPrefix(route, "/api/") {
			return nil
		}
		tried++
		path := regexp.MustCompile(`\{[^}]*\}`).ReplaceAllString(route, "x")
		for _, site := range []string{"cross-site", "same-site", "same-origin"} {
			req := request(t, method, "http://motcua.example.vn"+path, url.Values{"csrf_token": {"x"}}, map[string]string{"Sec-Fetch-Site": site})
			w := &recorder{header: http.Header{}}
			r.ServeHTTP(w, req)
			refused := w.status == http.StatusForbidden && w.body.String() == htmlpage.CrossOriginRefused
			if refused != (site != "same-origin") {
				t.Errorf("%s %s from %s: %d %q", method, route, site, w.status, w.body.String())
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if tried < 15 {
		t.Errorf("only %d state-changing page routes found", tried)
	}
	t.Logf("%d state-changing page routes tried", tried)
}

// recorder is a minimal response recorder.
type recorder struct {
	header http.Header
	status int
	body   strings.Builder
}

func (w *recorder) Header() http.Header { return w.header }
func (w *recorder) WriteHeader(s int) {
	if w.status == 0 {
		w.status = s
	}
}
func (w *recorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.body.Write(b)
}
