package vocabulary

// deliveries name the ways the result goes back to the citizen (a registration's
// result_delivery.method).
var deliveries = table{
	"desk":        {"Nhận tại Bộ phận tiếp nhận và trả kết quả", "At the one-stop desk"},
	"post":        {"Qua dịch vụ bưu chính công ích", "By post"},
	"electronic":  {"Nhận kết quả điện tử, tải về tại trang tra cứu hồ sơ", "Electronically, downloaded from the lookup page"},
	"post_office": {"Nhận kết quả tại bưu cục đã chọn", "Collected at a chosen post office"},
}

// Delivery names the way the result goes back to the citizen (desk, post, electronic).
func Delivery(method string) Words { return deliveries.lookup(method) }
