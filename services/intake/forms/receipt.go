package forms

import (
	"net/url"
	"time"

	"github.com/motcua/motcua/services/platform/printsheet"
)

// receiptSheet is form 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả".
func receiptSheet(d Dossier, loc *time.Location) *sheet {
	s := letterhead("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", d.ReceivingOffice, d.ReceivedAt, d, loc)
	s.Lookup = lookupOf(d)
	s.field("Bộ phận tiếp nhận và trả kết quả", officeName(d.ReceivingOffice))
	s.field("Tiếp nhận hồ sơ của", d.Applicant.FullName)
	s.field("Địa chỉ", d.Applicant.Address)
	s.field("Số điện thoại", d.Applicant.Phone)
	s.field("Thư điện tử", d.Applicant.Email)
	s.field("Nội dung yêu cầu giải quyết", procedure(d))
	s.AddHeading("1. Thành phần hồ sơ nộp gồm:")
	s.AddTable(documentsTable(d.Documents))
	s.field("2. Thời gian giải quyết hồ sơ theo quy định", timeLimit(d.TimeLimitHours))
	s.field("3. Thời gian nhận hồ sơ", timePhrase(d.ReceivedAt, loc))
	s.field("4. Thời gian trả kết quả giải quyết hồ sơ", timePhrase(d.DueAt, loc))
	s.field("5. Đăng ký nhận kết quả tại", delivery(d))
	if d.FeeDueVND == 0 && d.FeePaidVND == 0 {
		s.field("6. Phí, lệ phí", "Không thu")
	} else {
		s.field("6. Phí, lệ phí phải nộp", money(d.FeeDueVND))
		s.field("Đã nộp", paid(d))
	}
	s.field("Vào sổ theo dõi hồ sơ", d.RegisterEntry)
	s.sign("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", d.Applicant.FullName)
	s.sign("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", d.RegisteredBy)
	return s
}

// delivery says where the result will be received.
func delivery(d Dossier) string {
	switch d.ResultDelivery {
	case "desk":
		return "Bộ phận tiếp nhận và trả kết quả – " + orBlank(officeName(d.ReceivingOffice))
	case "post":
		return "Qua dịch vụ bưu chính công ích, theo địa chỉ: " + orBlank(d.ResultAddress)
	case "electronic":
		return "Trực tuyến: kết quả điện tử, tải về tại trang tra cứu hồ sơ bằng mã hồ sơ và mã tra cứu ghi trên phiếu này"
	case "post_office":
		return "Tại bưu cục " + orBlank(officeName(d.ResultPostOffice)) + " (xuất trình giấy tờ tùy thân khi nhận)"
	}
	return d.ResultDelivery
}

// paid is what has been paid, with the receipt number.
func paid(d Dossier) string {
	if d.FeePaidVND == 0 {
		return "Chưa nộp"
	}
	p := money(d.FeePaidVND)
	if d.FeeReceiptNumber != "" {
		p += ", biên lai số " + d.FeeReceiptNumber
	}
	return p
}

// lookupOf is the PIN and the QR code of the lookup link, nil when the dossier has
// neither. Only a web (http or https) link gets a QR code; a link that is not, or
// is too long for a QR code, is printed without one.
func lookupOf(d Dossier) *printsheet.Lookup {
	if d.LookupPIN == "" && d.LookupURL == "" {
		return nil
	}
	l := &printsheet.Lookup{PIN: d.LookupPIN, URL: d.LookupURL}
	if isWebURL(d.LookupURL) {
		if png, err := qrPNG(d.LookupURL); err == nil {
			l.PNG, l.Alt = png, "Mã QR tra cứu hồ sơ "+d.Code+": "+d.LookupURL
		}
	}
	return l
}

// isWebURL reports whether s is an absolute http or https link.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
