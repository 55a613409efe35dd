package dashboard

import (
	"strconv"
	"strings"

	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// texts are the dashboard's words, Vietnamese first: the words every staff page says
// alike (htmlpage.StaffWords) with its own.
var texts = htmlpage.StaffWords.With(htmlpage.Dictionary{
	"site":          {"Giám sát giải quyết thủ tục hành chính", "Supervision of administrative procedures"},
	"site.short":    {"Một cửa · Giám sát", "One-stop desk · Supervision"},
	"signed.in.as":  {"%s (%s)", "%s (%s)"},
	"fix.errors":    {"Hãy sửa các ô được đánh dấu rồi bấm “Xem”.", "Correct the marked fields, then press “Show”."},
	"filter.title":  {"Kỳ báo cáo và phạm vi", "Period and scope"},
	"from":          {"Từ ngày", "From"},
	"to":            {"Đến ngày", "To"},
	"office":        {"Cơ quan", "Office"},
	"procedure":     {"Thủ tục", "Procedure"},
	"all.offices":   {"Tất cả cơ quan của bạn", "All your offices"},
	"all.proc":      {"Tất cả thủ tục", "All procedures"},
	"apply":         {"Xem", "Show"},
	"quick":         {"Chọn nhanh", "Quick choice"},
	"q.month":       {"Tháng này", "This month"},
	"q.last":        {"Tháng trước", "Last month"},
	"q.quarter":     {"Quý này", "This quarter"},
	"q.year":        {"Năm nay", "This year"},
	"period":        {"Hồ sơ tiếp nhận từ %s đến %s (%d ngày)", "Dossiers received from %s to %s (%d days)"},
	"ind.title":     {"Chỉ số đánh giá (Quyết định 766/QĐ-TTg)", "Indicators (Decision 766/QĐ-TTg)"},
	"received":      {"Hồ sơ tiếp nhận", "Dossiers received"},
	"on.time.rate":  {"Tỷ lệ đúng hạn", "On-time rate"},
	"satisfaction":  {"Mức độ hài lòng", "Satisfaction"},
	"online.share":  {"Tỷ lệ hồ sơ trực tuyến", "Online share"},
	"avg.hours":     {"Thời gian xử lý trung bình", "Average processing time"},
	"target":        {"Mục tiêu ≥ %s %%", "Target ≥ %s %%"},
	"met":           {"Đạt", "Met"},
	"not.met":       {"Chưa đạt", "Not met"},
	"no.data":       {"Chưa có số liệu", "No data"},
	"hours":         {"%s giờ", "%s h"},
	"working.hours": {"giờ làm việc", "working hours"},
	"on.time.note":  {"(trước hạn + đúng hạn + đang trong hạn) / hồ sơ tính điểm (trừ hồ sơ đã rút)", "(early + on time + within deadline) / scored dossiers (all but the withdrawn)"},
	"satisf.note":   {"100 % − tỷ lệ trễ hạn − tỷ lệ đánh giá không hài lòng", "100 % − late % − dislike %"},
	"ratings":       {"%d lượt đánh giá, %d không hài lòng", "%d ratings, %d dislikes"},
	"finished":      {"Đã giải quyết", "Finished"},
	"withdrawn":     {"Công dân rút hồ sơ", "Withdrawn"},
	"late.finished": {"Đã giải quyết trễ hạn", "Finished late"},
	"late.open":     {"Đang quá hạn", "Open and overdue"},
	"trend.week":    {"Tỷ lệ đúng hạn theo tuần", "On-time rate by week"},
	"trend.month":   {"Tỷ lệ đúng hạn theo tháng", "On-time rate by month"},
	"trend.desc":    {"Mỗi điểm là tỷ lệ đúng hạn của hồ sơ tiếp nhận trong khoảng đó; khoảng không có hồ sơ thì không có điểm.", "Each point is the on-time rate of the dossiers received in that part of the period; a part without dossiers has no point."},
	"dates":         {"Khoảng thời gian", "Dates"},
	"scored":        {"Hồ sơ tính điểm", "Scored"},
	"on.time.count": {"Đúng hạn", "On time"},
	"rate":          {"Tỷ lệ", "Rate"},
	"mix.title":     {"Cơ cấu kênh tiếp nhận", "Channel mix"},
	"mix.desc":      {"Số hồ sơ tiếp nhận theo từng kênh: trực tiếp %d, trực tuyến %d, qua bưu chính %d.", "Dossiers received by channel: in person %d, online %d, by post %d."},
	"ch.desk":       {"Trực tiếp", "In person"},
	"ch.online":     {"Trực tuyến", "Online"},
	"ch.post":       {"Qua bưu chính công ích", "By public post"},
	"channel":       {"Kênh", "Channel"},
	"count":         {"Số hồ sơ", "Dossiers"},
	"share":         {"Tỷ lệ", "Share"},
	"late.title":    {"Hồ sơ trễ hạn theo cơ quan giải quyết", "Late dossiers per handling office"},
	"late.desc":     {"Mỗi thanh là số hồ sơ đã giải quyết trễ hạn và đang quá hạn của một cơ quan.", "Each bar is an office's dossiers finished late and open past their appointment."},
	"late.none":     {"Không có hồ sơ nào trong kỳ.", "No dossier in the period."},
	"late.more":     {"Còn %d cơ quan khác, xem trong bảng.", "%d more offices are in the table."},
	"total":         {"Tổng", "Total"},
	"as.table":      {"Xem dạng bảng", "Show as a table"},
	"proc.title":    {"Theo thủ tục", "Per procedure"},
	"late.count":    {"Trễ hạn", "Late"},
	"overdue.title": {"Hồ sơ đang quá hạn", "Overdue dossiers"},
	"overdue.intro": {"Hồ sơ chưa giải quyết xong đã quá ngày hẹn trả, tính đến %s, dù tiếp nhận trong kỳ nào; hồ sơ quá hạn lâu nhất ở trên.", "Dossiers not finished and past their appointment at %s, whenever they were received; the latest first."},
	"overdue.none":  {"Không có hồ sơ nào đang quá hạn.", "No dossier is overdue."},
	"overdue.more":  {"Hiển thị %d trên %d hồ sơ; tải tệp CSV để xem đủ.", "Showing %d of %d dossiers; download the CSV for all of them."},
	"code":          {"Mã hồ sơ", "Dossier code"},
	"held.by":       {"Nơi đang giữ", "Held by"},
	"due":           {"Ngày hẹn trả", "Appointment"},
	"over.hours":    {"Quá hạn (giờ làm việc)", "Overdue (working hours)"},
	"status":        {"Trạng thái", "Status"},
	"paused":        {"chờ bổ sung", "awaiting a supplement"},
	"csv.title":     {"Tải số liệu", "Download"},
	"csv.ind":       {"Chỉ số của kỳ (CSV)", "The period's indicators (CSV)"},
	"csv.overdue":   {"Danh sách hồ sơ quá hạn (CSV)", "The overdue dossiers (CSV)"},
	"csv.note":      {"Tệp CSV mã hóa UTF-8, mở được bằng Excel.", "UTF-8 CSV files that Excel opens."},
})

// text is the dashboard's words for key in lang.
func text(lang htmlpage.Lang, key string, args ...any) string {
	return texts.T(lang, key, args...)
}

// decimal writes x with one decimal, a decimal comma in Vietnamese.
func decimal(lang htmlpage.Lang, x float64) string {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	if lang == htmlpage.Vietnamese {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
