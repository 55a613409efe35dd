package vocabulary

import "strings"

// webhookFamilies name the patterns that take every event of a family.
var webhookFamilies = table{
	"dossier.*":    {"Mọi thay đổi trạng thái hồ sơ", "Every status change of a dossier"},
	"shipment.*":   {"Mọi bước của bưu gửi chuyển hồ sơ, kết quả", "Every step of the shipments that carry dossiers and results"},
	"webhook.test": {"Lần gửi thử", "Test delivery"},
}

// WebhookEvent names an event type or pattern of the webhooks ("dossier.received",
// "shipment.delivered", "dossier.*"): a dossier's by its status, a shipment's by where
// the step leaves it. An unknown one reads as itself.
func WebhookEvent(typ string) Words {
	if w, ok := webhookFamilies[typ]; ok {
		return w
	}
	if status, ok := strings.CutPrefix(typ, "dossier."); ok && statuses.has(status) {
		return Join([]Words{{"Hồ sơ", "Dossier"}, Status(status)}, ": ")
	}
	if step, ok := strings.CutPrefix(typ, "shipment."); ok && shipmentStatuses.has(step) {
		return Join([]Words{{"Bưu gửi", "Shipment"}, ShipmentStatus(step)}, ": ")
	}
	return Words{VI: typ, EN: typ}
}

// webhookProblems are the words of what an administrator's webhook cannot be, by the
// code the app gives each field, and of the refusals of the webhooks' API.
var webhookProblems = table{
	"url.required":    {"Hãy nhập địa chỉ (URL) của hệ thống nhận webhook.", "Enter the URL of the system that receives the webhooks."},
	"url.long":        {"Địa chỉ dài quá 2000 ký tự hoặc có ký tự không dùng được.", "The URL is longer than 2,000 characters or holds a character that cannot be used."},
	"url.format":      {"Địa chỉ phải là một URL đầy đủ bắt đầu bằng https:// hoặc http://, ví dụ https://he-thong.example.vn/webhooks.", "The URL must be a whole URL starting with https:// or http://, e.g. https://system.example.vn/webhooks."},
	"url.private":     {"Không gửi webhook tới địa chỉ nội bộ (máy này, mạng riêng, link-local); hãy dùng địa chỉ công khai của hệ thống nhận.", "Webhooks are not sent to internal addresses (this machine, private or link-local networks); use the public address of the receiving system."},
	"url.unresolved":  {"Không tìm thấy máy chủ của địa chỉ này; hãy kiểm tra tên miền.", "The URL's host name does not resolve; check the domain."},
	"events.required": {"Hãy chọn ít nhất một loại sự kiện, ví dụ dossier.received hoặc dossier.*.", "Choose at least one event type, e.g. dossier.received or dossier.*."},
	"events.unknown":  {"Có loại sự kiện không tồn tại; hãy dùng dossier.<trạng thái>, shipment.<bước>, dossier.* hoặc shipment.*.", "An event type does not exist; use dossier.<status>, shipment.<step>, dossier.* or shipment.*."},

	"webhook_not_found":  {"Không có webhook với mã này.", "There is no webhook with this id."},
	"delivery_not_found": {"Webhook này không có lần gửi với mã này.", "This webhook has no delivery with this id."},
	"webhook_disabled":   {"Webhook này đã bị tắt vì gửi lỗi liên tục suốt một ngày; hãy xóa và thêm lại khi hệ thống nhận đã hoạt động.", "This webhook was disabled after a day of failed deliveries; delete it and add it again once the receiving system works."},
}

// The webhooks' problems join the catalogue's (problems.go lists the tables of the
// other parts).
func init() { problems = merged(problems, webhookProblems) }
