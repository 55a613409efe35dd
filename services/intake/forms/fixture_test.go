package forms

import (
	"testing"
	"time"
)

// hcm is the offices' time zone.
func hcm(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatalf("load time zone: %v", err)
	}
	return loc
}

// at is a moment in Ho Chi Minh City time, given in UTC (UTC+7 without daylight
// saving) so that fixtures do not depend on the zone database.
func at(year int, month time.Month, day, hour, minute int) time.Time {
	return time.Date(year, month, day, hour-7, minute, 0, 0, time.UTC)
}

// fullDossier has every form: a supplement, a refusal, an apology and steps.
func fullDossier() Dossier {
	desk := Office{Code: "000.00.16.H19", Name: "Bộ phận Một cửa UBND quận Hải Châu"}
	justice := Office{Code: "000.01.16.H19", Name: "Phòng Tư pháp quận Hải Châu"}
	return Dossier{
		Code:            "000.00.16.H19-261201-0001",
		LookupPIN:       "482915",
		LookupURL:       "https://motcua.example.vn/tra-cuu?ma=000.00.16.H19-261201-0001",
		ProcedureCode:   "1.001193",
		ProcedureName:   "Đăng ký khai sinh",
		TimeLimitHours:  24,
		ReceivingOffice: desk,
		HandlingOffice:  justice,
		Applicant: Applicant{
			FullName: "Nguyễn Thị Hồng Nhung", IDNumber: "048190000123", Phone: "0905 123 456",
			Email: "nhung@example.vn", Address: "12 Lê Duẩn, phường Thạch Thang, quận Hải Châu, Đà Nẵng",
		},
		Documents: []Document{
			{Name: "Tờ khai đăng ký khai sinh", Kind: "original", Copies: 1},
			{Name: "Giấy chứng sinh", Kind: "certified_copy", Copies: 1},
			{Name: "Giấy chứng nhận kết hôn của cha, mẹ", Kind: "copy", Copies: 2},
		},
		ReceivedAt:       at(2026, time.December, 1, 9, 5),
		DueAt:            at(2026, time.December, 4, 9, 5),
		ResultDelivery:   "post",
		ResultAddress:    "12 Lê Duẩn, phường Thạch Thang, quận Hải Châu, Đà Nẵng",
		FeeDueVND:        100000,
		FeePaidVND:       100000,
		FeeReceiptNumber: "BL-0001234",
		RegisteredBy:     "Trần Văn Đức",
		RegisterEntry:    "Sổ 2026, số 0001",
		Steps: []Step{
			{At: at(2026, time.December, 1, 10, 30), Action: "transfer", From: desk, To: justice,
				FromPerson: "Trần Văn Đức", ToPerson: "Lê Thị Thu", Timing: "early"},
			{At: at(2026, time.December, 3, 16, 45), Action: "complete", From: justice, To: desk,
				FromPerson: "Lê Thị Thu", ToPerson: "Trần Văn Đức", Timing: "on_time", Note: "Đã ký duyệt"},
			{At: at(2026, time.December, 8, 8, 0), Action: "return", From: desk,
				FromPerson: "Trần Văn Đức", ToPerson: "Nguyễn Thị Hồng Nhung", Timing: "late"},
		},
		Supplement: &SupplementRequest{
			At:      at(2026, time.December, 2, 14, 0),
			Items:   []Document{{Name: "Giấy xác nhận cư trú", Kind: "original", Copies: 1}},
			Reason:  "Thiếu giấy tờ chứng minh nơi cư trú của người mẹ.",
			Officer: "Lê Thị Thu", Office: justice,
		},
		Refusal: &Refusal{
			At:     at(2026, time.December, 2, 15, 0),
			Reason: "Hồ sơ không thuộc thẩm quyền giải quyết của quận Hải Châu.", Officer: "Lê Thị Thu", Office: justice,
		},
		Counter: &Counter{
			PostOffice: Office{Code: "BC-HAICHAU", Name: "Bưu cục Hải Châu"}, At: at(2026, time.November, 30, 15, 20),
			Worker: "Võ Thị Mai", SealNumber: "NP-2026-004512", PostageVND: 26000, TrackingNumber: "EC000000014VN",
		},
		Apology: &Apology{
			At:      at(2026, time.December, 4, 8, 0),
			Reason:  "Cần xác minh thêm thông tin với cơ quan đăng ký hộ tịch nơi cư trú trước đây.",
			Officer: "Phạm Minh Quân", Office: justice,
			OriginalDueAt: at(2026, time.December, 4, 9, 5),
			NewDueAt:      at(2026, time.December, 8, 14, 30),
		},
	}
}
