package vocabulary

// timelineSteps name the steps of a dossier on the citizen's timeline: one per event
// of the dossier, and two for the result on its way back (a transfer that carries the
// result, and its acceptance at the returning desk).
var timelineSteps = table{
	"submitted":            {"Nộp hồ sơ trực tuyến", "Submitted online"},
	"submitted_at_post":    {"Nộp hồ sơ tại bưu điện", "Handed in at a post office"},
	"papers_delivered":     {"Bưu điện đã chuyển hồ sơ đến bộ phận một cửa, chờ kiểm tra", "Delivered at the desk by the post, awaiting its check"},
	"admitted":             {"Bộ phận một cửa đã kiểm tra và tiếp nhận hồ sơ", "Checked and received at the desk"},
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
	"result_downloaded":    {"Công dân đã tải về kết quả điện tử", "Electronic result downloaded by the applicant"},
	"result_back":          {"Không phát được, kết quả chờ nhận tại bộ phận một cửa", "Undelivered; result waiting at the desk"},
	"refused":              {"Từ chối giải quyết", "Refused"},
	"stopped":              {"Dừng xử lý hồ sơ", "Processing stopped"},
	"withdrawn":            {"Công dân rút hồ sơ", "Dossier withdrawn"},
	"payment_requested":    {"Yêu cầu nộp phí, lệ phí", "Fee payment requested"},
	"payment_recorded":     {"Đã nộp phí, lệ phí", "Fee paid"},
}

// TimelineStep names a step of a dossier on the citizen's timeline (the type the
// lookup's timeline gives it: received, transferred, result_back, …).
func TimelineStep(step string) Words { return timelineSteps.lookup(step) }

// finishes say how a finished dossier stood against its appointment on the citizen's
// lookup, as the national portal says it.
var finishes = table{
	"early":   {"Hoàn thành trước hạn", "Finished early"},
	"on_time": {"Hoàn thành đúng hạn", "Finished on time"},
	"late":    {"Hoàn thành trễ hạn", "Finished late"},
}

// CitizenTiming says to a citizen how their dossier stands against its appointment:
// a finished one in the national portal's words, an open one as Timing says it; ""
// for none (a withdrawn dossier is not judged).
func CitizenTiming(timing string) Words {
	if w, ok := finishes[timing]; ok {
		return w
	}
	return Timing(timing)
}
