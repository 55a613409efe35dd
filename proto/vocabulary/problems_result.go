package vocabulary

// resultProblems say what is wrong with a result given electronically: the office's
// result file, and the citizen's download of it.
var resultProblems = table{
	"result_file_id result_file_required": {"Hồ sơ này đăng ký nhận kết quả điện tử: hãy đính kèm tệp kết quả (phần “result”, hoặc result_file_id của tệp đã tải lên hồ sơ) để hoàn thành với kết quả đồng ý.",
		"This dossier's result is given electronically: attach the result file (a “result” part, or the result_file_id of a file posted to the dossier) to complete it as approved."},
	"result_file_id unknown_result_file": {"Hồ sơ không có tệp kết quả với mã này; hãy tải tệp lên hồ sơ trước rồi dùng mã tệp được trả về.",
		"The dossier has no result file with this id; post the file to the dossier first and use the id it answers."},
	"result_file_id too_long": {"Mã tệp kết quả quá dài.", "The result file id is too long."},
	"file one_file":           {"Hãy gửi đúng một tệp kết quả (PDF, JPEG hoặc PNG) mỗi lần.", "Send exactly one result file (PDF, JPEG or PNG) per request."},
	"result one_file":         {"Hãy gửi đúng một tệp kết quả trong phần “result”.", "Send exactly one result file, in the “result” part."},
	"command part_twice":      {"Chỉ gửi một phần “command”.", "Send one “command” part only."},
	"command too_large":       {"Phần “command” quá lớn.", "The “command” part is too large."},
	"multipart_only_complete": {"Chỉ thao tác “complete” mới gửi kèm tệp (multipart/form-data); các thao tác khác gửi dạng JSON.", "Only “complete” takes a file (multipart/form-data); send the other actions as JSON."},
	"no_electronic_result":    {"Hồ sơ này chưa có kết quả điện tử để tải về. Kết quả tải về được khi cơ quan giải quyết xong hồ sơ đăng ký nhận kết quả điện tử.", "This dossier has no electronic result to download yet: it can be downloaded once the office completes a dossier whose result is given electronically."},
}
