package vocabulary

// NoticeText is the words of one kind of notice to a citizen: the subject of its mail,
// the mail's text, and the short text a phone receives (SMS, or the summary of a Zalo
// message). Each is a text/template over the notice's view: .Code, .Procedure,
// .Appointment (a date and hour), .Items (missing papers), .Reason, .Amount (in đồng),
// .Receipt (an electronic receipt's number), .Tracking, .PIN (the online submission's
// only), .Link (the lookup page).
type NoticeText struct {
	Subject, Text, Short Words
}

// NoticeTexts are the notices a citizen is sent, by kind (see intake's domain/notice).
// They are short and plain; none carries the ID number or the address, and only
// "submitted" the PIN.
var NoticeTexts = map[string]NoticeText{
	"submitted": {
		Subject: Words{"Hồ sơ {{.Code}} đã được nộp trực tuyến", "Dossier {{.Code}} submitted online"},
		Text: Words{"Hồ sơ “{{.Procedure}}” của bạn đã được nộp.\n\nMã hồ sơ: {{.Code}}\nMã tra cứu (PIN): {{.PIN}}\n\nBộ phận một cửa sẽ kiểm tra hồ sơ trong ngày làm việc và báo cho bạn khi tiếp nhận. Theo dõi hồ sơ tại: {{.Link}}\nHãy giữ mã tra cứu; không đưa cho người khác.",
			"Your dossier “{{.Procedure}}” has been submitted.\n\nDossier code: {{.Code}}\nLookup PIN: {{.PIN}}\n\nThe one-stop desk checks it within the working day and will tell you when it is received. Follow it at: {{.Link}}\nKeep the PIN; do not give it to anyone."},
		Short: Words{"Ho so {{.Code}} da nop. Ma tra cuu: {{.PIN}}. Theo doi: {{.Link}}", "Dossier {{.Code}} submitted. PIN: {{.PIN}}. Follow: {{.Link}}"},
	},
	"received": {
		Subject: Words{"Hồ sơ {{.Code}} đã được tiếp nhận", "Dossier {{.Code}} received"},
		Text: Words{"Bộ phận một cửa đã tiếp nhận hồ sơ {{.Code}} ({{.Procedure}}).\nNgày hẹn trả kết quả: {{.Appointment}}.\n\nTheo dõi hồ sơ tại: {{.Link}}",
			"The one-stop desk has received dossier {{.Code}} ({{.Procedure}}).\nThe result is due on {{.Appointment}}.\n\nFollow it at: {{.Link}}"},
		Short: Words{"Ho so {{.Code}} da duoc tiep nhan. Hen tra: {{.Appointment}}. {{.Link}}", "Dossier {{.Code}} received. Due: {{.Appointment}}. {{.Link}}"},
	},
	"supplement_requested": {
		Subject: Words{"Hồ sơ {{.Code}} cần bổ sung", "Dossier {{.Code}} needs more papers"},
		Text: Words{"Hồ sơ {{.Code}} cần bạn bổ sung:\n{{range .Items}}– {{.}}\n{{end}}{{with .Reason}}\nLý do: {{.}}\n{{end}}\nGửi bổ sung trên trang tra cứu hồ sơ (nhập mã hồ sơ và mã tra cứu) hoặc tại bộ phận một cửa: {{.Link}}\nThời hạn giải quyết tạm dừng đến khi bạn bổ sung đủ.",
			"Dossier {{.Code}} needs more from you:\n{{range .Items}}– {{.}}\n{{end}}{{with .Reason}}\nReason: {{.}}\n{{end}}\nSend them on the dossier's lookup page (enter the code and the PIN) or at the one-stop desk: {{.Link}}\nThe time limit is paused until you do."},
		Short: Words{"Ho so {{.Code}} can bo sung giay to. Xem chi tiet: {{.Link}}", "Dossier {{.Code}} needs more papers. Details: {{.Link}}"},
	},
	"payment_requested": {
		Subject: Words{"Hồ sơ {{.Code}}: đề nghị nộp phí, lệ phí", "Dossier {{.Code}}: a fee is due"},
		Text: Words{"Hồ sơ {{.Code}} cần nộp phí, lệ phí: {{.Amount}} đồng.\nBạn nộp trực tuyến trên trang tra cứu hồ sơ hoặc tại bộ phận một cửa: {{.Link}}",
			"Dossier {{.Code}} has a fee due: {{.Amount}} VND.\nPay it online on the dossier's lookup page or at the one-stop desk: {{.Link}}"},
		Short: Words{"Ho so {{.Code}} can nop phi {{.Amount}} dong. {{.Link}}", "Dossier {{.Code}}: fee due {{.Amount}} VND. {{.Link}}"},
	},
	"apology": {
		Subject: Words{"Xin lỗi: hồ sơ {{.Code}} chậm hẹn", "We are sorry: dossier {{.Code}} is delayed"},
		Text: Words{"Cơ quan xin lỗi vì chưa giải quyết xong hồ sơ {{.Code}} đúng hẹn.{{with .Reason}}\nLý do: {{.}}{{end}}\nNgày hẹn mới: {{.Appointment}}.\n\nTheo dõi hồ sơ tại: {{.Link}}",
			"The office apologises: dossier {{.Code}} could not be decided on time.{{with .Reason}}\nReason: {{.}}{{end}}\nThe new date: {{.Appointment}}.\n\nFollow it at: {{.Link}}"},
		Short: Words{"Xin loi: ho so {{.Code}} cham hen. Hen moi: {{.Appointment}}. {{.Link}}", "Sorry: dossier {{.Code}} is delayed. New date: {{.Appointment}}. {{.Link}}"},
	},
	"result_ready": {
		Subject: Words{"Hồ sơ {{.Code}} đã có kết quả", "The result of dossier {{.Code}} is ready"},
		Text: Words{"Cơ quan đã giải quyết xong hồ sơ {{.Code}}.{{if .Online}}\nBạn tải kết quả điện tử trên trang tra cứu (nhập mã hồ sơ và mã tra cứu): {{.Link}}{{else}}\nMời bạn đến nhận kết quả theo giấy tiếp nhận. Xem chi tiết: {{.Link}}{{end}}",
			"The office has decided dossier {{.Code}}.{{if .Online}}\nDownload the electronic result on the lookup page (enter the code and the PIN): {{.Link}}{{else}}\nCollect the result as your receipt says. Details: {{.Link}}{{end}}"},
		Short: Words{"Ho so {{.Code}} da co ket qua. {{.Link}}", "Dossier {{.Code}}: the result is ready. {{.Link}}"},
	},
	"out_for_delivery": {
		Subject: Words{"Kết quả hồ sơ {{.Code}} đang được phát", "The result of dossier {{.Code}} is out for delivery"},
		Text: Words{"Bưu điện đang phát kết quả hồ sơ {{.Code}} đến bạn hôm nay (số bưu gửi {{.Tracking}}). Hãy mang giấy tờ tùy thân khi nhận.\n\nTheo dõi tại: {{.Link}}",
			"The post is bringing the result of dossier {{.Code}} to you today (item {{.Tracking}}). Have an ID paper ready.\n\nFollow it at: {{.Link}}"},
		Short: Words{"Buu dien dang phat ket qua ho so {{.Code}} ({{.Tracking}}) hom nay.", "The post delivers the result of {{.Code}} ({{.Tracking}}) today."},
	},
	"delivery_failed": {
		Subject: Words{"Chưa phát được kết quả hồ sơ {{.Code}}", "The result of dossier {{.Code}} could not be delivered"},
		Text: Words{"Bưu điện chưa phát được kết quả hồ sơ {{.Code}} (số bưu gửi {{.Tracking}}).{{with .Reason}}\nLý do: {{.}}{{end}}\nBưu điện sẽ phát lại; xem chi tiết tại: {{.Link}}",
			"The post could not deliver the result of dossier {{.Code}} (item {{.Tracking}}).{{with .Reason}}\nReason: {{.}}{{end}}\nIt will try again; details at: {{.Link}}"},
		Short: Words{"Chua phat duoc ket qua ho so {{.Code}} ({{.Tracking}}). Chi tiet: {{.Link}}", "Result of {{.Code}} not delivered ({{.Tracking}}). Details: {{.Link}}"},
	},
	"delivered": {
		Subject: Words{"Đã phát kết quả hồ sơ {{.Code}}", "The result of dossier {{.Code}} was delivered"},
		Text: Words{"Bưu điện đã phát kết quả hồ sơ {{.Code}} (số bưu gửi {{.Tracking}}). Nếu bạn chưa nhận được, hãy báo ngay cho bộ phận một cửa.\n\nXem chi tiết tại: {{.Link}}",
			"The post delivered the result of dossier {{.Code}} (item {{.Tracking}}). If you did not get it, tell the one-stop desk at once.\n\nDetails at: {{.Link}}"},
		Short: Words{"Da phat ket qua ho so {{.Code}} ({{.Tracking}}).", "Result of {{.Code}} delivered ({{.Tracking}})."},
	},
	"paid": {
		Subject: Words{"Biên lai điện tử {{.Receipt}}: đã nộp phí, lệ phí hồ sơ {{.Code}}", "Electronic receipt {{.Receipt}}: fee paid for dossier {{.Code}}"},
		Text: Words{"Bạn đã nộp {{.Amount}} đồng phí, lệ phí của hồ sơ {{.Code}} qua cổng thanh toán.\nBiên lai điện tử số: {{.Receipt}}\n\nBiên lai có trên trang tra cứu hồ sơ: {{.Link}}",
			"You paid {{.Amount}} VND in fees for dossier {{.Code}} through the payment gateway.\nElectronic receipt number: {{.Receipt}}\n\nThe receipt is on the dossier's lookup page: {{.Link}}"},
		Short: Words{"Da nop {{.Amount}} dong phi ho so {{.Code}}. Bien lai {{.Receipt}}.", "Paid {{.Amount}} VND for {{.Code}}. Receipt {{.Receipt}}."},
	},
	"refused": {
		Subject: Words{"Hồ sơ {{.Code}} không được giải quyết", "Dossier {{.Code}} was refused"},
		Text: Words{"Cơ quan không giải quyết hồ sơ {{.Code}}.{{with .Reason}}\nLý do: {{.}}{{end}}\n\nXem chi tiết tại: {{.Link}}",
			"The office refused dossier {{.Code}}.{{with .Reason}}\nReason: {{.}}{{end}}\n\nDetails at: {{.Link}}"},
		Short: Words{"Ho so {{.Code}} khong duoc giai quyet. Ly do xem tai: {{.Link}}", "Dossier {{.Code}} was refused. Details: {{.Link}}"},
	},
}

// noticeNames are what the lookup calls each kind of notice and each channel.
var noticeNames = table{
	"submitted":            {"Mã hồ sơ và mã tra cứu", "The dossier's code and PIN"},
	"received":             {"Hồ sơ đã được tiếp nhận", "The dossier was received"},
	"supplement_requested": {"Đề nghị bổ sung giấy tờ", "More papers asked for"},
	"payment_requested":    {"Đề nghị nộp phí, lệ phí", "A fee asked for"},
	"apology":              {"Thư xin lỗi, hẹn lại ngày trả", "An apology with a new date"},
	"result_ready":         {"Đã có kết quả", "The result is ready"},
	"out_for_delivery":     {"Bưu điện đang phát kết quả", "The post is delivering the result"},
	"delivery_failed":      {"Chưa phát được kết quả", "The result could not be delivered"},
	"delivered":            {"Đã phát kết quả", "The result was delivered"},
	"refused":              {"Hồ sơ không được giải quyết", "The dossier was refused"},
	"paid":                 {"Biên lai điện tử phí, lệ phí", "The electronic receipt of a fee"},
	"channel.mail":         {"Thư điện tử", "E-mail"},
	"channel.sms":          {"Tin nhắn SMS", "Text message"},
	"channel.zns":          {"Zalo", "Zalo"},
}

// NoticeName is what the lookup calls a kind of notice ("received", …) or a channel
// ("channel.mail", …).
func NoticeName(key string) Words { return noticeNames.lookup(key) }
