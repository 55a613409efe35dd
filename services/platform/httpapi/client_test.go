package httpapi

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestClient(t *testing.T) {
	proxies := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("2001:db8:ffff::/48")}
	for _, tc := range []struct {
		name, remote, forwarded, want string
	}{
		{"a direct client", "192.0.2.7:5000", "", "192.0.2.7"},
		{"a direct client's own header is not believed", "192.0.2.7:5000", "198.51.100.1", "192.0.2.7"},
		{"IPv6 counts by /64", "[2001:db8:1:2:aaaa::1]:443", "", "2001:db8:1:2::/64"},
		{"behind the proxy", "10.1.2.3:443", "198.51.100.9", "198.51.100.9"},
		{"a forged first hop is passed over", "10.1.2.3:443", "203.0.113.66, 198.51.100.9", "198.51.100.9"},
		{"two proxies of ours", "10.1.2.3:443", "198.51.100.9, 10.9.9.9", "198.51.100.9"},
		{"an IPv6 client behind the proxy", "[2001:db8:ffff::1]:443", "2001:db8:5:6::7", "2001:db8:5:6::/64"},
		{"the proxy without a header", "10.1.2.3:443", "", "10.1.2.3"},
		{"a hop that is not an address", "10.1.2.3:443", "bogus", "10.1.2.3"},
		{"an IPv4-mapped peer", "[::ffff:192.0.2.8]:80", "", "192.0.2.8"},
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.RemoteAddr = tc.remote
		if tc.forwarded != "" {
			r.Header.Set("X-Forwarded-For", tc.forwarded)
		}
		var got string
		Clients(proxies)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { got = Client(r) })).
			ServeHTTP(httptest.NewRecorder(), r)
		if got != tc.want {
			t.Errorf("%s: Client = %q, want %q", tc.name, got, tc.want)
		}
	}
	// Without the middleware, the peer.
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.RemoteAddr = "10.1.2.3:443"
	r.Header.Set("X-Forwarded-For", "198.51.100.9")
	if got := Client(r); got != "10.1.2.3" {
		t.Errorf("Client without Clients = %q", got)
	}
}
