package vocabulary

// The words of what can be wrong with a citizen's lookup of a dossier (its code and the
// PIN printed on the receipt) and with their rating of the service.
var lookupProblems = table{
	// The lookup.
	"code required":         {"Hãy nhập mã hồ sơ in trên giấy tiếp nhận.", "Enter the dossier code printed on your receipt."},
	"pin required":          {"Hãy nhập mã tra cứu (PIN) in trên giấy tiếp nhận.", "Enter the PIN printed on your receipt."},
	"wrong_code_or_pin":     {"Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này. Hãy kiểm tra lại cả hai theo giấy tiếp nhận.", "No dossier matches this code and PIN; check both against your receipt."},
	"too_many_lookups":      {"Bạn đã tra cứu sai quá nhiều lần; hãy chờ một lát rồi thử lại.", "Too many failed lookups; wait a little and try again."},
	"too_many_lookups.wait": {"Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau %s.", "Too many failed attempts. Please try again in %s."},

	// The rating.
	"not_returned_yet":               {"Chỉ đánh giá được sau khi đã nhận kết quả; hãy quay lại sau khi nhận kết quả.", "The service can be rated once the result has been returned to you; try again after you receive it."},
	"already_rated":                  {"Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần.", "This dossier has already been rated; each dossier can be rated once."},
	"score required":                 {"Hãy chọn mức độ hài lòng chung, từ 1 đến 5.", "Choose an overall score from 1 to 5."},
	"score out_of_range":             {"Mức độ hài lòng chung là một số nguyên từ 1 đến 5.", "The overall score must be a whole number from 1 to 5."},
	"criteria.on_time out_of_range":  {"Điểm “trả kết quả đúng hẹn” là một số nguyên từ 1 đến 5.", "The criterion \"on_time\" must be a whole number from 1 to 5."},
	"criteria.attitude out_of_range": {"Điểm “thái độ của cán bộ” là một số nguyên từ 1 đến 5.", "The criterion \"attitude\" must be a whole number from 1 to 5."},
	"criteria.guidance out_of_range": {"Điểm “hướng dẫn rõ ràng, đầy đủ” là một số nguyên từ 1 đến 5.", "The criterion \"guidance\" must be a whole number from 1 to 5."},
	"criteria.trips out_of_range":    {"Số lần phải đến cơ quan là một số nguyên từ 1 đến %d.", "The number of trips must be a whole number from 1 to %d."},
	"unknown_criterion":              {"Không có tiêu chí này; các tiêu chí là %s và %s.", "Unknown criterion; the criteria are %s and %s."},
	"comment too_long":               {"Góp ý dài %d ký tự; hãy rút gọn còn tối đa %d ký tự.", "The comment is %d characters long; shorten it to at most %d."},
	"invalid_rating":                 {"Đánh giá có giá trị không hợp lệ; hãy chọn lại.", "The rating holds a value that is not allowed; choose again."},

	// The pages' forms.
	"unreadable_form":     {"Biểu mẫu gửi lên không đọc được. Hãy tải lại trang và gửi lại.", "The form could not be read. Reload the page and send it again."},
	"rating_form_expired": {"Phiên biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang rồi gửi đánh giá lại.", "The form has expired or is not valid. Reload the page and send your rating again."},
}
