package vocabulary

// The words of what can be wrong with a dossier a post office takes at its counter or at
// the citizen's door, and with a result to be collected at a post office.
var counterProblems = table{
	"post_office required":                          {"Hãy chọn bưu cục tiếp nhận hồ sơ.", "Give the code of the post office taking the dossier."},
	"post_office too_long":                          {"Mã bưu cục quá dài.", "The post office code is too long."},
	"post_office not_a_post_office":                 {"Đây không phải là bưu cục; hãy chọn bưu cục trong danh sách cơ quan.", "This office is not a post office; pick a post office from the list of offices."},
	"post_office counter_only":                      {"Chỉ nhân viên bưu điện tiếp nhận hồ sơ tại bưu cục mới ghi bưu cục, số niêm phong và cước; bộ phận một cửa để trống các mục này.", "Only a postal worker taking a dossier at a post office gives the post office, the seal and the postage; a desk leaves them out."},
	"channel counter_is_post":                       {"Hồ sơ nhận tại bưu cục có hình thức nộp là bưu chính (post).", "A dossier taken at a post office arrives by post: its channel is post."},
	"pickup_tracking_number not_a_pickup":           {"Số hiệu này không phải yêu cầu thu gom tại nhà đang chờ; hãy kiểm tra số trên phiếu thu gom.", "This number is not a pickup at home waiting to be taken; check the number on the pickup request."},
	"result_delivery.post_office required":          {"Hãy chọn bưu cục công dân sẽ đến nhận kết quả.", "Choose the post office where the citizen will collect the result."},
	"result_delivery.post_office too_long":          {"Mã bưu cục quá dài.", "The post office code is too long."},
	"result_delivery.post_office not_a_post_office": {"Kết quả chỉ nhận được tại một bưu cục; hãy chọn bưu cục trong danh sách cơ quan.", "A result can be collected only at a post office; pick a post office from the list of offices."},
	// A pickup at home asked online.
	"slot invalid_slot":           {"Hãy chọn buổi sáng (morning) hoặc buổi chiều (afternoon).", "Choose the morning or the afternoon."},
	"date required":               {"Hãy chọn ngày bưu điện đến nhận hồ sơ.", "Choose the day for the post to come."},
	"date out_of_range":           {"Hãy chọn một ngày từ hôm nay đến %d ngày tới.", "Choose a day from today to %d days ahead."},
	"receiving_office not_served": {"Chưa có bưu cục nào phục vụ nơi tiếp nhận này; hãy nộp trực tiếp hoặc trực tuyến.", "No post office serves this desk yet; hand the dossier in at the desk or online."},
	"papers_on_the_road":          {"Hồ sơ do bưu điện tiếp nhận đang được chuyển đến; chỉ kiểm tra, tiếp nhận hoặc từ chối được khi bưu điện đã giao hồ sơ tại bộ phận một cửa.", "The post is still bringing this dossier's papers; it can be checked, received or refused once the post has delivered them at the desk."},
}
