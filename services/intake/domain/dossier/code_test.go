package dossier

import (
	"strings"
	"testing"
	"time"
)

func TestFormatCode(t *testing.T) {
	hcm := time.FixedZone("ICT", 7*3600)
	cases := []struct {
		agency string
		day    time.Time
		seq    int
		want   string
	}{
		{"000.00.53.H48", time.Date(2022, 9, 21, 9, 0, 0, 0, hcm), 99, "000.00.53.H48-220921-0099"},
		{"000.00.16.H19", time.Date(2026, 1, 5, 7, 0, 0, 0, hcm), 1, "000.00.16.H19-260105-0001"},
		{"000.01.16.H19", time.Date(2026, 12, 31, 16, 59, 0, 0, hcm), 9999, "000.01.16.H19-261231-9999"},
		{"000.01.16.H19", time.Date(2026, 12, 31, 16, 59, 0, 0, hcm), 10000, "000.01.16.H19-261231-10000"},
	}
	for _, tc := range cases {
		got := FormatCode(tc.agency, tc.day, tc.seq)
		if got != tc.want {
			t.Errorf("FormatCode(%q, %s, %d) = %q, want %q", tc.agency, tc.day, tc.seq, got, tc.want)
		}
		if !ValidCode(got) {
			t.Errorf("ValidCode(%q) = false for a formatted code", got)
		}
	}
}

func TestFormatCodeUsesTheLocalDateGiven(t *testing.T) {
	// 23:30 UTC on 20 September is 06:30 on 21 September in Vietnam: the caller passes
	// the local time and the code carries the local date.
	utc := time.Date(2022, 9, 20, 23, 30, 0, 0, time.UTC)
	local := utc.In(time.FixedZone("ICT", 7*3600))
	if got := FormatCode("000.00.53.H48", local, 1); got != "000.00.53.H48-220921-0001" {
		t.Fatalf("FormatCode = %q", got)
	}
}

func TestValidCode(t *testing.T) {
	for _, s := range []string{
		"000.00.53.H48-220921-0099",
		"000.00.16.H19-260429-0001",
		"123.45.67.Z89-991231-123456",
	} {
		if !ValidCode(s) {
			t.Errorf("ValidCode(%q) = false, want true", s)
		}
	}
	for _, s := range []string{
		"",
		"000.00.53.H48-220921-099",     // three-digit sequence
		"000.00.53.H48-220921-1234567", // seven digits
		"000.00.53.h48-220921-0099",    // lower-case letter
		"000.00.53.H4-220921-0099",     // short agency
		"00.00.53.H48-220921-0099",     // short agency
		"000.00.53.H48-2209210-0099",   // seven-digit date
		"000.00.53.H48_220921_0099",    // wrong separators
		"000-00-53-H48-220921-0099",    // wrong separators
		" 000.00.53.H48-220921-0099",   // leading space
		"000.00.53.H48-220921-0099\n",  // trailing newline
		"000.00.53.H48-220921-0099/x",  // path tail
		"000.00.53.H48-22O921-0099",    // letter O
		"000.00.53.H48-２２０９２１-0099",    // full-width digits
		strings.Repeat("0", 41),
	} {
		if ValidCode(s) {
			t.Errorf("ValidCode(%q) = true, want false", s)
		}
	}
}

func FuzzValidCode(f *testing.F) {
	f.Add("000.00.53.H48-220921-0099")
	f.Add("000.00.16.H19-260429-10000")
	f.Add("000.00.53.H48-220921-0099\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if !ValidCode(s) {
			return
		}
		// A valid code is short, plain ASCII, and splits back into what FormatCode joins.
		if len(s) > 40 {
			t.Fatalf("valid code longer than 40 bytes: %q", s)
		}
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '.' || c == '-') {
				t.Fatalf("valid code %q holds byte %q", s, c)
			}
		}
		parts := strings.Split(s, "-")
		if len(parts) != 3 || len(parts[0]) != 13 || len(parts[1]) != 6 {
			t.Fatalf("valid code %q does not split into agency, date and sequence", s)
		}
	})
}
