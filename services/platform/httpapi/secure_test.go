package httpapi

import (
	"crypto/tls"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

// secureRouter is a router as the services build theirs: the clients and the scheme as
// the trusted proxies say, the security headers, and the operators' endpoints.
func secureRouter(publicURL string, trusted, metricsFrom []netip.Prefix) http.Handler {
	r := NewRouter("test", slog.New(slog.DiscardHandler))
	r.Use(Clients(trusted), Secure(publicURL, trusted))
	MountOps(r, nil, slog.New(slog.DiscardHandler), metricsFrom...)
	r.Get("/api/v1/things", func(w http.ResponseWriter, r *http.Request) {
		if OverHTTPS(r) {
			w.Header().Set("X-Test-HTTPS", "yes")
		}
		WriteJSON(w, http.StatusOK, map[string]string{})
	})
	return r
}

// TestSecureSetsTheSecurityHeaders: every answer, also an error, forbids sniffing,
// framing, referrers and loading anything; HSTS comes only over HTTPS, which a client's
// own X-Forwarded-Proto does not make.
func TestSecureSetsTheSecurityHeaders(t *testing.T) {
	proxy := []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}
	h := secureRouter("http://motcua.example.vn", proxy, nil)
	for _, tc := range []struct {
		name, path, peer, proto string
		tls, https              bool
	}{
		{"plain", "/api/v1/things", "198.51.100.7:1234", "", false, false},
		{"an error", "/nowhere", "198.51.100.7:1234", "", false, false},
		{"a client claiming https", "/api/v1/things", "198.51.100.7:1234", "https", false, false},
		{"a trusted proxy ending TLS", "/api/v1/things", "192.0.2.1:1234", "https", false, true},
		{"a trusted proxy over plain HTTP", "/api/v1/things", "192.0.2.1:1234", "http", false, false},
		{"TLS", "/api/v1/things", "198.51.100.7:1234", "", true, true},
	} {
		r := httptest.NewRequest(http.MethodGet, tc.path, nil)
		r.RemoteAddr = tc.peer
		if tc.proto != "" {
			r.Header.Set("X-Forwarded-Proto", tc.proto)
		}
		if tc.tls {
			r.TLS = &tls.ConnectionState{}
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		got := w.Result().Header
		for k, want := range map[string]string{
			"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
			"Content-Security-Policy": APIPolicy,
		} {
			if got.Get(k) != want {
				t.Errorf("%s: %s = %q, want %q", tc.name, k, got.Get(k), want)
			}
		}
		if hsts := got.Get("Strict-Transport-Security"); (hsts != "") != tc.https || (tc.https && hsts != HSTS) {
			t.Errorf("%s: Strict-Transport-Security %q", tc.name, hsts)
		}
		if tc.path == "/api/v1/things" && (got.Get("X-Test-HTTPS") == "yes") != tc.https {
			t.Errorf("%s: OverHTTPS = %v", tc.name, !tc.https)
		}
	}
	// An https:// public address means every browser comes over HTTPS.
	w := httptest.NewRecorder()
	secureRouter("https://motcua.example.vn", nil, nil).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/api/v1/things", nil))
	if w.Header().Get("Strict-Transport-Security") != HSTS || w.Header().Get("X-Test-HTTPS") != "yes" {
		t.Errorf("an https public address: %v", w.Header())
	}
}

// TestMetricsOnlyForOperators: /metrics answers the loopback address and the configured
// networks, and is a 404 for anyone else, also when a proxy on the same machine forwards
// a visitor.
func TestMetricsOnlyForOperators(t *testing.T) {
	proxy := []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}
	scraper := []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")}
	h := secureRouter("", proxy, scraper)
	for _, tc := range []struct {
		name, peer string
		header     map[string]string
		want       int
	}{
		{"loopback", "127.0.0.1:5000", nil, http.StatusOK},
		{"loopback v6", "[::1]:5000", nil, http.StatusOK},
		{"the scrapers' network", "10.1.2.3:5000", nil, http.StatusOK},
		{"a visitor", "198.51.100.7:5000", nil, http.StatusNotFound},
		{"a visitor naming loopback", "198.51.100.7:5000", map[string]string{"X-Forwarded-For": "127.0.0.1"}, http.StatusNotFound},
		{"a visitor through the trusted proxy", "192.0.2.1:5000", map[string]string{"X-Forwarded-For": "198.51.100.7"}, http.StatusNotFound},
		{"a scraper through the trusted proxy", "192.0.2.1:5000", map[string]string{"X-Forwarded-For": "10.1.2.3"}, http.StatusOK},
		{"a visitor through an untrusted local proxy", "127.0.0.1:5000", map[string]string{"X-Forwarded-For": "198.51.100.7"}, http.StatusNotFound},
		{"a visitor through a local proxy saying Forwarded", "127.0.0.1:5000", map[string]string{"Forwarded": "for=198.51.100.7"}, http.StatusNotFound},
		{"a visitor through a local proxy saying X-Real-IP", "127.0.0.1:5000", map[string]string{"X-Real-IP": "198.51.100.7"}, http.StatusNotFound},
	} {
		r := httptest.NewRequest(http.MethodGet, "/metrics", nil)
		r.RemoteAddr = tc.peer
		for k, v := range tc.header {
			r.Header.Set(k, v)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, w.Code, tc.want)
		}
	}
	// The health probes stay open: orchestrators call them from anywhere.
	r := httptest.NewRequest(http.MethodGet, "/healthz", nil)
	r.RemoteAddr = "198.51.100.7:5000"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Errorf("/healthz from a visitor: %d", w.Code)
	}
}
