package client

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestKey(t *testing.T) {
	for _, tc := range []struct{ remote, want string }{
		{"192.0.2.7:5000", "192.0.2.7"},
		{"[2001:db8:1:2:aaaa::1]:443", "2001:db8:1:2::/64"},
		{"[2001:db8:1:2:bbbb::9]:443", "2001:db8:1:2::/64"},
		{"not an address", "not an address"},
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.RemoteAddr = tc.remote
		if got := Key(r); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.remote, got, tc.want)
		}
	}
}
