package forms

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/platform/printsheet/printsheettest"
	"github.com/motcua/motcua/services/worktime"
)

// record is a record of n items, confirmed when confirmed, with a drawn signature.
func record(n int, confirmed bool) Handover {
	loc := worktime.VietnamLocation()
	h := Handover{Number: 12,
		From:      Party{Code: "000.30.16.H19", Name: "Bưu điện huyện Xuân Lộc", Address: "Đường Hùng Vương, thị trấn Gia Ray"},
		To:        Party{Code: "000.00.16.H19", Name: "Bộ phận Một cửa huyện Xuân Lộc", Address: "267 Hùng Vương, Khu 1"},
		GivenBy:   "postal.xuanloc",
		CreatedAt: time.Date(2026, 12, 1, 9, 5, 0, 0, loc)}
	for i := range n {
		h.Items = append(h.Items, Item{TrackingNumber: fmt.Sprintf("EA%08d5VN", i), DossierCode: fmt.Sprintf("000.00.16.H19-261201-%04d", i),
			Kind: "Bưu điện chuyển hồ sơ giữa các cơ quan", SealNumber: fmt.Sprintf("NP-%04d", i)})
	}
	if confirmed {
		h.ConfirmedBy, h.ConfirmedAt, h.Signature = "desk.xuanloc", time.Date(2026, 12, 1, 10, 30, 0, 0, loc), drawn()
	}
	return h
}

// drawn is a signature as a pad gives it: strokes on a transparent background.
func drawn() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 120, 48))
	for x := 10; x < 110; x++ {
		img.Set(x, 24+(x%20-10)/2, color.NRGBA{A: 255})
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

func TestHTMLPrintsTheRecord(t *testing.T) {
	var open, done bytes.Buffer
	if err := HTML(&open, record(3, false), worktime.VietnamLocation()); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&done, record(3, true), worktime.VietnamLocation()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"BIÊN BẢN GIAO NHẬN BƯU GỬI", "Số: 12/BBGN", "BƯU ĐIỆN HUYỆN XUÂN LỘC",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bưu điện huyện Xuân Lộc (000.30.16.H19)",
		"Bộ phận Một cửa huyện Xuân Lộc (000.00.16.H19)", "postal.xuanloc", "09 giờ 05 phút, ngày 01 tháng 12 năm 2026",
		"EA000000025VN", "000.00.16.H19-261201-0002", "NP-0002", "Danh sách bưu gửi (3 bưu gửi)", "ĐẠI DIỆN BÊN NHẬN"} {
		if !strings.Contains(open.String(), want) {
			t.Errorf("the open record lacks %q", want)
		}
	}
	if !strings.Contains(open.String(), "chưa được bên nhận xác nhận") || strings.Contains(open.String(), "data:image/png") {
		t.Error("the open record does not say it waits, or shows a signature")
	}
	for _, want := range []string{"nhận đủ 3 bưu gửi", "desk.xuanloc xác nhận trên hệ thống lúc 10 giờ 30 phút",
		`src="data:image/png;base64,`, `alt="Chữ ký của desk.xuanloc"`} {
		if !strings.Contains(done.String(), want) {
			t.Errorf("the confirmed record lacks %q", want)
		}
	}
}

func TestPDFPrintsTheRecord(t *testing.T) {
	for _, tc := range []struct {
		name string
		h    Handover
		// pages is how many at least; one exactly for 1.
		pages     int
		signature bool
	}{
		{"a short open record", record(3, false), 1, false},
		{"a day's items, confirmed", record(80, true), 2, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := writePDF(&buf, tc.h, worktime.VietnamLocation(), pdfOptions{uncompressed: true}); err != nil {
				t.Fatal(err)
			}
			out := buf.Bytes()
			if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.Contains(out, []byte("/MediaBox [0 0 595.28 841.89]")) {
				t.Fatalf("not an A4 PDF: %q…", out[:min(len(out), 16)])
			}
			m := regexp.MustCompile(`/Count (\d+)`).FindSubmatch(out)
			if n, _ := strconv.Atoi(string(m[1])); m == nil || n < tc.pages || tc.pages == 1 && n != 1 {
				t.Errorf("%s pages, want %d", m[1], tc.pages)
			}
			last := tc.h.Items[len(tc.h.Items)-1]
			for _, want := range []string{"BIÊN BẢN GIAO NHẬN BƯU GỬI", last.TrackingNumber, last.SealNumber, last.DossierCode,
				"ĐẠI DIỆN BÊN GIAO", "postal.xuanloc"} {
				if !bytes.Contains(out, printsheettest.Text(want)) {
					t.Errorf("the PDF lacks %q", want)
				}
			}
			if got := bytes.Contains(out, []byte("/Subtype /Image")); got != tc.signature {
				t.Errorf("an image in the PDF: %v, want %v", got, tc.signature)
			}
			if tc.pages > 1 && !bytes.Contains(out, printsheettest.Text("Biên bản giao nhận số 12/BBGN – Trang 2/")) {
				t.Error("a long record's pages are not numbered")
			}
		})
	}
}

func TestAnUnreadableSignatureIsLeftOut(t *testing.T) {
	h := record(1, true)
	h.Signature = append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 40)...)
	var buf bytes.Buffer
	if err := writePDF(&buf, h, worktime.VietnamLocation(), pdfOptions{uncompressed: true}); err != nil {
		t.Fatalf("a damaged signature broke the PDF: %v", err)
	}
	if bytes.Contains(buf.Bytes(), []byte("/Subtype /Image")) {
		t.Error("a damaged signature was drawn")
	}
}
