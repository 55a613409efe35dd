package forms

import "time"

// supplementSheet is form 02, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ".
func supplementSheet(d Dossier, loc *time.Location) *sheet {
	r := d.Supplement
	office := firstOffice(r.Office, d.HandlingOffice, d.ReceivingOffice)
	s := letterhead("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", office, r.At, d, loc)
	s.about("Hồ sơ của", d)
	s.AddPara(capitalize(orBlank(datePhrase(d.ReceivedAt, loc))) + ", " + orBlank(officeName(d.ReceivingOffice)) +
		" đã tiếp nhận hồ sơ của Ông/Bà. Sau khi xem xét, " + orBlank(officeName(office)) +
		" đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:")
	s.AddTable(documentsTable(r.Items))
	s.field("Lý do", r.Reason)
	s.AddPara("Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với " +
		orBlank(contact(r.Officer, office)) + " để được hướng dẫn.")
	s.sign("NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", r.Officer)
	return s
}
