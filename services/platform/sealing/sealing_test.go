package sealing

import (
	"bytes"
	"testing"
)

func TestSealOpen(t *testing.T) {
	key := bytes.Repeat([]byte{7}, KeySize)
	s, err := New(key)
	if err != nil {
		t.Fatal(err)
	}
	sealed := s.Seal("phone", "0912345678")
	if bytes.Contains(sealed, []byte("0912345678")) {
		t.Fatal("plain text visible in sealed value")
	}
	if got, err := s.Open("phone", sealed); err != nil || got != "0912345678" {
		t.Fatalf("Open = %q, %v", got, err)
	}
	if _, err := s.Open("address", sealed); err == nil {
		t.Fatal("value opened under another field name")
	}
	other, _ := New(bytes.Repeat([]byte{8}, KeySize))
	if _, err := other.Open("phone", sealed); err == nil {
		t.Fatal("value opened with another key")
	}
	if bytes.Equal(s.Seal("phone", "0912345678"), sealed) {
		t.Fatal("sealing is deterministic: nonce reused")
	}
	if s.Seal("phone", "") != nil {
		t.Fatal("empty value should seal to nil")
	}
	if !bytes.Equal(s.Index("id", "012345678901"), s.Index("id", "012345678901")) || bytes.Equal(s.Index("id", "012345678901"), s.Index("phone", "012345678901")) {
		t.Fatal("index must be stable per field and differ across fields")
	}
	if _, err := New([]byte("short")); err == nil {
		t.Fatal("short key accepted")
	}
}
