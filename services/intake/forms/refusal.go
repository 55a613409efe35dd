package forms

import "time"

// refusalSheet is form 03, "Phiếu từ chối tiếp nhận, giải quyết hồ sơ".
func refusalSheet(d Dossier, loc *time.Location) *sheet {
	r := d.Refusal
	office := firstOffice(r.Office, d.HandlingOffice, d.ReceivingOffice)
	s := letterhead("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", office, r.At, d, loc)
	s.about("Hồ sơ của", d)
	s.field("Thời gian nhận hồ sơ", timePhrase(d.ReceivedAt, loc))
	s.AddPara("Qua xem xét, " + orBlank(officeName(office)) +
		" thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:")
	s.field("Lý do", r.Reason)
	s.AddPara("Mọi vướng mắc, Ông/Bà liên hệ với " + orBlank(contact(r.Officer, office)) + " để được giải đáp.")
	s.AddPara("Xin thông báo cho Ông/Bà được biết và thực hiện./.")
	s.sign("NGƯỜI LẬP PHIẾU", "(Ký và ghi rõ họ tên)", r.Officer)
	return s
}
