package web

import (
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// texts are the pages' words, Vietnamese first. The words for statuses, steps, legs,
// timings and problems are the catalogue's (proto/vocabulary), the same as the API's.
var texts = htmlpage.Dictionary{
	"site":         {"Tra cứu hồ sơ thủ tục hành chính", "Track an administrative dossier"},
	"site.short":   {"Một cửa", "One-stop desk"},
	"intro":        {"Nhập mã hồ sơ và mã tra cứu (PIN) in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả, hoặc quét mã QR trên giấy đó.", "Enter the dossier code and the lookup PIN printed on your receipt, or scan the receipt's QR code."},
	"form.title":   {"Tra cứu", "Look up"},
	"code":         {"Mã hồ sơ", "Dossier code"},
	"code.hint":    {"Ví dụ: 000.00.16.H19-260310-0001", "For example: 000.00.16.H19-260310-0001"},
	"pin":          {"Mã tra cứu (PIN)", "Lookup PIN"},
	"pin.hint":     {"10 ký tự, in trên giấy tiếp nhận", "10 characters, printed on your receipt"},
	"submit":       {"Tra cứu", "Look up"},
	"dossier":      {"Hồ sơ", "Dossier"},
	"procedure":    {"Thủ tục", "Procedure"},
	"applicant":    {"Người nộp", "Applicant"},
	"status":       {"Trạng thái", "Status"},
	"office":       {"Nơi đang giữ hồ sơ", "Where the dossier is"},
	"pending":      {"Đang được chuyển đến", "On its way to"},
	"submitted":    {"Ngày nộp trực tuyến", "Submitted online"},
	"handed.in":    {"Ngày nộp tại bưu điện", "Handed in at the post office"},
	"received":     {"Ngày tiếp nhận", "Received"},
	"due":          {"Ngày hẹn trả kết quả", "Appointment for the result"},
	"awaits.check": {"Hồ sơ đã được nộp trực tuyến và đang chờ Bộ phận Một cửa kiểm tra. Khi hồ sơ được tiếp nhận, bạn sẽ nhận được giấy tiếp nhận và ngày hẹn trả kết quả; thời hạn giải quyết được tính từ khi tiếp nhận.", "Your dossier was submitted online and awaits checking by the one-stop desk. Once it is received, you will get the receipt and the appointment for the result; the time limit runs from then."},
	"awaits.post":  {"Hồ sơ đã được nộp tại %s; bưu điện chuyển hồ sơ đến Bộ phận Một cửa để kiểm tra. Khi hồ sơ được tiếp nhận, bạn sẽ nhận được giấy tiếp nhận và ngày hẹn trả kết quả; thời hạn giải quyết được tính từ khi bưu điện giao hồ sơ cho Bộ phận Một cửa.", "Your dossier was handed in at %s; the post takes it to the one-stop desk to be checked. Once it is received, you will get the receipt and the appointment for the result; the time limit runs from when the post delivered it to the desk."},
	"collect":      {"Nhận kết quả tại", "Collect the result at"},
	"remaining":    {"Thời gian còn lại", "Time left"},
	"hours.left":   {"Còn %s giờ làm việc", "%s working hours left"},
	"hours.over":   {"Quá hạn %s giờ làm việc", "%s working hours overdue"},
	"timing":       {"Tiến độ", "Progress"},
	"timeline":     {"Quá trình xử lý", "Timeline"},

	// Who has held the dossier, in turn.
	"held.title": {"Hồ sơ của bạn đã qua những tay nào", "Who has held your dossier"},
	"held.intro": {"Nơi đã giữ hồ sơ hoặc kết quả của bạn, theo thứ tự thời gian.", "Where your dossier or its result has been, in order of time."},
	"held.since": {"Từ", "From"},
	"held.until": {"đến", "until"},
	"held.now":   {"đến nay", "until now"},

	// The electronic result.
	"result.title":    {"Kết quả điện tử", "Electronic result"},
	"result.intro":    {"Kết quả giải quyết hồ sơ đã sẵn sàng để tải về; kết quả điện tử có giá trị như bản giấy. Lần tải đầu tiên được ghi nhận là bạn đã nhận kết quả.", "The result of your dossier is ready to download; an electronic result has the value of the paper one. The first download counts as receiving the result."},
	"result.download": {"Tải kết quả về", "Download the result"},
	"size.kb":         {"%s KB", "%s KB"},
	"size.mb":         {"%s MB", "%s MB"},

	"new.due":      {"Ngày hẹn mới", "New appointment"},
	"items":        {"Giấy tờ cần bổ sung", "Documents to add"},
	"shipments":    {"Gửi qua bưu điện", "By post"},
	"tracking":     {"Số hiệu bưu gửi", "Tracking number"},
	"updated":      {"Cập nhật", "Updated"},
	"rate.title":   {"Đánh giá sự hài lòng", "Rate the service"},
	"rate.intro":   {"Kết quả đã được trả. Hãy cho chúng tôi biết bạn có hài lòng không (mỗi hồ sơ đánh giá một lần).", "The result has been returned. Tell us how satisfied you are (one rating per dossier)."},
	"score":        {"Mức độ hài lòng chung", "Overall satisfaction"},
	"score.1":      {"Rất không hài lòng", "Very dissatisfied"},
	"score.2":      {"Không hài lòng", "Dissatisfied"},
	"score.3":      {"Bình thường", "Neutral"},
	"score.4":      {"Hài lòng", "Satisfied"},
	"score.5":      {"Rất hài lòng", "Very satisfied"},
	"on_time":      {"Trả kết quả đúng hẹn", "Result on time"},
	"attitude":     {"Thái độ của cán bộ", "Staff attitude"},
	"guidance":     {"Hướng dẫn rõ ràng, đầy đủ", "Clear, complete guidance"},
	"optional":     {"(không bắt buộc, 1 = kém, 5 = rất tốt)", "(optional, 1 = poor, 5 = very good)"},
	"trips":        {"Số lần phải đến cơ quan", "Times you had to come in"},
	"comment":      {"Góp ý", "Comment"},
	"comment.hint": {"Không bắt buộc, tối đa 1000 ký tự", "Optional, at most 1000 characters"},
	"rate.submit":  {"Gửi đánh giá", "Send the rating"},
	"rate.thanks":  {"Cảm ơn bạn đã đánh giá. Ý kiến của bạn giúp chúng tôi phục vụ tốt hơn.", "Thank you for your rating. It helps us serve you better."},
	"rate.given":   {"Bạn đã đánh giá hồ sơ này. Cảm ơn bạn đã góp ý.", "You have rated this dossier. Thank you for your feedback."},
	"footer":       {"Mã tra cứu là bí mật: đừng chia sẻ đường dẫn có mã này.", "The lookup PIN is secret: do not share a link that contains it."},
	"seconds":      {"%d giây", "%d seconds"},
	"minutes":      {"%d phút", "%d minutes"},

	// The way to the online submission, and the supplement a dossier waits for.
	"online.title":          {"Nộp hồ sơ trực tuyến", "Submit a dossier online"},
	"online.intro":          {"Nộp hồ sơ mà không cần đến Bộ phận Một cửa: tìm thủ tục, xác thực thư điện tử hoặc số điện thoại, rồi đính kèm bản chụp hoặc bản quét giấy tờ.", "Hand a dossier in without coming to the desk: find the procedure, prove your e-mail address or phone number, then attach photos or scans of the papers."},
	"online.link":           {"Nộp hồ sơ trực tuyến", "Submit a dossier online"},
	"supplement.title":      {"Gửi bổ sung hồ sơ", "Send the supplement"},
	"supplement.intro":      {"Cơ quan cần thêm giấy tờ để giải quyết hồ sơ. Hãy gửi bản chụp hoặc bản quét các giấy tờ sau, kèm ghi chú nếu cần:", "The office needs more papers to decide the dossier. Send photos or scans of the papers below, with a note if needed:"},
	"supplement.note":       {"Ghi chú cho cơ quan (không bắt buộc)", "Note to the office (optional)"},
	"supplement.files":      {"Tệp giấy tờ bổ sung", "Files of the papers"},
	"supplement.files.hint": {"Chọn một hoặc nhiều tệp PDF, JPEG hoặc PNG, mỗi tệp tối đa 10 MB. Trên điện thoại, bạn có thể chụp ảnh giấy tờ.", "Choose one or more PDF, JPEG or PNG files, at most 10 MB each. On a phone you can photograph the papers."},
	"supplement.submit":     {"Gửi bổ sung", "Send the supplement"},
	"supplement.sent":       {"Đã gửi bổ sung. Cơ quan sẽ xem xét; trạng thái hồ sơ trên trang này được cập nhật sau ít phút.", "The supplement was sent. The office will look at it; the dossier's status here is updated within a few minutes."},

	// What the citizen was sent about the dossier.
	"notices.title": {"Tin đã gửi cho bạn", "Messages sent to you"},

	// The fee, its receipts, and paying it online.
	"fees.title":         {"Phí, lệ phí", "Fees"},
	"fee.due":            {"Phí, lệ phí phải nộp", "Fee due"},
	"fee.paid":           {"Đã nộp", "Paid"},
	"fee.owed":           {"Còn phải nộp", "Still owed"},
	"receipts":           {"Biên lai", "Receipts"},
	"receipt.number":     {"Số biên lai", "Receipt number"},
	"receipt.amount":     {"Số tiền", "Amount"},
	"receipt.at":         {"Thời gian nộp", "Paid at"},
	"receipt.electronic": {"điện tử", "electronic"},
	"pay.intro":          {"Nộp %s qua cổng thanh toán trực tuyến; sau khi nộp, bạn được đưa về trang này và biên lai điện tử được gửi cho bạn.", "Pay %s through the online payment gateway; once paid, you come back to this page and the electronic receipt is sent to you."},
	"pay.submit":         {"Nộp phí trực tuyến", "Pay the fee online"},
	"pay.desk":           {"Hoặc nộp tại Bộ phận Một cửa khi nhận kết quả.", "Or pay at the desk when you collect the result."},
	"payment.paid":       {"Khoản nộp đang được xác nhận; biên lai hiện ra ở đây khi cổng thanh toán xác nhận.", "The payment is being confirmed; the receipt appears here when the gateway confirms it."},
	"payment.pin":        {"Nhập mã tra cứu (PIN) để xem hồ sơ.", "Enter the lookup PIN to see the dossier."},
	"payment.failed":     {"Chưa nộp được phí: giao dịch đã bị hủy hoặc không thành công. Bạn có thể thử lại, hoặc nộp tại Bộ phận Một cửa khi nhận kết quả.", "The fee was not paid: the payment was cancelled or did not go through. You may try again, or pay at the desk when you collect the result."},
}

// when shows a time as a citizen reads it: 09:05, 10/03/2026 in Vietnamese.
func when(lang vocabulary.Lang, t time.Time) string {
	if lang == vocabulary.English {
		return t.Format("2 Jan 2006, 15:04")
	}
	return t.Format("15:04, 02/01/2006")
}

// wait says how long to wait, rounded up to whole seconds or minutes.
func wait(lang vocabulary.Lang, d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	if secs < 1 {
		secs = 1
	}
	if secs < 120 {
		return texts.T(lang, "seconds", secs)
	}
	return texts.T(lang, "minutes", (secs+59)/60)
}
