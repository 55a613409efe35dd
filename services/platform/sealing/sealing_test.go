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

// TestRotation: values name the key that sealed them; after a rotation the new key seals
// and the old one still opens what it sealed, lookups find what was indexed before, and
// a value from before values named their key still opens.
func TestRotation(t *testing.T) {
	oldKey, newKey := bytes.Repeat([]byte{1}, KeySize), bytes.Repeat([]byte{2}, KeySize)
	before, err := New(oldKey)
	if err != nil {
		t.Fatal(err)
	}
	sealedBefore := before.Seal("applicant_id", "075123456789")
	indexBefore := before.Index("applicant_id", "075123456789")

	after, err := New(newKey, oldKey)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := after.Open("applicant_id", sealedBefore); err != nil || got != "075123456789" {
		t.Fatalf("a value sealed before the rotation: %q %v", got, err)
	}
	sealedAfter := after.Seal("applicant_id", "075123456789")
	if bytes.Equal(sealedAfter[1:1+idSize], sealedBefore[1:1+idSize]) {
		t.Error("the new key seals under the old key's id")
	}
	if _, err := before.Open("applicant_id", sealedAfter); err == nil {
		t.Error("a value sealed with the new key opens without it")
	}
	if !bytes.Equal(after.Index("applicant_id", "075123456789"), indexBefore) {
		t.Error("the index changed with the rotation: lookups would miss what was indexed before")
	}

	// A value as sealed before values named their key: the nonce, then the sealed text.
	legacy := legacySeal(t, oldKey, "applicant_phone", "0912345678")
	if got, err := after.Open("applicant_phone", legacy); err != nil || got != "0912345678" {
		t.Errorf("a value from before key ids: %q %v", got, err)
	}
	tampered := append([]byte(nil), sealedAfter...)
	tampered[len(tampered)-1] ^= 1
	if _, err := after.Open("applicant_id", tampered); err == nil {
		t.Error("an altered value opened")
	}
}

// legacySeal seals as the first version of this package did.
func legacySeal(t *testing.T, dataKey []byte, field, plain string) []byte {
	t.Helper()
	k, err := prepare(dataKey)
	if err != nil {
		t.Fatal(err)
	}
	nonce := make([]byte, k.aead.NonceSize())
	return k.aead.Seal(nonce, nonce, []byte(plain), []byte(field))
}
