package forms

import (
	"math"
	"testing"
	"time"
)

func TestMoney(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0 đồng"},
		{999, "999 đồng"},
		{1000, "1.000 đồng"},
		{100000, "100.000 đồng"},
		{1234567, "1.234.567 đồng"},
		{-50000, "-50.000 đồng"},
		{math.MaxInt64, "9.223.372.036.854.775.807 đồng"},
		{math.MinInt64, "-9.223.372.036.854.775.808 đồng"},
	}
	for _, tt := range tests {
		if got := money(tt.in); got != tt.want {
			t.Errorf("money(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTimePhrase(t *testing.T) {
	loc := hcm(t)
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"morning", at(2026, time.December, 1, 9, 5), "09 giờ 05 phút, ngày 01 tháng 12 năm 2026"},
		{"afternoon", at(2026, time.December, 8, 14, 30), "14 giờ 30 phút, ngày 08 tháng 12 năm 2026"},
		// 17:30 UTC on 30 November is already 1 December in Viet Nam.
		{"printed in loc", time.Date(2026, time.November, 30, 17, 30, 0, 0, time.UTC), "00 giờ 30 phút, ngày 01 tháng 12 năm 2026"},
		{"zero", time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := timePhrase(tt.in, loc); got != tt.want {
			t.Errorf("%s: timePhrase = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := datePhrase(at(2026, time.January, 2, 8, 0), loc); got != "ngày 02 tháng 01 năm 2026" {
		t.Errorf("datePhrase = %q", got)
	}
}

func TestTimeLimit(t *testing.T) {
	tests := []struct {
		hours int
		want  string
	}{
		{0, "Trong ngày"},
		{4, "4 giờ làm việc"},
		{8, "1 ngày làm việc"},
		{24, "3 ngày làm việc"},
		{12, "1 ngày 4 giờ làm việc"},
		{120, "15 ngày làm việc"},
		{-1, ""},
	}
	for _, tt := range tests {
		if got := timeLimit(tt.hours); got != tt.want {
			t.Errorf("timeLimit(%d) = %q, want %q", tt.hours, got, tt.want)
		}
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"original", documentKind("original"), "Bản chính"},
		{"certified copy", documentKind("certified_copy"), "Bản sao chứng thực"},
		{"copy", documentKind("copy"), "Bản sao"},
		{"other kind", documentKind("Bản photo"), "Bản photo"},
		{"early", timing("early"), "Trước hạn"},
		{"on time", timing("on_time"), "Đúng hạn"},
		{"late", timing("late"), "Quá hạn"},
		{"not judged", timing(""), ""},
		{"transfer", action("transfer"), "Chuyển hồ sơ"},
		{"unknown action", action("audit"), "audit"},
		{"capitalize", capitalize("ngày 01"), "Ngày 01"},
		{"capitalize diacritic", capitalize("đã nhận"), "Đã nhận"},
		{"capitalize empty", capitalize(""), ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
