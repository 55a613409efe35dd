package dossier

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestMaskName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Nguyễn Văn An", "N. V. An"},
		{"Trần Thị Hồng", "T. T. Hồng"},
		{"Đặng Ngọc Ánh Tuyết", "Đ. N. Á. Tuyết"},
		{"Lê Mai", "L. Mai"},
		{"Ánh", "Á***"},
		{"   Nguyễn    Văn\tAn  ", "N. V. An"},
		{"", ""},
		{"   ", ""},
		{"H'Hen Niê", "H. Niê"},
	} {
		if got := MaskName(tc.in); got != tc.want {
			t.Errorf("MaskName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMaskNameHidesTheFamilyAndMiddleNames(t *testing.T) {
	full := "Nguyễn Văn An"
	got := MaskName(full)
	for _, w := range []string{"Nguyễn", "Văn"} {
		if strings.Contains(got, w) {
			t.Errorf("MaskName(%q) = %q still shows %q", full, got, w)
		}
	}
	if !utf8.ValidString(MaskName(norm.NFC.String("Ổ Bình"))) {
		t.Error("MaskName produced invalid UTF-8")
	}
}
