package vocabulary

// The words of what can be wrong with a staff list of dossiers, a request for the
// statistics and the filter of the supervisors' dashboard.
var figuresProblems = table{
	// Staff lists.
	"list_not_your_office":    {"Bạn chỉ xem được hồ sơ của các cơ quan mình; bỏ chọn cơ quan để xem tất cả.", "You can list only the dossiers of your own offices; leave out office to see all of them."},
	"unknown_status":          {"Không có trạng thái này; các trạng thái là: %s.", "Unknown status; use one of: %s."},
	"due_before invalid_time": {"due_before phải là thời điểm theo RFC 3339 (2026-03-10T17:00:00+07:00) hoặc một ngày (2026-03-10).", "due_before must be a time in RFC 3339 (2026-03-10T17:00:00+07:00) or a date (2026-03-10)."},
	"late invalid_boolean":    {"late phải là true hoặc false.", "late must be true or false."},
	"at_risk invalid_boolean": {"at_risk phải là true hoặc false.", "at_risk must be true or false."},
	"at_risk not_with_late":   {"Không thể lọc cùng lúc at_risk và late: hồ sơ đã quá hạn là trễ hạn, không còn là sắp đến hạn.", "at_risk and late cannot be asked together: an overdue dossier is late, no longer at risk."},
	"limit out_of_range":      {"limit phải là số nguyên từ 1 đến %d.", "limit must be a whole number from 1 to %d."},

	// The statistics and the dashboard: who may see them, and over which period.
	"no_offices":             {"Tài khoản của bạn chưa được gán cơ quan nào nên chưa có số liệu để xem. Hãy liên hệ quản trị viên.", "Your account belongs to no office, so it has no figures to see; ask an administrator to add your offices."},
	"not_a_supervisor":       {"Trang giám sát chỉ dành cho cán bộ giám sát. Tài khoản của bạn (vai trò %s) không được xem trang này.", "The dashboard is for supervisors. Your account (role %s) may not see it."},
	"figures_unavailable":    {"Hệ thống đang bận, chưa lấy được số liệu. Vui lòng thử lại sau ít phút.", "The service is busy and could not read the figures. Please try again in a few minutes."},
	"format unknown_format":  {"Định dạng là json hoặc csv.", "format must be json or csv."},
	"from required":          {"Hãy nhập ngày bắt đầu, hoặc để trống cả hai ngày để xem tháng này.", "Give both from and to (YYYY-MM-DD), or neither for the current month."},
	"to required":            {"Hãy nhập ngày kết thúc, hoặc để trống cả hai ngày để xem tháng này.", "Give both from and to (YYYY-MM-DD), or neither for the current month."},
	"from invalid_date":      {"Ngày bắt đầu (from) phải là một ngày có thật, viết theo dạng năm-tháng-ngày (YYYY-MM-DD).", "from must be an existing date written YYYY-MM-DD."},
	"to invalid_date":        {"Ngày kết thúc (to) phải là một ngày có thật, viết theo dạng năm-tháng-ngày (YYYY-MM-DD).", "to must be an existing date written YYYY-MM-DD."},
	"not_a_date":             {"Ngày “%s” không hợp lệ: hãy nhập một ngày có thật theo dạng năm-tháng-ngày, ví dụ 2026-03-31.", "“%s” is not a valid date: enter a day that exists, written year-month-day, e.g. 2026-03-31."},
	"from from_after_to":     {"Ngày bắt đầu (from) phải trước hoặc trùng ngày kết thúc (to).", "from must be on or before to."},
	"to before_from":         {"Ngày kết thúc (%s) đang trước ngày bắt đầu (%s); hãy chọn ngày kết thúc từ ngày bắt đầu trở đi.", "The last day (%s) is before the first (%s); choose a last day on or after the first."},
	"to period_too_long":     {"Kỳ báo cáo dài %d ngày; hãy chọn kỳ tối đa %d ngày.", "The period covers %d days; ask for at most %d at a time."},
	"office invalid_code":    {"Giá trị này không hợp lệ: mã cơ quan có tối đa 64 ký tự.", "office must be a code of at most 64 characters."},
	"procedure invalid_code": {"Giá trị này không hợp lệ: mã thủ tục có tối đa 64 ký tự.", "procedure must be a code of at most 64 characters."},
	"office not_supervised":  {"Cơ quan “%s” không thuộc phạm vi giám sát của bạn; hãy chọn trong danh sách.", "The office “%s” is not one you supervise; choose from the list."},
	"procedure no_dossiers":  {"Không có hồ sơ nào của thủ tục mã “%s”; hãy chọn trong danh sách.", "No dossier has the procedure coded “%s”; choose from the list."},
}
