package security

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
)

// registered registers a dossier at the district desk and waits until the citizen's
// lookup finds it; it returns its code and PIN.
func registered(t *testing.T, c *client) (code, pin string) {
	t.Helper()
	tok := c.token("desk.xuanloc", demo.Password)
	a := c.do(call{method: http.MethodPost, path: "/api/v1/dossiers", token: tok,
		json: jsonRaw(string(apiclient.Registration(demo.DistrictDesk, "2.000720", 8001)))})
	var r struct {
		Code      string `json:"code"`
		LookupPIN string `json:"lookup_pin"`
	}
	if a.status != http.StatusCreated || json.Unmarshal([]byte(a.body), &r) != nil {
		t.Fatalf("registration: %s", a)
	}
	eventually(t, "status hears of "+r.Code, func() bool {
		return c.do(call{method: http.MethodGet, path: "/api/v1/track/" + r.Code + "?pin=" + r.LookupPIN}).status == http.StatusOK
	})
	return r.Code, r.LookupPIN
}

func lookup(c *client, code, pin string, header map[string]string) int {
	return c.do(call{method: http.MethodGet, path: "/api/v1/track/" + code + "?pin=" + pin, header: header}).status
}

// TestWrongPINsLockNobodyOut: many clients trying wrong PINs at a citizen's code, and
// one trying many, do not keep the citizen out: the right PIN from the citizen's own
// client answers 200. The client that sent the wrong PINs is the one slowed down.
func TestWrongPINsLockNobodyOut(t *testing.T) {
	s := serve(t, nil)
	code, pin := registered(t, newClient(t, s.Base, "127.0.0.1"))
	bad := wrong(pin)
	for i := 1; i <= 30; i++ {
		if got := lookup(newClient(t, s.Base, fmt.Sprintf("127.0.2.%d", i)), code, bad, nil); got != http.StatusNotFound && got != http.StatusTooManyRequests {
			t.Fatalf("wrong PIN from client %d: %d", i, got)
		}
	}
	attacker := newClient(t, s.Base, "127.0.3.1")
	limited := 0
	for range 30 {
		if lookup(attacker, code, bad, nil) == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited == 0 {
		t.Error("30 wrong PINs from one client were never slowed down (429)")
	}
	if got := lookup(attacker, code, pin, nil); got != http.StatusTooManyRequests {
		t.Errorf("the client that sent 30 wrong PINs, with the right one: %d, want 429", got)
	}
	if got := lookup(newClient(t, s.Base, "127.0.4.1"), code, pin, nil); got != http.StatusOK {
		t.Errorf("the owner's right PIN from their own client after 60 wrong ones from others: %d, want 200", got)
	}

	// Sign-in: wrong passwords from others do not lock the account against its owner.
	for i := 1; i <= 30; i++ {
		c := newClient(t, s.Base, fmt.Sprintf("127.0.5.%d", i%6+1))
		c.do(call{method: http.MethodPost, path: "/api/v1/auth/token", json: map[string]string{"username": "desk.giaray", "password": "wrong password"}})
	}
	owner := newClient(t, s.Base, "127.0.6.1")
	if a := owner.do(call{method: http.MethodPost, path: "/api/v1/auth/token", json: map[string]string{"username": "desk.giaray", "password": demo.Password}}); a.status != http.StatusOK {
		t.Errorf("the owner's right password from their own client after 30 wrong ones from others: %s", a)
	}
	fmt.Printf("security lookups: 60 wrong PINs from 31 clients, the owner's own still 200; 30 wrong passwords from 6 clients, the owner's still 200\n")
}

// TestClientsBehindTrustedProxies: with MOTCUA_TRUSTED_PROXIES, a request from a trusted
// proxy counts against the last X-Forwarded-For hop not in it (a visitor's own forged
// hops before it change nothing); a request from anyone else counts against its TCP
// peer, whatever X-Forwarded-For it sends.
func TestClientsBehindTrustedProxies(t *testing.T) {
	s := serve(t, map[string]string{"MOTCUA_TRUSTED_PROXIES": "127.0.0.1/32, 10.0.0.0/8"})
	code, pin := registered(t, newClient(t, s.Base, "127.0.0.1"))
	proxy := newClient(t, s.Base, "127.0.0.1")
	via := func(xff string) map[string]string { return map[string]string{"X-Forwarded-For": xff} }

	// 203.0.113.7, behind the proxy, spends its failures on made-up codes.
	for i := range 12 {
		lookup(proxy, fmt.Sprintf("000.00.16.H19-260101-%04d", 9000+i), pin, via("203.0.113.7"))
	}
	for _, c := range []struct {
		what string
		from *client
		xff  string
		want int
	}{
		{"the limited visitor through the proxy", proxy, "203.0.113.7", http.StatusTooManyRequests},
		{"the limited visitor with a forged hop of its own before it", proxy, "198.51.100.1, 203.0.113.7", http.StatusTooManyRequests},
		{"the limited visitor behind a second trusted proxy", proxy, "203.0.113.7, 10.1.2.3", http.StatusTooManyRequests},
		{"another visitor through the same proxy", proxy, "203.0.113.8", http.StatusOK},
		{"another visitor claiming the limited one's address as a forged first hop", proxy, "203.0.113.7, 203.0.113.9", http.StatusOK},
		{"a direct client claiming to be the limited visitor", newClient(t, s.Base, "127.0.0.2"), "203.0.113.7", http.StatusOK},
	} {
		if got := lookup(c.from, code, pin, via(c.xff)); got != c.want {
			t.Errorf("%s (X-Forwarded-For: %s): %d, want %d", c.what, c.xff, got, c.want)
		}
	}

	// A direct client rotating X-Forwarded-For is still one client.
	direct := newClient(t, s.Base, "127.0.0.3")
	limited := false
	for i := range 15 {
		if lookup(direct, fmt.Sprintf("000.00.16.H19-260101-%04d", 9100+i), pin, via(fmt.Sprintf("192.0.2.%d", i+1))) == http.StatusTooManyRequests {
			limited = true
		}
	}
	if !limited {
		t.Error("a direct client rotating X-Forwarded-For escaped the limit")
	}
	if got := lookup(proxy, code, pin, via("192.0.2.1")); got != http.StatusOK {
		t.Errorf("a visitor through the proxy whose address the direct client claimed: %d, want 200", got)
	}
	fmt.Printf("security proxies: 6 forwarding cases and a rotating X-Forwarded-For checked against the trusted proxies\n")
}
