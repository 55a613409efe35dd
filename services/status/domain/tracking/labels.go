// Package tracking holds what a citizen is told about a dossier: the words for each
// status and step, in Vietnamese and English, and whether it is on time. No I/O.
package tracking

import "slices"

// Lang is the language of an answer.
type Lang string

// The languages of the product: Vietnamese first, English alongside.
const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)

type label struct{ vi, en string }

// statusLabels are intake's words for its statuses (domain/dossier/status.go): the
// citizen reads the same words on the receipt, at the desk and here.
var statusLabels = map[string]label{
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

// Statuses lists every status status knows, for checking a filter.
func Statuses() []string {
	out := make([]string, 0, len(statusLabels))
	for s := range statusLabels {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// KnownStatus reports whether s is one of Statuses.
func KnownStatus(s string) bool { _, ok := statusLabels[s]; return ok }

// stepLabels name the steps of a timeline: one per event kind, and two for the result
// on its way back (a transfer that carries the result, and its acceptance).
var stepLabels = map[string]label{
	"received":             {"Tiếp nhận hồ sơ", "Dossier received"},
	"transferred":          {"Chuyển hồ sơ đến cơ quan giải quyết", "Dossier sent on for processing"},
	"accepted":             {"Cơ quan giải quyết đã nhận hồ sơ", "Dossier accepted for processing"},
	"supplement_requested": {"Yêu cầu bổ sung hồ sơ", "Supplement requested"},
	"supplemented":         {"Đã bổ sung hồ sơ", "Supplement provided"},
	"extended":             {"Xin lỗi và hẹn lại ngày trả kết quả", "Apology and new appointment"},
	"completed":            {"Đã giải quyết xong, có kết quả", "Decision made, result ready"},
	"result_transferred":   {"Chuyển kết quả về nơi trả", "Result sent to the returning desk"},
	"result_accepted":      {"Nơi trả đã nhận kết quả", "Result arrived at the returning desk"},
	"returned":             {"Đã trả kết quả cho công dân", "Result handed to the applicant"},
	"arrived":              {"Bưu điện đã chuyển hồ sơ đến, chờ tiếp nhận", "Delivered by post, awaiting acceptance"},
	"result_delivered":     {"Bưu điện đã phát kết quả cho công dân", "Result delivered by post"},
	"result_back":          {"Không phát được, kết quả chờ nhận tại bộ phận một cửa", "Undelivered; result waiting at the desk"},
	"refused":              {"Từ chối giải quyết", "Refused"},
	"stopped":              {"Dừng xử lý hồ sơ", "Processing stopped"},
	"withdrawn":            {"Công dân rút hồ sơ", "Dossier withdrawn"},
	"payment_requested":    {"Yêu cầu nộp phí, lệ phí", "Fee payment requested"},
	"payment_recorded":     {"Đã nộp phí, lệ phí", "Fee paid"},
}

func pick(l label, ok bool, fallback string, lang Lang) string {
	switch {
	case !ok:
		return fallback
	case lang == English:
		return l.en
	default:
		return l.vi
	}
}

// StatusLabel names a status for a citizen.
func StatusLabel(status string, lang Lang) string {
	l, ok := statusLabels[status]
	return pick(l, ok, status, lang)
}

// StepLabel names a timeline step for a citizen.
func StepLabel(step string, lang Lang) string {
	l, ok := stepLabels[step]
	return pick(l, ok, step, lang)
}

// timingLabels say in words how a dossier stands against its appointment (the national
// portal's words).
var timingLabels = map[Timing]label{
	Early:          {"Hoàn thành trước hạn", "Finished early"},
	OnTime:         {"Hoàn thành đúng hạn", "Finished on time"},
	Late:           {"Hoàn thành trễ hạn", "Finished late"},
	WithinDeadline: {"Đang trong hạn", "Within the deadline"},
	Overdue:        {"Đã quá hạn", "Overdue"},
}

// TimingLabel says a timing in words; "" for none (a withdrawn dossier).
func TimingLabel(t Timing, lang Lang) string {
	l, ok := timingLabels[t]
	return pick(l, ok, string(t), lang)
}

// legNames name the legs of the post.
var legNames = map[string]label{
	"pickup":   {"Bưu điện nhận hồ sơ từ công dân", "Pickup from the applicant"},
	"transfer": {"Bưu điện chuyển hồ sơ giữa các cơ quan", "Transfer between offices"},
	"delivery": {"Bưu điện trả kết quả cho công dân", "Delivery of the result"},
	"return":   {"Bưu điện chuyển hoàn kết quả", "Return of the result to the desk"},
}

// LegLabel names a postal leg (a shipment's kind) for a citizen.
func LegLabel(kind string, lang Lang) string {
	l, ok := legNames[kind]
	return pick(l, ok, kind, lang)
}
