package vocabulary

// StaffMailText is the words of one kind of mail to staff: its subject and its text.
// Each is a text/template over the mail's view: .Username (the account it goes to),
// .Day (the working day, 02/01/2006), .Hours (MOTCUA_AT_RISK_HOURS), .Count (how many
// dossiers it names), .Link (where to act on them) and .Offices, each with .Name, .Code,
// .Link (the office's list, for a digest) and .Dossiers, each with .Code, .Procedure,
// .Due (15:04 02/01/2006) and .Status. A staff mail names dossiers by their codes and
// procedures, never a citizen.
type StaffMailText struct {
	Subject, Text Words
}

// StaffMailTexts are the mails staff are sent, by kind: "digest", an officer's list of
// the dossiers of their offices coming due, each working day at 07:30; "late", a
// supervisor's warning that dossiers of their offices went past their appointment.
//
// Staff are written to in Vietnamese, the offices' language: an account has no language
// of its own, and the pages staff work in are Vietnamese first. The English is kept
// beside it, as every word of the product is, for the day an account chooses its
// language.
var StaffMailTexts = map[string]StaffMailText{
	"digest": {
		Subject: Words{"{{.Count}} hồ sơ sắp đến hạn — {{.Day}}", "{{.Count}} dossiers coming due — {{.Day}}"},
		Text: Words{"Chào {{.Username}},\n\n{{.Count}} hồ sơ của cơ quan bạn sẽ đến hạn trả kết quả trong {{.Hours}} giờ làm việc tới; hạn sớm nhất xếp trước.\n{{range .Offices}}\n{{.Name}}:\n{{range .Dossiers}}– {{.Code}} · {{.Procedure}} · hạn {{.Due}} · {{.Status}}\n{{end}}Xem danh sách “Sắp đến hạn”: {{.Link}}\n{{end}}\nHãy ưu tiên giải quyết để trả kết quả đúng hẹn.",
			"Hello {{.Username}},\n\n{{.Count}} dossiers of your offices fall due within the next {{.Hours}} working hours; the soonest come first.\n{{range .Offices}}\n{{.Name}}:\n{{range .Dossiers}}– {{.Code}} · {{.Procedure}} · due {{.Due}} · {{.Status}}\n{{end}}See the “Coming due” list: {{.Link}}\n{{end}}\nDeal with them first, so that the results are given on time."},
	},
	"late": {
		Subject: Words{"Cảnh báo: {{.Count}} hồ sơ đã quá hạn", "Warning: {{.Count}} dossiers are overdue"},
		Text: Words{"Chào {{.Username}},\n\nCác hồ sơ sau vừa quá hạn giải quyết mà chưa có kết quả:\n{{range .Offices}}\n{{.Name}}:\n{{range .Dossiers}}– {{.Code}} · {{.Procedure}} · hạn {{.Due}} · {{.Status}}\n{{end}}{{end}}\nHãy đôn đốc cơ quan giải quyết; nếu không thể trả kết quả đúng hẹn, cơ quan gửi phiếu xin lỗi và hẹn lại ngày trả cho người dân. Bảng theo dõi: {{.Link}}",
			"Hello {{.Username}},\n\nThese dossiers have just gone past their appointment without a result:\n{{range .Offices}}\n{{.Name}}:\n{{range .Dossiers}}– {{.Code}} · {{.Procedure}} · due {{.Due}} · {{.Status}}\n{{end}}{{end}}\nPress the deciding office; when the result cannot be given on time, the office sends the citizen an apology with a new date. The dashboard: {{.Link}}"},
	},
}

// StaffMailSignature closes every mail to staff.
var StaffMailSignature = Words{"Hệ thống một cửa — thư tự động gửi cán bộ, xin đừng trả lời. Muốn đổi địa chỉ nhận thư, hãy nhờ quản trị viên.",
	"The one-stop desk system — an automatic mail to staff, please do not reply. To change the address it goes to, ask an administrator."}
