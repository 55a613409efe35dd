package forms

import (
	"bytes"
	"encoding/base64"
	"errors"
	"html"
	"image/png"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func renderHTML(t *testing.T, k Kind, d Dossier) string {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, k, d, hcm(t)); err != nil {
		t.Fatalf("HTML(%s): %v", k, err)
	}
	return buf.String()
}

func TestHTMLContent(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			out := renderHTML(t, k, fullDossier())
			for _, want := range append(append([]string{}, formContent[k]...), htmlContent[k]...) {
				if !strings.Contains(out, want) {
					t.Errorf("missing %q", want)
				}
			}
			if !norm.NFC.IsNormalString(out) {
				t.Error("output is not in NFC")
			}
			for _, bad := range []string{"ZgotmplZ", "<script", "<link", "url(", `src="http`} {
				if strings.Contains(out, bad) {
					t.Errorf("output contains %q", bad)
				}
			}
			if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, `<html lang="vi">`) {
				t.Error("not a Vietnamese HTML page")
			}
		})
	}
}

func TestHTMLTableRows(t *testing.T) {
	d := fullDossier()
	rows := regexp.MustCompile(`<tr>`)
	if n := len(rows.FindAllString(renderHTML(t, KindReceipt, d), -1)); n != 1+len(d.Documents) {
		t.Errorf("receipt has %d table rows, want header + %d documents", n, len(d.Documents))
	}
	if n := len(rows.FindAllString(renderHTML(t, KindControlSlip, d), -1)); n != 1+len(d.Steps) {
		t.Errorf("control slip has %d table rows, want header + %d steps", n, len(d.Steps))
	}
	d.Steps = nil
	if out := renderHTML(t, KindControlSlip, d); !strings.Contains(out, "Chưa có lần giao, nhận hồ sơ nào.") {
		t.Error("an empty control slip does not say so")
	}
}

func TestHTMLQRCode(t *testing.T) {
	out := renderHTML(t, KindReceipt, fullDossier())
	m := regexp.MustCompile(`src="data:image/png;base64,([^"]+)"`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no inline QR image")
	}
	// html/template writes "+" as "&#43;" in attributes, which browsers decode.
	raw, err := base64.StdEncoding.DecodeString(html.UnescapeString(m[1]))
	if err != nil {
		t.Fatalf("QR image is not base64: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("QR image is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != qrSize || b.Dy() != qrSize {
		t.Errorf("QR image is %v, want %d px square", b, qrSize)
	}

	d := fullDossier()
	d.LookupURL = ""
	if out := renderHTML(t, KindReceipt, d); strings.Contains(out, "<img") || !strings.Contains(out, "482915") {
		t.Error("without a link the receipt must show the PIN and no QR code")
	}
	d.LookupPIN = ""
	if out := renderHTML(t, KindReceipt, d); strings.Contains(out, "Mã tra cứu") {
		t.Error("without PIN or link the receipt must have no lookup box")
	}
}

func TestHTMLEscapesHostileText(t *testing.T) {
	d := fullDossier()
	d.Applicant.FullName = "<script>alert(1)</script>"
	d.Code = `"><img src=x onerror=alert(2)>`
	d.LookupURL = "javascript:alert(3)"
	d.Documents[0].Name = "</td></tr><tr><td>x"
	d.Steps[0].Note = `<b onmouseover="alert(4)">x</b>`
	d.ReceivingOffice.Name = "</style><script>alert(5)</script>"
	for _, k := range Kinds() {
		out := renderHTML(t, k, d)
		for _, bad := range []string{"<script>alert", "<img src=x", `href="javascript:`, "<b onmouseover", "</td></tr><tr><td>x"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: hostile text %q reached the page unescaped", k, bad)
			}
		}
		if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the hostile name is not printed escaped", k)
		}
	}
	if out := renderHTML(t, KindReceipt, d); strings.Contains(out, "data:image/png") {
		t.Error("a javascript: link must not be drawn as a QR code")
	}
}

func TestHTMLNormalisesInput(t *testing.T) {
	d := fullDossier()
	d.Applicant.FullName = norm.NFD.String("Nguyễn Thị Hồng Nhung")
	out := renderHTML(t, KindReceipt, d)
	if !norm.NFC.IsNormalString(out) || !strings.Contains(out, "Nguyễn Thị Hồng Nhung") {
		t.Error("decomposed input is not printed in NFC")
	}
}

func TestHTMLBlanks(t *testing.T) {
	// A dossier with nothing in it still prints the receipt, with blanks to fill in.
	out := renderHTML(t, KindReceipt, Dossier{})
	for _, want := range []string{"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: " + blank, "Không có giấy tờ.", "Trong ngày", "Không thu"} {
		if !strings.Contains(out, want) {
			t.Errorf("empty receipt: missing %q", want)
		}
	}
	if strings.Contains(out, "Mã tra cứu") {
		t.Error("empty receipt: lookup box without PIN or link")
	}
}

func TestReceiptVariants(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Dossier)
		want   []string
	}{
		{"desk", func(d *Dossier) { d.ResultDelivery = "desk" },
			[]string{"Bộ phận tiếp nhận và trả kết quả – Bộ phận Một cửa UBND quận Hải Châu"}},
		{"electronic", func(d *Dossier) { d.ResultDelivery = "electronic" },
			[]string{"Trực tuyến: kết quả điện tử, tải về tại trang tra cứu hồ sơ"}},
		{"unpaid", func(d *Dossier) { d.FeePaidVND, d.FeeReceiptNumber = 0, "" },
			[]string{"100.000 đồng", "Chưa nộp"}},
		{"free", func(d *Dossier) { d.FeeDueVND, d.FeePaidVND = 0, 0 }, []string{"Không thu"}},
		{"same day", func(d *Dossier) { d.TimeLimitHours = 0 }, []string{"Trong ngày"}},
		{"hours", func(d *Dossier) { d.TimeLimitHours = 4 }, []string{"4 giờ làm việc"}},
	}
	for _, tt := range tests {
		d := fullDossier()
		tt.change(&d)
		out := renderHTML(t, KindReceipt, d)
		for _, want := range tt.want {
			if !strings.Contains(out, want) {
				t.Errorf("%s: missing %q", tt.name, want)
			}
		}
	}
}

func TestNotAvailable(t *testing.T) {
	d := fullDossier()
	d.Supplement, d.Refusal, d.Apology = nil, nil, nil
	renderers := map[string]func(*bytes.Buffer, Kind) error{
		"HTML": func(b *bytes.Buffer, k Kind) error { return HTML(b, k, d, time.UTC) },
		"PDF":  func(b *bytes.Buffer, k Kind) error { return PDF(b, k, d, time.UTC) },
	}
	for name, render := range renderers {
		for _, k := range []Kind{KindSupplementRequest, KindRefusal, KindApology} {
			var buf bytes.Buffer
			if err := render(&buf, k); !errors.Is(err, ErrNotAvailable) {
				t.Errorf("%s(%s) without it: err = %v, want ErrNotAvailable", name, k, err)
			}
			if buf.Len() != 0 {
				t.Errorf("%s(%s) wrote %d bytes on error", name, k, buf.Len())
			}
		}
		for _, k := range []Kind{KindReceipt, KindControlSlip} {
			var buf bytes.Buffer
			if err := render(&buf, k); err != nil {
				t.Errorf("%s(%s): %v", name, k, err)
			}
		}
	}
}

func TestBadArguments(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, Kind("register"), fullDossier(), time.UTC); err == nil || errors.Is(err, ErrNotAvailable) {
		t.Errorf("unknown kind: err = %v", err)
	}
	if err := PDF(&buf, Kind(""), fullDossier(), time.UTC); err == nil || errors.Is(err, ErrNotAvailable) {
		t.Errorf("empty kind: err = %v", err)
	}
	if err := HTML(&buf, KindReceipt, fullDossier(), nil); err == nil {
		t.Error("nil location: no error")
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes on error", buf.Len())
	}
}
