package lookuppin

import (
	"strings"
	"testing"
)

func TestNew(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 2000; i++ {
		p := New()
		if len(p) != Length {
			t.Fatalf("PIN %q has length %d", p, len(p))
		}
		for _, r := range p {
			if !strings.ContainsRune(Alphabet, r) {
				t.Fatalf("PIN %q has %q outside the alphabet", p, r)
			}
		}
		if seen[p] {
			t.Fatalf("PIN %q repeated", p)
		}
		seen[p] = true
	}
	for _, c := range "01ILO" {
		if strings.ContainsRune(Alphabet, c) {
			t.Fatalf("alphabet holds the ambiguous %q", c)
		}
	}
}

func TestHashAndCheck(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	h := Hash(key, "000.00.16.H19-261201-0001", "ABCD-EFGH-JK")
	if !Check(key, "000.00.16.H19-261201-0001", "abcdefghjk", h) {
		t.Fatal("the same PIN typed in lower case without dashes was refused")
	}
	if Check(key, "000.00.16.H19-261201-0002", "ABCDEFGHJK", h) {
		t.Fatal("the hash of one dossier matched another")
	}
	if Check(key, "000.00.16.H19-261201-0001", "ABCDEFGHJM", h) {
		t.Fatal("a wrong PIN matched")
	}
	if Check([]byte("another key another key another k"), "000.00.16.H19-261201-0001", "ABCDEFGHJK", h) {
		t.Fatal("a hash made with another key matched")
	}
}
