package contact

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]string{" An.Nguyen@Example.VN ": "email:an.nguyen@example.vn", "lan@dongnai.gov.vn": "email:lan@dongnai.gov.vn"} {
		if a, ok := ParseEmail(in); !ok || a.String() != want {
			t.Errorf("ParseEmail(%q) = %v %v, want %s", in, a, ok, want)
		}
	}
	for _, bad := range []string{"", "an", "an@", "An <an@example.vn>", "an@localhost", "a@b.vn, c@d.vn", strings.Repeat("a", 250) + "@x.vn"} {
		if _, ok := ParseEmail(bad); ok {
			t.Errorf("ParseEmail(%q) accepted", bad)
		}
	}
	for in, want := range map[string]string{"0912 345 678": "phone:0912345678", "+84912345678": "phone:0912345678"} {
		if a, ok := ParsePhone(in); !ok || a.String() != want {
			t.Errorf("ParsePhone(%q) = %v %v, want %s", in, a, ok, want)
		}
	}
	for _, bad := range []string{"", "12345", "1912345678", "091234567x"} {
		if _, ok := ParsePhone(bad); ok {
			t.Errorf("ParsePhone(%q) accepted", bad)
		}
	}
}

func TestCodes(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		c := NewCode()
		if len(c) != 6 || strings.Trim(c, "0123456789") != "" {
			t.Fatalf("code %q is not six digits", c)
		}
		seen[c] = true
	}
	if len(seen) < 190 {
		t.Errorf("only %d different codes in 200", len(seen))
	}
	key := []byte("0123456789abcdef0123456789abcdef")
	h := HashCode(key, "v1", "123456")
	if !CodeMatches(key, "v1", " 123456 ", h) || CodeMatches(key, "v1", "123457", h) || CodeMatches(key, "v2", "123456", h) {
		t.Error("a code matches what it should not, or not what it should")
	}
}
