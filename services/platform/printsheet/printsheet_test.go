package printsheet

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/platform/printsheet/printsheettest"
)

// sample is a sheet on paper with a table of n rows and the given signatures.
func sample(paper Paper, n int, signs ...Signature) *Sheet {
	s := &Sheet{Paper: paper, Caption: "Phiếu thử – Số 1", Number: "Mẫu số 99", Agency: "UBND XÃ A", Nation: NationName,
		Motto: NationMotto, Dated: "Ngày 01 tháng 12 năm 2026", Title: "PHIẾU THỬ", Footer: "Phiếu thử số 1", Signs: signs}
	s.AddHeading("Phần một")
	s.AddField("Người nộp", "Nguyễn (Văn) \\ A")
	s.AddPara("Một đoạn văn.")
	t := &Table{Cols: []Column{{Head: "TT", Width: 0.2, Center: true}, {Head: "Nội dung", Width: 0.8}}, Empty: "Không có dòng nào."}
	for i := range n {
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), "Dòng thứ " + strconv.Itoa(i+1)})
	}
	s.AddTable(t)
	return s
}

func render(t *testing.T, s *Sheet) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := PDF(&buf, s, PDFOptions{Uncompressed: true}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPDFPapers(t *testing.T) {
	landscape := sample(A5, 1)
	landscape.Landscape = true
	for _, tc := range []struct {
		s    *Sheet
		size string
	}{
		{sample(A5, 1), "/MediaBox [0 0 420.94 595.28]"},
		{landscape, "/MediaBox [0 0 595.28 420.94]"},
		{sample(A4, 1), "/MediaBox [0 0 595.28 841.89]"},
		{sample("", 1), "/MediaBox [0 0 420.94 595.28]"}, // A5 when it names none
	} {
		out := render(t, tc.s)
		if !bytes.Contains(out, []byte(tc.size)) {
			t.Errorf("%s landscape %v: not %s", tc.s.Paper, tc.s.Landscape, tc.size)
		}
		for _, want := range []string{"Mẫu số 99", NationName, "PHIẾU THỬ", "Nguyễn (Văn) \\ A", "Dòng thứ 1"} {
			if !bytes.Contains(out, printsheettest.Text(want)) {
				t.Errorf("%s: the PDF lacks %q", tc.s.Paper, want)
			}
		}
		if n := printsheettest.Pages(t, out); n != 1 || bytes.Contains(out, printsheettest.Text("Trang 1/")) {
			t.Errorf("%s: %d pages, or a footer on a one-page sheet", tc.s.Paper, n)
		}
	}
}

func TestPDFLongTableRepeatsItsHeader(t *testing.T) {
	for _, paper := range []Paper{A5, A4} {
		out := render(t, sample(paper, 90))
		n := printsheettest.Pages(t, out)
		if n < 2 {
			t.Fatalf("%s: 90 rows fit on one page", paper)
		}
		if got := bytes.Count(out, printsheettest.Text("Nội dung")); got != n {
			t.Errorf("%s: the header row printed %d times on %d pages", paper, got, n)
		}
		for _, want := range []string{"Dòng thứ 90", "Phiếu thử số 1 – Trang 2/" + strconv.Itoa(n)} {
			if !bytes.Contains(out, printsheettest.Text(want)) {
				t.Errorf("%s: the PDF lacks %q", paper, want)
			}
		}
	}
}

func TestPDFSignatureImage(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 120, 48))
	for x := 10; x < 110; x++ {
		img.Set(x, 24, color.NRGBA{A: 255})
	}
	var drawn bytes.Buffer
	if err := png.Encode(&drawn, img); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		png  []byte
		want bool
	}{{drawn.Bytes(), true}, {nil, false}} {
		out := render(t, sample(A4, 1, Signature{Title: "BÊN GIAO"}, Signature{Title: "BÊN NHẬN", Name: "desk", PNG: tc.png}))
		if got := bytes.Contains(out, []byte("/Subtype /Image")); got != tc.want {
			t.Errorf("an image in the PDF: %v, want %v", got, tc.want)
		}
		for _, want := range []string{"BÊN GIAO", "BÊN NHẬN", "desk"} {
			if !bytes.Contains(out, printsheettest.Text(want)) {
				t.Errorf("the PDF lacks %q", want)
			}
		}
	}
}

func TestHTML(t *testing.T) {
	s := sample(A4, 0, Signature{Title: "BÊN NHẬN", Name: "<b>x</b>", PNG: []byte("png")})
	s.Blocks[len(s.Blocks)-1].Table.ID = "items"
	s.Lookup = &Lookup{PIN: "482915", URL: "javascript:alert(1)"}
	var buf bytes.Buffer
	if err := HTML(&buf, s); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"<title>Phiếu thử – Số 1</title>", "@page { size: A4; margin: 15mm }", `<table id="items">`,
		"Không có dòng nào.", "Mã tra cứu: <strong>482915</strong>", `src="data:image/png;base64,`, "&lt;b&gt;x&lt;/b&gt;",
		"Nguyễn (Văn) \\ A"} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(out, "<b>x</b>") || strings.Contains(out, `href="javascript:`) {
		t.Error("hostile text reached the page unescaped")
	}
	s.Paper, s.Landscape = A5, true
	buf.Reset()
	if err := HTML(&buf, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "@page { size: A5 landscape; margin: 12mm }") {
		t.Error("a landscape A5 sheet is not printed so")
	}
}
