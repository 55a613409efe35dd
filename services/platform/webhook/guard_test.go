package webhook

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"
)

func TestForbidden(t *testing.T) {
	for _, tc := range []struct {
		addr      string
		forbidden bool
	}{
		{"127.0.0.1", true},
		{"127.8.9.10", true},
		{"::1", true},
		{"10.1.2.3", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"192.168.1.10", true},
		{"169.254.169.254", true}, // the clouds' metadata service
		{"fe80::1%eth0", true},
		{"fd12:3456::1", true},
		{"0.0.0.0", true},
		{"::", true},
		{"100.64.0.1", true},
		{"224.0.0.1", true},
		{"255.255.255.255", true},
		{"::ffff:127.0.0.1", true}, // IPv4 mapped into IPv6
		{"::ffff:169.254.169.254", true},
		{"64:ff9b::a9fe:a9fe", true}, // NAT64 of 169.254.169.254
		{"2002:7f00:1::", true},      // 6to4 of 127.0.0.1
		{"::127.0.0.1", true},        // IPv4-compatible, deprecated
		{"8.8.8.8", false},
		{"172.32.0.1", false},
		{"203.0.113.10", false},
		{"2001:4860:4860::8888", false},
		{"64:ff9b::808:808", false}, // NAT64 of 8.8.8.8
	} {
		if got := Forbidden(netip.MustParseAddr(tc.addr)); got != tc.forbidden {
			t.Errorf("Forbidden(%s) = %v, want %v", tc.addr, got, tc.forbidden)
		}
	}
}

func TestCheckURL(t *testing.T) {
	ctx := context.Background()
	strict, lax := Guard{}, Guard{AllowPrivate: true}
	for _, tc := range []struct {
		url         string
		strict, lax error
	}{
		{"https://203.0.113.10/hooks", nil, nil},
		{"http://[2001:db8::1]:8443/x?k=v", nil, nil},
		{"https://127.0.0.1/hooks", ErrPrivate, nil},
		{"http://10.0.0.5:8080/", ErrPrivate, nil},
		{"http://169.254.169.254/latest/meta-data/", ErrPrivate, nil},
		{"http://[::1]:9000/", ErrPrivate, nil},
		{"http://localhost:8080/", ErrPrivate, nil}, // a name is judged by what it resolves to
		{"https://no-such-host.invalid/", ErrUnresolved, nil},
		{"ftp://203.0.113.10/", ErrURL, ErrURL},
		{"/relative/path", ErrURL, ErrURL},
		{"https:///no-host", ErrURL, ErrURL},
		{"mailto:a@example.org", ErrURL, ErrURL},
		{"http://[::1", ErrURL, ErrURL},
	} {
		if err := strict.CheckURL(ctx, tc.url); !errors.Is(err, tc.strict) {
			t.Errorf("CheckURL(%q): %v, want %v", tc.url, err, tc.strict)
		}
		if err := lax.CheckURL(ctx, tc.url); !errors.Is(err, tc.lax) {
			t.Errorf("CheckURL(%q) with private addresses allowed: %v, want %v", tc.url, err, tc.lax)
		}
	}
}

// TestDialTimeRefusal: whatever passed the check when the endpoint was added, the call
// itself refuses to connect to a private address (here a receiver on loopback, as a
// name rebound to 127.0.0.1 would lead it), unless private addresses are allowed.
func TestDialTimeRefusal(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls++
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	_, err := Guard{}.Client(5*time.Second).Post(srv.URL, "application/json", nil)
	if !errors.Is(err, ErrPrivate) || calls != 0 {
		t.Fatalf("a call to %s: %v after %d calls, want ErrPrivate before any", srv.URL, err, calls)
	}
	res, err := Guard{AllowPrivate: true}.Client(5*time.Second).Post(srv.URL, "application/json", nil)
	if err != nil || res.StatusCode != http.StatusNoContent || calls != 1 {
		t.Fatalf("allowed: %v %v after %d calls", res, err, calls)
	}
	res.Body.Close()
}

// TestNoRedirect: a 3xx is the answer, not a way elsewhere (where the URL was never
// checked).
func TestNoRedirect(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/", http.StatusFound)
	}))
	defer srv.Close()
	res, err := Guard{AllowPrivate: true}.Client(5*time.Second).Post(srv.URL, "application/json", nil)
	if err != nil || res.StatusCode != http.StatusFound {
		t.Fatalf("%v %v", res, err)
	}
	res.Body.Close()
}
