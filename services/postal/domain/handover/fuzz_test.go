package handover

import (
	"slices"
	"testing"

	"github.com/motcua/motcua/services/platform/s10"
)

// FuzzNumbers reads any text as a record's list: it never panics, and a list it takes
// holds each number once, canonical, in the order typed.
func FuzzNumbers(f *testing.F) {
	for _, seed := range []string{"EA000000015VN\nEA000000029VN", "ea 0000 0001 5 vn, EA000000029VN", "", "x;;y",
		"EA000000015VN EA000000015VN", "\r\n\t,"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		list, fe := List(Numbers(text))
		if fe != nil {
			if fe.Field == "" || fe.Code == "" {
				t.Fatalf("a problem without its field or code: %+v", fe)
			}
			return
		}
		if len(list) == 0 || len(list) > MaxItems {
			t.Fatalf("%d numbers taken", len(list))
		}
		for i, n := range list {
			if p, err := s10.Parse(n); err != nil || p.String() != n {
				t.Fatalf("%q taken, not canonical: %v", n, err)
			}
			if slices.Index(list, n) != i {
				t.Fatalf("%q taken twice", n)
			}
		}
	})
}
