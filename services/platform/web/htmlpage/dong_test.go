package htmlpage

import "testing"

func TestParseDong(t *testing.T) {
	good := map[string]int64{"": 0, "0": 0, "8000": 8000, "8.000": 8000, "1.500.000": 1500000, "1,500,000": 1500000,
		"1 500 000": 1500000, " 25.000 ₫": 25000, "100000đ": 100000, "50.000 VND": 50000, "1\u00a0000": 1000, "-5": -5, "-25.000": -25000}
	for in, want := range good {
		if got, err := ParseDong(in); err != nil || got != want {
			t.Errorf("ParseDong(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"100,5", "1.50", "1..000", "1.0000", "abc", "-", "--5", "- ", "12a", ".", "1.000,5", "99999999999999999999", "1. 000"} {
		if got, err := ParseDong(in); err == nil {
			t.Errorf("ParseDong(%q) = %d, want an error", in, got)
		}
	}
}
