package vocabulary

import "fmt"

// messages are the words of what the product sends to people (mail, SMS), by key.
var messages = table{
	"verification.subject": {"Mã xác thực Một cửa: %s", "One-stop verification code: %s"},
	"verification.text": {"Mã xác thực của bạn là %s.\n\nMã dùng được một lần, trong %d phút. Đừng đưa mã này cho ai, kể cả cán bộ.\nNếu bạn không yêu cầu mã, hãy bỏ qua tin này.",
		"Your verification code is %s.\n\nIt can be used once, within %d minutes. Do not give it to anyone, staff included.\nIf you did not ask for a code, ignore this message."},
	"submitted.subject": {"Hồ sơ %s đã được nộp trực tuyến", "Dossier %s submitted online"},
	"submitted.text": {"Hồ sơ “%s” của bạn đã được nộp.\n\nMã hồ sơ: %s\nMã tra cứu (PIN): %s\n\nBộ phận một cửa sẽ kiểm tra hồ sơ trong ngày làm việc và báo cho bạn khi tiếp nhận. Theo dõi hồ sơ tại: %s\nHãy giữ mã tra cứu; không đưa cho người khác.",
		"Your dossier “%s” has been submitted.\n\nDossier code: %s\nLookup PIN: %s\n\nThe one-stop desk checks it within the working day and will tell you when it is received. Follow it at: %s\nKeep the PIN; do not give it to anyone."},
	"admitted.subject": {"Hồ sơ %s đã được tiếp nhận", "Dossier %s received"},
	"admitted.text": {"Bộ phận một cửa đã kiểm tra và tiếp nhận hồ sơ %s lúc %s.\nNgày hẹn trả kết quả: %s.\n\nTheo dõi hồ sơ tại: %s",
		"The one-stop desk checked and received dossier %s at %s.\nThe result is promised by %s.\n\nFollow it at: %s"},
	"guidance.subject": {"Hồ sơ %s cần bổ sung trước khi tiếp nhận", "Dossier %s needs more papers before it is received"},
	"guidance.text": {"Bộ phận một cửa đã kiểm tra hồ sơ %s và cần bạn bổ sung:\n%s\n\nLý do: %s\n\nGửi bổ sung trên trang tra cứu hồ sơ (nhập mã hồ sơ và mã tra cứu): %s\nHồ sơ sẽ được tiếp nhận sau khi bạn bổ sung đủ.",
		"The one-stop desk checked dossier %s and needs you to add:\n%s\n\nReason: %s\n\nSend them from the dossier's lookup page (with the code and PIN): %s\nThe dossier is received once it is complete."},
	"refused.subject": {"Hồ sơ %s không được tiếp nhận", "Dossier %s was not received"},
	"refused.text": {"Bộ phận một cửa không tiếp nhận hồ sơ %s.\nLý do: %s\n\nXem chi tiết tại: %s",
		"The one-stop desk did not receive dossier %s.\nReason: %s\n\nSee the details at: %s"},
	"result.subject": {"Kết quả điện tử của hồ sơ %s đã sẵn sàng", "The electronic result of dossier %s is ready"},
	"result.text": {"Cơ quan đã giải quyết xong hồ sơ %s. Bạn tải kết quả điện tử tại: %s\nHãy nhập mã hồ sơ và mã tra cứu (PIN) đã được gửi cho bạn khi nộp hồ sơ. Lần tải đầu tiên được ghi nhận là bạn đã nhận kết quả.",
		"The office has decided dossier %s. Download the electronic result at: %s\nEnter the dossier code and the lookup PIN you were sent when you submitted it. The first download counts as receiving the result."},
	"paid.subject": {"Biên lai điện tử %s: đã nộp phí, lệ phí hồ sơ %s", "Electronic receipt %s: fee paid for dossier %s"},
	"paid.text": {"Bạn đã nộp %s phí, lệ phí của hồ sơ %s qua cổng thanh toán; ghi nhận lúc %s.\nBiên lai điện tử số: %s\n\nBiên lai có trên trang tra cứu hồ sơ: %s",
		"You paid %s in fees for dossier %s through the payment gateway, recorded at %s.\nElectronic receipt number: %s\n\nThe receipt is on the dossier's lookup page: %s"},
}

// Message is the message of key, its %-verbs filled with args.
func Message(key string, args ...any) Words {
	w := messages.lookup(key)
	if len(args) == 0 {
		return w
	}
	return Words{VI: fmt.Sprintf(w.VI, args...), EN: fmt.Sprintf(w.EN, args...)}
}
