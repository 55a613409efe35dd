package vocabulary

import "slices"

// statuses name a dossier's statuses (intake's domain/dossier), as every page, print,
// answer and message says them.
var statuses = table{
	"submitted":            {"Mới đăng ký, chờ tiếp nhận", "Submitted, awaiting checking"},
	"received":             {"Đã tiếp nhận", "Received"},
	"in_transit":           {"Đang chuyển hồ sơ", "Being transferred"},
	"processing":           {"Đang xử lý", "Processing"},
	"supplement_requested": {"Chờ bổ sung hồ sơ", "Supplement requested"},
	"payment_requested":    {"Chờ nộp phí, lệ phí", "Payment requested"},
	"processed":            {"Đã có kết quả", "Result ready"},
	"result_in_transit":    {"Đang chuyển kết quả", "Result being transferred"},
	"returned":             {"Đã trả kết quả", "Result returned"},
	"refused":              {"Không tiếp nhận, từ chối giải quyết", "Refused"},
	"stopped":              {"Dừng xử lý", "Processing stopped"},
	"withdrawn":            {"Công dân đã rút hồ sơ", "Withdrawn"},
}

// Status names a dossier's status.
func Status(status string) Words { return statuses.lookup(status) }

// KnownStatus reports whether status is one the catalogue names.
func KnownStatus(status string) bool { return statuses.has(status) }

// Statuses lists every status the catalogue names, sorted, for checking a filter.
func Statuses() []string {
	out := make([]string, 0, len(statuses))
	for s := range statuses {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}
