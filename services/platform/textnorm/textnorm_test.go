package textnorm

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Nguyễn Văn A", "nguyen van a"},
		{"  ĐẶNG   thị\tHỒNG ", "dang thi hong"},
		{"hộ kinh doanh", "ho kinh doanh"},
		{norm.NFD.String("Xuân Lộc"), "xuan loc"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCleanIsNFC(t *testing.T) {
	in := norm.NFD.String("  Trần\u0000  Hưng Đạo ")
	got := Clean(in)
	if got != "Trần Hưng Đạo" || !norm.NFC.IsNormalString(got) {
		t.Fatalf("Clean = %q", got)
	}
}

func TestCleanIsIdempotent(t *testing.T) {
	for _, in := range []string{"e\u0000\u0301", " a \t\u0301b", "Nguyễn\u0007 Văn"} {
		once := Clean(in)
		if Clean(once) != once || !norm.NFC.IsNormalString(once) {
			t.Errorf("Clean(%q) = %q, then %q", in, once, Clean(once))
		}
	}
}

func FuzzClean(f *testing.F) {
	f.Add("e\u0000\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		once := Clean(s)
		if Clean(once) != once {
			t.Fatalf("Clean is not idempotent on %q: %q then %q", s, once, Clean(once))
		}
	})
}

func FuzzFold(f *testing.F) {
	f.Add("Nguyễn Văn A")
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Fold produced invalid UTF-8 from %q", s)
		}
		if Fold(got) != got {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, got, Fold(got))
		}
	})
}
