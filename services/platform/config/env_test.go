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
