package vocabulary

// The words of the hand-over records (biên bản giao nhận): the post hands an authority
// many items at once, listed by their tracking numbers, and the authority's staff confirm
// the record with a signature. A record is open until the receiving side confirms it.

// handoverStatuses are where a hand-over record stands.
var handoverStatuses = table{
	"open":      {"Chờ bên nhận xác nhận", "Waiting for the receiving side's confirmation"},
	"confirmed": {"Bên nhận đã xác nhận", "Confirmed by the receiving side"},
}

// HandoverStatus names where a hand-over record stands: open or confirmed.
func HandoverStatus(status string) Words { return handoverStatuses.lookup(status) }

// HandoverToCitizen names where a delivery to the citizen goes, in a problem that says
// an item is not for the office a record hands it to.
var HandoverToCitizen = Words{"địa chỉ của công dân", "the citizen's address"}

// handoverProblems are what can be wrong with a hand-over record drawn up, confirmed or
// asked for, and with a post office's cash statement. The items of a record are named by
// their place in the list (from 1) and the number as sent.
var handoverProblems = table{
	// A record the post draws up.
	"to_office unknown_office":                    {"Bưu điện không biết cơ quan này; hãy chọn cơ quan trong danh sách.", "The post knows no office with this code; pick one from the list."},
	"to_office not_an_authority":                  {"Biên bản giao nhận là để giao bưu gửi cho cơ quan nhận (bộ phận một cửa, cơ quan giải quyết); giữa các bưu cục, bưu gửi đi theo các bước vận chuyển của nó.", "A hand-over record hands items to the authority they are for (a desk, an office); between post offices, items move by their own steps."},
	"not_your_post_office":                        {"Bạn không làm việc tại bưu cục này: biên bản do bưu cục đang giữ bưu gửi lập.", "You do not work at this post office: the post office that holds the items draws the record up."},
	"tracking_numbers required":                   {"Hãy nhập hoặc quét số hiệu các bưu gửi cần giao.", "Type or scan the tracking numbers of the items to hand over."},
	"tracking_numbers too_many":                   {"Một biên bản có tối đa %d bưu gửi; hãy chia thành nhiều biên bản.", "A record lists at most %d items; split them over several records."},
	"tracking_numbers[] invalid_tracking_number":  {"Số hiệu thứ %d (%s) không đúng: %s.", "Item %d (%s) is not a valid tracking number: %s."},
	"tracking_numbers[] duplicate":                {"Số hiệu thứ %d (%s) đã có ở vị trí thứ %d; mỗi bưu gửi chỉ ghi một lần.", "Item %d (%s) is listed already as item %d; list each item once."},
	"tracking_numbers[] unknown_shipment":         {"Bưu cục của bạn không có bưu gửi thứ %d (%s); hãy kiểm tra lại số hiệu.", "Your post office carries no item %d (%s); check the number."},
	"tracking_numbers[] not_for_office":           {"Bưu gửi thứ %d (%s) không gửi đến %s mà đến %s.", "Item %d (%s) is not for %s but for %s."},
	"tracking_numbers[] not_deliverable":          {"Bưu gửi thứ %d (%s) đang ở bước “%s”, chưa giao được cho cơ quan nhận.", "Item %d (%s) is “%s”: it cannot be handed over now."},
	"tracking_numbers[] not_deliverable.created":  {"Bưu gửi thứ %d (%s) chưa được bưu điện nhận (đang ở bước “%s”); chỉ giao được bưu gửi bưu điện đang giữ.", "Item %d (%s) has not been taken in by the post (it is “%s”); only items the post holds can be handed over."},
	"tracking_numbers[] not_deliverable.accepted": {"Bưu gửi thứ %d (%s) mới được nhận gửi (đang ở bước “%s”); hãy ghi nhận bưu gửi đã được lấy đi hoặc đang vận chuyển trước khi giao.", "Item %d (%s) has only been taken in (it is “%s”); record it picked up or on its way before handing it over."},

	// The receiving side's confirmation.
	"handover_not_found":             {"Không có biên bản giao nhận này.", "There is no such hand-over record."},
	"handover_not_receiver":          {"Chỉ cán bộ của %s (bên nhận) mới xác nhận được biên bản này.", "Only the staff of %s, the receiving side, can confirm this record."},
	"handover_item_gone":             {"Bưu gửi %s không còn giao được (đang ở bước “%s”), nên không xác nhận được biên bản này; bên giao cần lập biên bản mới không có bưu gửi đó.", "Item %s cannot be handed over any more (it is “%s”), so this record cannot be confirmed; the giving side must draw up a new one without it."},
	"signature_png required":         {"Mời cán bộ bên nhận ký vào khung trước khi xác nhận.", "Capture the receiving officer's signature (a PNG image) first."},
	"signature_png not_png":          {"Chữ ký phải là ảnh PNG; hãy ký lại.", "The signature must be a PNG image."},
	"signature_png not_png.unread":   {"Chữ ký không đọc được; hãy ký lại.", "The signature is not a readable PNG image; capture it again."},
	"signature_png not_png.too_wide": {"Ảnh chữ ký tối đa %d × %d điểm ảnh; hãy ký lại.", "The signature image must be at most %d by %d pixels."},
	"signature_png too_large":        {"Ảnh chữ ký quá lớn (hơn %d KiB); hãy ký lại.", "The signature image is larger than %d KiB; capture it again at a lower resolution."},

	// A post office's cash statement.
	"format invalid_format.csv": {"Định dạng là json (mặc định) hoặc csv.", "The format is json (the default) or csv."},

	// A delivered step's proof.
	"proof record_proof": {"Bằng chứng giao của một biên bản giao nhận chỉ gồm người nhận (cán bộ cơ quan) và biên bản.", "The proof of an item handed over with a record names the receiving officer and the record alone."},
}

// The hand-over records' problems join the catalogue's (problems.go lists the tables
// of the other parts).
func init() { problems = merged(problems, handoverProblems) }
