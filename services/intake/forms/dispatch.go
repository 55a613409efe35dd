package forms

import (
	"strings"
	"time"
)

// dispatchSlipSheet is the post's dispatch slip (phiếu gửi) for a dossier a post office
// took on an authority's behalf (domain §5): who sends it, to which authority, for
// which procedure, the papers checked against the procedure's list, the seal it was
// packed under in front of the applicant, the fee and the postage collected, and both
// signatures. It is also the applicant's receipt: it carries the code and PIN to follow
// the dossier with. It prints no ID number.
func dispatchSlipSheet(d Dossier, loc *time.Location) *sheet {
	c := d.Counter
	s := letterhead("PHIẾU GỬI HỒ SƠ QUA DỊCH VỤ BƯU CHÍNH CÔNG ÍCH", c.PostOffice, c.At, d, loc)
	s.Lookup = lookupOf(d)
	s.field("Số hiệu bưu gửi", c.TrackingNumber+", nhận gửi "+timePhrase(c.At, loc))
	s.field("Người gửi", d.Applicant.FullName)
	s.field("Địa chỉ, điện thoại", joinKnown(d.Applicant.Address, d.Applicant.Phone))
	s.field("Gửi đến", officeName(d.ReceivingOffice))
	s.field("Nội dung yêu cầu giải quyết", procedure(d))
	s.AddHeading("Thành phần hồ sơ (đã kiểm tra theo danh mục của thủ tục):")
	s.AddTable(documentsTable(d.Documents))
	s.field("Số niêm phong", c.SealNumber)
	s.field("Đã thu", "phí, lệ phí "+money(d.FeePaidVND)+" + cước "+money(c.PostageVND)+" = "+money(d.FeePaidVND+c.PostageVND))
	s.field("Nhận kết quả tại", delivery(d))
	s.sign("NGƯỜI GỬI", "(Ký và ghi rõ họ tên)", d.Applicant.FullName)
	s.sign("NHÂN VIÊN BƯU ĐIỆN", "(Ký và ghi rõ họ tên)", c.Worker)
	return s
}

// joinKnown joins the values that are known with commas; none known is a blank.
func joinKnown(values ...string) string {
	var known []string
	for _, v := range values {
		if v != "" {
			known = append(known, v)
		}
	}
	return strings.Join(known, ", ")
}
