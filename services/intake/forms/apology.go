package forms

import "time"

// apologySheet is form 04, "Phiếu xin lỗi và hẹn lại ngày trả kết quả".
func apologySheet(d Dossier, loc *time.Location) *sheet {
	a := d.Apology
	office := firstOffice(a.Office, d.HandlingOffice, d.ReceivingOffice)
	name := orBlank(officeName(office))
	s := letterhead("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", office, a.At, d, loc)
	s.field("Kính gửi", "Ông/Bà "+orBlank(d.Applicant.FullName))
	s.AddPara(capitalize(orBlank(datePhrase(d.ReceivedAt, loc))) + ", " + orBlank(officeName(d.ReceivingOffice)) +
		" đã tiếp nhận hồ sơ của Ông/Bà.")
	s.field("Nội dung yêu cầu giải quyết", procedure(d))
	s.field("Thời hẹn trả kết quả giải quyết hồ sơ", timePhrase(a.OriginalDueAt, loc))
	s.AddPara("Tuy nhiên đến nay, " + name + " chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn " +
		"ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.")
	s.field("Lý do", a.Reason)
	s.AddPara("Sự chậm trễ này đã gây phiền hà cho Ông/Bà. " + name +
		" thành thật xin lỗi Ông/Bà vì sự bất tiện này.")
	s.AddPara(name + " sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào " + orBlank(timePhrase(a.NewDueAt, loc)) + ".")
	s.AddPara("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.")
	s.sign("ĐẠI DIỆN CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", a.Officer)
	return s
}
