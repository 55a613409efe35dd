package vocabulary

import "fmt"

// messages are the words of what the product sends to people (mail, SMS), by key.
var messages = table{
	"verification.subject": {"Mã xác thực Một cửa: %s", "One-stop verification code: %s"},
	"verification.text": {"Mã xác thực của bạn là %s.\n\nMã dùng được một lần, trong %d phút. Đừng đưa mã này cho ai, kể cả cán bộ.\nNếu bạn không yêu cầu mã, hãy bỏ qua tin này.",
		"Your verification code is %s.\n\nIt can be used once, within %d minutes. Do not give it to anyone, staff included.\nIf you did not ask for a code, ignore this message."},
	"notice.unsubscribe": {"Không muốn nhận tin về hồ sơ này nữa? Hủy đăng ký: %s", "No more messages about this dossier? Unsubscribe: %s"},
	"unsubscribe.title":  {"Ngừng nhận tin về hồ sơ %s", "Stop messages about dossier %s"},
	"unsubscribe.ask":    {"Bạn sẽ không nhận thêm thư, tin nhắn nào về hồ sơ %s. Trang tra cứu vẫn cho bạn biết hồ sơ đến đâu.", "You will get no more mail or text messages about dossier %s. The lookup page still tells you where it stands."},
	"unsubscribe.button": {"Ngừng nhận tin", "Stop the messages"},
	"unsubscribe.done":   {"Đã ngừng gửi tin về hồ sơ %s.", "No more messages will be sent about dossier %s."},
	"notice.signature":   {"Bộ phận một cửa — tin nhắn tự động, xin đừng trả lời.", "The one-stop desk — an automatic message, please do not reply."},
}

// Message is the message of key, its %-verbs filled with args.
func Message(key string, args ...any) Words {
	w := messages.lookup(key)
	if len(args) == 0 {
		return w
	}
	return Words{VI: fmt.Sprintf(w.VI, args...), EN: fmt.Sprintf(w.EN, args...)}
}
