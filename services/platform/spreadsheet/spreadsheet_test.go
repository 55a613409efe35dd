package spreadsheet

import (
	"net/http/httptest"
	"testing"
)

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1":            "'=1+1",
		"+84 912":         "'+84 912",
		"-2":              "'-2",
		"@SUM(A1)":        "'@SUM(A1)",
		"\tx":             "'\tx",
		"Phòng Tư pháp":   "Phòng Tư pháp",
		"":                "",
		"12.5":            "12.5",
		"a=b":             "a=b",
		"'already quoted": "'already quoted",
	} {
		if got := Defuse(in); got != want {
			t.Errorf("Defuse(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWrite(t *testing.T) {
	w := httptest.NewRecorder()
	Write(w, File{Name: "chi-so-2026-03-01\"\r\n.csv", Header: []string{"Mã", "Tên"},
		Rows: [][]string{{"=1+1", "Ủy ban, \"xã\""}, {"-2", "@x"}}, ByteOrderMark: true})
	if got := w.Header().Get("Content-Disposition"); got != `attachment; filename="chi-so-2026-03-01___.csv"` {
		t.Errorf("file name %q", got)
	}
	if got, want := w.Body.String(), "\ufeffMã,Tên\n'=1+1,\"Ủy ban, \"\"xã\"\"\"\n'-2,'@x\n"; got != want {
		t.Errorf("body %q, want %q", got, want)
	}
	if w.Header().Get("Content-Type") != "text/csv; charset=utf-8" || w.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("headers %v", w.Header())
	}
}
