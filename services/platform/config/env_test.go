package config

import (
	"strings"
	"testing"
	"time"
)

func TestMaskURLList(t *testing.T) {
	got := MaskURL("nats://a:pw1@h1:4222,nats://b:pw2@h2:4222,nats://s3cr3ttoken@h3:4222")
	if strings.Contains(got, "pw1") || strings.Contains(got, "pw2") || strings.Contains(got, "s3cr3ttoken") || !strings.Contains(got, "h2:4222") {
		t.Fatalf("MaskURL = %q", got)
	}
}

func TestReaderDefaultsAndErrors(t *testing.T) {
	r := NewReaderFrom(map[string]string{"A": "x", "D": "nope", "N": "-3", "S": "hunter2", "U": "postgres://u:pw@h/db"})
	if got := r.String("A", "d"); got != "x" {
		t.Fatalf("String = %q", got)
	}
	if got := r.String("MISSING", "d"); got != "d" {
		t.Fatalf("default = %q", got)
	}
	if got := r.Duration("D", time.Second); got != time.Second {
		t.Fatalf("bad duration should fall back, got %v", got)
	}
	r.Int("N", 1)
	r.Secret("S", "")
	r.String("U", "")
	err := r.Err()
	if err == nil || !strings.Contains(err.Error(), "D:") || !strings.Contains(err.Error(), "N:") {
		t.Fatalf("Err = %v, want both D and N named", err)
	}
	joined := ""
	for _, v := range r.LogValues() {
		joined += v.(string) + " "
	}
	if strings.Contains(joined, "hunter2") || strings.Contains(joined, ":pw@") {
		t.Fatalf("secrets leaked into log values: %s", joined)
	}
}

func TestPublicURL(t *testing.T) {
	for _, c := range []struct{ set, addr, want string }{
		{"", "127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"", ":8080", "http://localhost:8080"},
		{"", "0.0.0.0:8080", "http://localhost:8080"},
		{"", "[::]:8080", "http://localhost:8080"},
		{"https://motcua.dongnai.gov.vn/", ":8080", "https://motcua.dongnai.gov.vn"},
		{"https://dongnai.gov.vn/motcua", ":8080", "https://dongnai.gov.vn/motcua"},
	} {
		r := NewReaderFrom(map[string]string{"MOTCUA_PUBLIC_URL": c.set})
		if got := r.PublicURL(c.addr); got != c.want || r.Err() != nil {
			t.Errorf("PublicURL(%q) with %q = %q (%v), want %q", c.addr, c.set, got, r.Err(), c.want)
		}
	}
	for _, bad := range []string{"motcua.gov.vn", "ftp://motcua.gov.vn", "https://", "https://a.vn/?x=1", "https://u:p@a.vn"} {
		r := NewReaderFrom(map[string]string{"MOTCUA_PUBLIC_URL": bad})
		if r.PublicURL(":8080"); r.Err() == nil || !strings.Contains(r.Err().Error(), "MOTCUA_PUBLIC_URL") {
			t.Errorf("%q is accepted: %v", bad, r.Err())
		}
	}
}

func TestNetworks(t *testing.T) {
	r := NewReaderFrom(map[string]string{"MOTCUA_TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.10 ,2001:db8::/32"})
	got := r.Networks("MOTCUA_TRUSTED_PROXIES")
	if len(got) != 3 || got[1].String() != "192.0.2.10/32" || r.Err() != nil {
		t.Errorf("Networks = %v (%v)", got, r.Err())
	}
	r = NewReaderFrom(map[string]string{"MOTCUA_TRUSTED_PROXIES": "10.0.0.0/8,proxy.local"})
	if r.Networks("MOTCUA_TRUSTED_PROXIES"); r.Err() == nil || !strings.Contains(r.Err().Error(), "proxy.local") {
		t.Errorf("a host name is accepted: %v", r.Err())
	}
}
