package forms

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/printsheet/printsheettest"
)

func renderPDF(t testing.TB, k Kind, d Dossier, opt pdfOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writePDF(&buf, k, d, hcm(t), opt); err != nil {
		t.Fatalf("PDF(%s): %v", k, err)
	}
	return buf.Bytes()
}

func TestPDFEveryForm(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			var buf bytes.Buffer
			if err := PDF(&buf, k, fullDossier(), hcm(t)); err != nil {
				t.Fatal(err)
			}
			out := buf.Bytes()
			if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(out), []byte("%%EOF")) {
				t.Fatalf("not a PDF: %q…", out[:min(len(out), 16)])
			}
			// The two faces' subsets alone weigh over 10 kB.
			if len(out) < 10_000 {
				t.Errorf("PDF is only %d bytes", len(out))
			}
			if n := printsheettest.Pages(t, out); n != 1 {
				t.Errorf("%d pages, want 1", n)
			}
			size := "/MediaBox [0 0 420.94 595.28]"
			if k == KindControlSlip {
				size = "/MediaBox [0 0 595.28 420.94]" // A5 landscape
			}
			if !bytes.Contains(out, []byte(size)) {
				t.Errorf("page is not %s", size)
			}
			for _, font := range []string{"/BaseFont /utf8dejavusans\n", "/BaseFont /utf8dejavusansB\n", "/FontFile2"} {
				if !bytes.Contains(out, []byte(font)) {
					t.Errorf("missing embedded font %q", font)
				}
			}
		})
	}
}

func TestPDFText(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			out := renderPDF(t, k, fullDossier(), pdfOptions{uncompressed: true})
			for _, want := range formContent[k] {
				if !bytes.Contains(out, printsheettest.Text(want)) {
					t.Errorf("missing %q", want)
				}
			}
			if bytes.Contains(out, printsheettest.Text("Trang ")) {
				t.Error("a one-page form has a page footer")
			}
		})
	}
}

func TestPDFQRCode(t *testing.T) {
	image := []byte("/Subtype /Image")
	if out := renderPDF(t, KindReceipt, fullDossier(), pdfOptions{}); !bytes.Contains(out, image) {
		t.Error("the receipt has no QR image")
	}
	d := fullDossier()
	d.LookupURL = ""
	out := renderPDF(t, KindReceipt, d, pdfOptions{uncompressed: true})
	if bytes.Contains(out, image) {
		t.Error("a receipt without a link has an image")
	}
	if !bytes.Contains(out, printsheettest.Text("Mã tra cứu: 482915")) {
		t.Error("a receipt without a link lost its PIN")
	}
}

func TestPDFLongControlSlipBreaksPages(t *testing.T) {
	d := fullDossier()
	for i := range 40 {
		s := d.Steps[i%len(d.Steps)]
		s.Note = fmt.Sprintf("Lần giao nhận thứ %d", i+4)
		d.Steps = append(d.Steps, s)
	}
	out := renderPDF(t, KindControlSlip, d, pdfOptions{uncompressed: true})
	pages := printsheettest.Pages(t, out)
	if pages < 3 {
		t.Fatalf("%d steps fit on %d pages", len(d.Steps), pages)
	}
	// The header row is repeated on every page, and no row is lost.
	if n := bytes.Count(out, printsheettest.Text("Ghi chú")); n != pages {
		t.Errorf("header row printed %d times on %d pages", n, pages)
	}
	if !bytes.Contains(out, printsheettest.Text("Lần giao nhận thứ 43")) {
		t.Error("the last row is missing")
	}
	// Every page carries the code and its number, with the total filled in.
	for page := 1; page <= pages; page++ {
		footer := fmt.Sprintf("Mã hồ sơ: 000.00.16.H19-261201-0001 – Trang %d/%d", page, pages)
		if !bytes.Contains(out, printsheettest.Text(footer)) {
			t.Errorf("page %d has no footer %q", page, footer)
		}
	}
}

func TestPDFHostileText(t *testing.T) {
	d := fullDossier()
	d.Applicant.FullName = `Nguyễn (Văn) \ A`
	d.Applicant.Address = "bad \xe0\x80 utf-8 \xff"
	d.Code = "emoji 😀 code"
	d.Steps[0].Note = "\x00\x1b[31m"
	for _, k := range Kinds() {
		out := renderPDF(t, k, d, pdfOptions{uncompressed: true})
		if !bytes.HasPrefix(out, []byte("%PDF-")) {
			t.Fatalf("%s: not a PDF", k)
		}
		if !bytes.Contains(out, printsheettest.Text(`Nguyễn (Văn) \ A`)) {
			t.Errorf("%s: name with parentheses and backslash not printed", k)
		}
	}
}

func TestPDFLongTextWraps(t *testing.T) {
	d := fullDossier()
	d.Documents = nil
	for i := range 12 {
		d.Documents = append(d.Documents, Document{
			Name: strings.Repeat("Giấy tờ có tên rất dài ", 4) + strconv.Itoa(i+1), Kind: "certified_copy", Copies: 1})
	}
	out := renderPDF(t, KindReceipt, d, pdfOptions{uncompressed: true})
	if printsheettest.Pages(t, out) < 2 {
		t.Error("twelve long documents fit on one A5 page")
	}
	for _, want := range []string{"NGƯỜI NỘP HỒ SƠ", "Trần Văn Đức"} {
		if !bytes.Contains(out, printsheettest.Text(want)) {
			t.Errorf("missing %q after the page break", want)
		}
	}
}

func BenchmarkPDFReceipt(b *testing.B) { benchmarkReceipt(b, PDF) }

func BenchmarkHTMLReceipt(b *testing.B) { benchmarkReceipt(b, HTML) }

// benchmarkReceipt measures render, PDF or HTML, on the receipt of a full dossier.
func benchmarkReceipt(b *testing.B, render func(io.Writer, Kind, Dossier, *time.Location) error) {
	d := fullDossier()
	loc := time.FixedZone("ICT", 7*3600)
	for b.Loop() {
		var buf bytes.Buffer
		if err := render(&buf, KindReceipt, d, loc); err != nil {
			b.Fatal(err)
		}
	}
}

func TestConcurrentRendering(t *testing.T) {
	// The embedded font bytes and the parsed templates are shared by every call.
	want := renderPDF(t, KindReceipt, fullDossier(), pdfOptions{uncompressed: true})
	errs := make(chan error, 8)
	for i := range cap(errs) {
		go func() {
			var buf bytes.Buffer
			var err error
			if i%2 == 0 {
				err = writePDF(&buf, KindReceipt, fullDossier(), time.FixedZone("ICT", 7*3600), pdfOptions{uncompressed: true})
				if err == nil && !bytes.Contains(buf.Bytes(), printsheettest.Text("Mã hồ sơ: 000.00.16.H19-261201-0001")) {
					err = fmt.Errorf("concurrent PDF lost its text (%d bytes, want about %d)", buf.Len(), len(want))
				}
			} else {
				err = HTML(&buf, KindControlSlip, fullDossier(), time.UTC)
			}
			errs <- err
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
