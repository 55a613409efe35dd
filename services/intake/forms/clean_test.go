package forms

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"NFD becomes NFC", norm.NFD.String("Nguyễn Thị Hồng Nhung"), "Nguyễn Thị Hồng Nhung"},
		{"invalid UTF-8", "An\xe0", "An\uFFFD"},
		{"line breaks kept", "dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2 dòng 3"},
		{"control characters dropped", "a\x00b\x1bc\x7f", "abc"},
		{"bidi override dropped", "abc\u202Edef", "abcdef"},
		{"outside the BMP replaced", "Hồ sơ 😀", "Hồ sơ \uFFFD"},
		{"trimmed", "  Lê Thị Thu \n", "Lê Thị Thu"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("%s: clean(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestCleanDossierLeavesTheCallersDataAlone(t *testing.T) {
	d := fullDossier()
	nfd := norm.NFD.String("Lê Thị Thu")
	d.Supplement.Officer = nfd
	d.Documents[0].Name = norm.NFD.String("Tờ khai")
	d.Steps[0].Note = nfd
	c := cleanDossier(d)
	if c.Supplement.Officer != "Lê Thị Thu" || c.Documents[0].Name != "Tờ khai" || c.Steps[0].Note != "Lê Thị Thu" {
		t.Errorf("cleanDossier did not normalise: %q %q %q", c.Supplement.Officer, c.Documents[0].Name, c.Steps[0].Note)
	}
	if d.Supplement.Officer != nfd || d.Documents[0].Name != norm.NFD.String("Tờ khai") || d.Steps[0].Note != nfd {
		t.Error("cleanDossier modified the caller's dossier")
	}
}
