package vocabulary

// onlineProblems say what is wrong with a dossier submitted online and its files.
var onlineProblems = table{
	"no_contact_token":              {"Hãy xác thực địa chỉ e-mail hoặc số điện thoại trước khi nộp hồ sơ (Authorization: Bearer <mã xác thực liên hệ>).", "Verify your e-mail address or phone number before submitting (Authorization: Bearer <contact token>)."},
	"bad_contact_token":             {"Mã xác thực liên hệ không hợp lệ hoặc đã hết hạn; hãy xác thực lại địa chỉ của bạn.", "The contact token is invalid or has expired; verify your address again."},
	"multipart_expected":            {"Hồ sơ nộp trực tuyến phải gửi dạng multipart/form-data: phần “application” và các tệp.", "Send the submission as multipart/form-data: an “application” part and the files."},
	"malformed_multipart":           {"Yêu cầu bị gián đoạn hoặc không đúng định dạng multipart; hãy gửi lại.", "The request was cut off or is not well-formed multipart; send it again."},
	"unexpected_part":               {"Phần “%[1]s” không phải tệp đính kèm cũng không phải phần “application”.", "The part “%[1]s” is neither a file nor the “application” part."},
	"part_twice":                    {"Tên phần “%[1]s” được dùng hai lần; mỗi tệp cần một tên riêng.", "The part name “%[1]s” is used twice; give each file its own."},
	"application part_twice":        {"Chỉ gửi một phần “application”.", "Send one “application” part only."},
	"application required":          {"Thiếu phần “application” (nội dung hồ sơ dạng JSON).", "The “application” part (the dossier as JSON) is missing."},
	"application too_large":         {"Phần “application” quá lớn.", "The “application” part is too large."},
	"files too_many":                {"Mỗi lần nộp tối đa %d tệp.", "At most %d files per submission."},
	"files file_too_large":          {"Tệp “%s” quá lớn: mỗi tệp tối đa %d MB.", "The file “%s” is too large: at most %d MB each."},
	"files files_too_large":         {"Các tệp quá lớn: tổng cộng tối đa %d MB.", "The files are too large: at most %d MB together."},
	"files file_kind":               {"Tệp “%s” không phải PDF, JPEG hay PNG; hãy chụp hoặc quét lại giấy tờ dưới một trong các dạng này.", "The file “%s” is not a PDF, JPEG or PNG; photograph or scan the paper as one of these."},
	"files empty_file":              {"Tệp “%s” rỗng.", "The file “%s” is empty."},
	"documents[].file no_such_part": {"Không có tệp nào tên “%s” trong yêu cầu.", "No file named “%s” was sent."},
	"note supplement_empty":         {"Hãy gửi kèm giấy tờ còn thiếu (tệp) hoặc ghi chú cho cơ quan.", "Send the missing papers (files) or a note to the office."},
	"procedure_code not_online":     {"Thủ tục này chưa nhận hồ sơ trực tuyến; hãy nộp tại Bộ phận Một cửa.", "This procedure does not take dossiers online yet; hand it in at the one-stop desk."},
	"receiving_office not_offered":  {"Nơi này không tiếp nhận hồ sơ của thủ tục này; hãy chọn nơi khác trong danh sách.", "This desk does not receive this procedure's dossiers; choose another from the list."},
	"documents document_missing":    {"Hãy đính kèm tệp cho giấy tờ bắt buộc “%s”.", "Attach a file for the required document “%s”."},
	"documents[].file too_long":     {"Tên phần tệp quá dài.", "The file part's name is too long."},
}
