package s10

import (
	"errors"
	"testing"

	"github.com/motcua/motcua/proto/vocabulary"
)

// FuzzParse feeds arbitrary text to Parse: it never panics, every error is an *Error of
// one of the three kinds, and whatever it accepts is canonical, re-parses to itself and
// is what New builds from its service and serial.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"EE123456785VN", "ee 1234 5678 5 vn", "EE-12345678-5-VN", "EE000000080VN", "EE000000005VN",
		"EE123456784VN", "EE123456785GB", "EE12345678OVN", "EE１23456785VN", "\u0415\u0415123456785VN",
		"", " ", "-", "E E123456785VN", "EE123456785VN-", "EE\xff", "EE 123 456 785 VN",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !vocabulary.ProblemKnown("s10", e.Code) || e.Input != s {
				t.Fatalf("Parse(%q): unexpected error value %#v", s, err)
			}
			kinds := 0
			for _, k := range []error{ErrFormat, ErrCheckDigit, ErrCountry} {
				if errors.Is(err, k) {
					kinds++
				}
			}
			if kinds != 1 || n != "" {
				t.Fatalf("Parse(%q) = %q, %v: not exactly one kind", s, n, err)
			}
			_ = err.Error()
			return
		}
		again, err := Parse(string(n))
		if err != nil || again != n {
			t.Fatalf("Parse(%q) = %q, which re-parses to %q, %v", s, n, again, err)
		}
		built, err := New(n.Service(), n.Serial())
		if err != nil || built != n || len(n) != length || n.String()[11:] != Country {
			t.Fatalf("Parse(%q) = %q, but New(%q, %d) = %q, %v", s, n, n.Service(), n.Serial(), built, err)
		}
	})
}
