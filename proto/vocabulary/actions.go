package vocabulary

// actions name what staff do to a dossier (the API's action names), the steps the post
// takes for them, and the citizen's own steps (the download of an electronic result, a
// fee paid online): on the action buttons, in the dossier's log and on the printed
// control slip (form 05).
var actions = table{
	"register":           {"Tiếp nhận hồ sơ", "Registered"},
	"receive":            {"Tiếp nhận hồ sơ", "Receive"},
	"transfer":           {"Chuyển hồ sơ", "Transfer"},
	"accept":             {"Nhận hồ sơ để giải quyết", "Accept for processing"},
	"request-supplement": {"Yêu cầu bổ sung", "Request a supplement"},
	"supplement":         {"Nhận hồ sơ bổ sung", "Record the supplement"},
	"extend":             {"Gia hạn, xin lỗi", "Extend with an apology"},
	"complete":           {"Hoàn thành giải quyết", "Complete"},
	"return":             {"Trả kết quả", "Return the result"},
	"refuse":             {"Từ chối", "Refuse"},
	"stop":               {"Dừng xử lý", "Stop"},
	"withdraw":           {"Công dân rút hồ sơ", "Withdrawn by the citizen"},
	"request-payment":    {"Yêu cầu nộp phí", "Request payment"},
	"record-payment":     {"Ghi nhận nộp phí", "Record a payment"},
	"arrive":             {"Hồ sơ đến nơi", "Arrived"},
	"deliver":            {"Đã phát kết quả", "Delivered"},
	"bring-back":         {"Bưu điện hoàn trả", "Brought back"},
	"bring-in":           {"Bưu điện chuyển hồ sơ đến bộ phận một cửa", "Brought in by the post"},
	"download":           {"Công dân tải kết quả điện tử", "Electronic result downloaded"},
	"pay-online":         {"Công dân nộp phí trực tuyến", "Fee paid online"},
	"attach-result":      {"Đính kèm tệp kết quả", "Attach the result file"},
}

// Action names an action on a dossier, or a step the post took for it.
func Action(action string) Words { return actions.lookup(action) }
