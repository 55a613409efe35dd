package forms

import "time"

// refusalSheet is form 03, "Phiếu từ chối tiếp nhận, giải quyết hồ sơ".
func refusalSheet(d Dossier, loc *time.Location) *sheet {
	r := d.Refusal
	office := firstOffice(r.Office, d.HandlingOffice, d.ReceivingOffice)
	s := &sheet{
		Agency:   agency(office),
		Dated:    capitalize(datePhrase(r.At, loc)),
		Title:    "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
		Subtitle: "Mã hồ sơ: " + orBlank(d.Code),
	}
	s.field("Hồ sơ của", d.Applicant.FullName)
	s.field("Nội dung yêu cầu giải quyết", procedure(d))
	s.field("Thời gian nhận hồ sơ", timePhrase(d.ReceivedAt, loc))
	s.para("Qua xem xét, " + orBlank(officeName(office)) +
		" thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:")
	s.field("Lý do", r.Reason)
	s.para("Mọi vướng mắc, Ông/Bà liên hệ với " + orBlank(contact(r.Officer, office)) + " để được giải đáp.")
	s.para("Xin thông báo cho Ông/Bà được biết và thực hiện./.")
	s.Signs = []signature{{Title: "NGƯỜI LẬP PHIẾU", Note: "(Ký và ghi rõ họ tên)", Name: r.Officer}}
	return s
}
