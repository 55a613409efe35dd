package attachment

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestJudgeByContent(t *testing.T) {
	for _, c := range []struct {
		head string
		kind string
		ok   bool
	}{
		{"%PDF-1.7\n", PDF, true},
		{"\x89PNG\r\n\x1a\n\x00", PNG, true},
		{"\xFF\xD8\xFF\xE0\x00\x10JFIF", JPEG, true},
		{"<!DOCTYPE html><html>", "", false}, // an HTML page named .pdf
		{"<script>alert(1)</script>", "", false},
		{"PK\x03\x04", "", false}, // a zip or an office document
		{"%PD", "", false},
		{"", "", false},
	} {
		kind, ok := Judge([]byte(c.head))
		if kind != c.kind || ok != c.ok {
			t.Errorf("Judge(%q) = %q, %v; want %q, %v", c.head, kind, ok, c.kind, c.ok)
		}
	}
}

func TestCleanName(t *testing.T) {
	for _, c := range []struct{ in, kind, want string }{
		{"CCCD mặt trước.pdf", PDF, "CCCD mặt trước.pdf"},
		{"C:\\Users\\an\\Giấy khai sinh.PDF", PDF, "Giấy khai sinh.pdf"},
		{"../../etc/passwd", PDF, "passwd.pdf"},
		{"anh.png", JPEG, "anh.png.jpg"}, // the name lies about the kind: the content decides
		{"IMG_0001.jpeg", JPEG, "IMG_0001.jpeg"},
		{"bad\x00na<me>.png", PNG, "badname.png"},
		{"   ", PDF, "tep-dinh-kem.pdf"},
		{".pdf", PDF, "tep-dinh-kem.pdf"},
		{"Nguye\u0302\u0303n.pdf", PDF, "Nguyễn.pdf"}, // decomposed to NFC
	} {
		if got := CleanName(c.in, c.kind); got != c.want {
			t.Errorf("CleanName(%q, %s) = %q, want %q", c.in, c.kind, got, c.want)
		}
	}
	long := CleanName(strings.Repeat("ả", 500)+".pdf", PDF)
	if utf8.RuneCountInString(long) != MaxNameRunes || !strings.HasSuffix(long, ".pdf") {
		t.Errorf("a long name is kept as %d runes: %q", utf8.RuneCountInString(long), long)
	}
}
