package web

import (
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/web/layout"
)

func TestCheckTimeInWords(t *testing.T) {
	vi := &page{Page: layout.Page{Lang: Vietnamese}}
	by := time.Date(2026, time.December, 7, 10, 0, 0, 0, time.UTC) // 17:00 in Vietnam
	for _, c := range []struct {
		row  app.WorkRow
		want string
	}{
		{app.WorkRow{Status: "submitted", CheckBy: by, LateToCheck: true}, "Quá hạn kiểm tra (hạn 17:00, 07/12/2026)"},
		{app.WorkRow{Status: "submitted", CheckBy: by}, "Trước 17:00, 07/12/2026"},
		{app.WorkRow{Status: "supplement_requested", Guided: true}, "Chờ công dân bổ sung"},
		{app.WorkRow{Status: "received"}, ""},
	} {
		if got := vi.CheckTime(c.row); got != c.want {
			t.Errorf("%+v: %q, want %q", c.row, got, c.want)
		}
	}
}

func TestRowFeeInWords(t *testing.T) {
	vi, en := &page{Page: layout.Page{Lang: Vietnamese}}, &page{Page: layout.Page{Lang: English}}
	for _, c := range []struct {
		row    app.WorkRow
		vi, en string
	}{
		{app.WorkRow{FeeDueVND: 100_000}, "Còn phải nộp 100.000 ₫", "100.000 ₫ still owed"},
		{app.WorkRow{FeeDueVND: 100_000, FeePaidVND: 40_000}, "Còn phải nộp 60.000 ₫", "60.000 ₫ still owed"},
		{app.WorkRow{FeeDueVND: 100_000, FeePaidVND: 100_000}, "Đã nộp", "Paid"},
		{app.WorkRow{}, "Không thu phí", "No fee"},
	} {
		if got := vi.RowFee(c.row); got != c.vi {
			t.Errorf("%d of %d: %q, want %q", c.row.FeePaidVND, c.row.FeeDueVND, got, c.vi)
		}
		if got := en.RowFee(c.row); got != c.en {
			t.Errorf("%d of %d in English: %q, want %q", c.row.FeePaidVND, c.row.FeeDueVND, got, c.en)
		}
	}
}
