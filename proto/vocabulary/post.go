package vocabulary

import "slices"

// The legs of the post (Decision 45/2016/QĐ-TTg) and the words for each step of each:
// the citizen reads which leg a step belongs to, not only what the post did.
//
//   - pickup: the post collects the dossier from the applicant (at home, or at a post
//     office) and brings it to the one-stop desk;
//   - transfer: the post carries the dossier between offices;
//   - delivery: the post delivers the result to the applicant;
//   - return: the post brings an undeliverable result back to the desk.

// legs name the legs of the post (a shipment's kind).
var legs = table{
	"pickup":   {"Bưu điện nhận hồ sơ từ công dân", "Pickup from the applicant"},
	"transfer": {"Bưu điện chuyển hồ sơ giữa các cơ quan", "Transfer between offices"},
	"delivery": {"Bưu điện trả kết quả cho công dân", "Delivery of the result"},
	"return":   {"Bưu điện chuyển hoàn kết quả", "Return of the result to the desk"},
}

// Leg names a leg of the post (a shipment's kind: pickup, transfer, delivery, return).
func Leg(kind string) Words { return legs.lookup(kind) }

// postalSteps name each shipment event by leg, keyed by its step on the citizen's
// timeline (shipment_ and the event's type). A delivery_failed step is followed by its
// reason when there is one (see WithReason).
var postalSteps = map[string]table{
	"pickup": {
		"shipment_created": {"Đã đăng ký gửi hồ sơ qua bưu điện", "Pickup of the dossier by post booked"},
		// accepted at the applicant's address; see pickupAtPostOffice for a post office.
		"shipment_accepted":         {"Bưu điện đã nhận hồ sơ tại nhà", "The post collected the dossier at the applicant's home"},
		"shipment_picked_up":        {"Bưu điện đã lấy hồ sơ, chuyển về bộ phận một cửa", "Dossier taken by the post, on its way to the one-stop desk"},
		"shipment_in_transit":       {"Hồ sơ đang được bưu điện chuyển đến bộ phận một cửa", "Dossier on its way to the one-stop desk"},
		"shipment_arrived":          {"Hồ sơ đã đến bưu cục phát gần bộ phận một cửa", "Dossier at the post office serving the one-stop desk"},
		"shipment_out_for_delivery": {"Bưu điện đang mang hồ sơ đến bộ phận một cửa", "Dossier out for delivery to the one-stop desk"},
		"shipment_delivered":        {"Bưu điện đã giao hồ sơ cho bộ phận một cửa", "Dossier handed to the one-stop desk by the post"},
		"shipment_delivery_failed":  {"Bưu điện giao hồ sơ cho bộ phận một cửa không thành công", "The post could not hand the dossier to the one-stop desk"},
		"shipment_returned":         {"Bưu điện chuyển hoàn hồ sơ cho người gửi", "Dossier sent back to the applicant by the post"},
	},
	"transfer": {
		"shipment_created":          {"Đã gửi hồ sơ qua bưu điện để chuyển giữa các cơ quan", "Dossier sent by post between offices"},
		"shipment_accepted":         {"Bưu điện đã nhận hồ sơ tại cơ quan gửi", "The post took the dossier in at the sending office"},
		"shipment_picked_up":        {"Bưu điện đã lấy hồ sơ tại cơ quan gửi", "Dossier collected from the sending office by the post"},
		"shipment_in_transit":       {"Hồ sơ đang được bưu điện chuyển giữa các cơ quan", "Dossier on its way between offices"},
		"shipment_arrived":          {"Hồ sơ đã đến bưu cục phát gần cơ quan nhận", "Dossier at the post office serving the receiving office"},
		"shipment_out_for_delivery": {"Bưu điện đang mang hồ sơ đến cơ quan nhận", "Dossier out for delivery to the receiving office"},
		"shipment_delivered":        {"Bưu điện đã giao hồ sơ cho cơ quan nhận", "Dossier handed to the receiving office by the post"},
		"shipment_delivery_failed":  {"Bưu điện giao hồ sơ cho cơ quan nhận không thành công", "The post could not hand the dossier to the receiving office"},
		"shipment_returned":         {"Bưu điện chuyển hoàn hồ sơ về cơ quan gửi", "Dossier sent back to the sending office by the post"},
	},
	"delivery": {
		"shipment_created":          {"Đã đăng ký trả kết quả qua bưu điện", "Delivery of the result by post booked"},
		"shipment_accepted":         {"Bưu điện đã nhận kết quả tại bộ phận một cửa", "The post took the result in at the one-stop desk"},
		"shipment_picked_up":        {"Bưu điện đã lấy kết quả tại bộ phận một cửa", "Result collected from the one-stop desk by the post"},
		"shipment_in_transit":       {"Kết quả đang được bưu điện chuyển đến công dân", "Result on its way to the applicant"},
		"shipment_arrived":          {"Kết quả đã đến bưu cục phát", "Result at the delivering post office"},
		"shipment_out_for_delivery": {"Bưu điện đang phát kết quả đến địa chỉ của công dân", "Result out for delivery to the applicant's address"},
		"shipment_delivered":        {"Bưu điện đã phát kết quả, công dân đã ký nhận", "Result delivered by the post and signed for"},
		"shipment_delivery_failed":  {"Bưu điện phát không thành công", "The post could not deliver the result"},
		"shipment_returned":         {"Không phát được kết quả, bưu điện chuyển hoàn về bộ phận một cửa", "Result undeliverable; the post is sending it back to the one-stop desk"},
	},
	"return": {
		"shipment_created":          {"Bưu điện đã lập bưu gửi chuyển hoàn kết quả về bộ phận một cửa", "Return of the result to the one-stop desk booked"},
		"shipment_accepted":         {"Bưu điện đã nhận kết quả để chuyển hoàn", "The post took the result in to bring it back"},
		"shipment_picked_up":        {"Bưu điện đã lấy kết quả để chuyển hoàn", "Result collected by the post to bring it back"},
		"shipment_in_transit":       {"Kết quả đang được chuyển hoàn về bộ phận một cửa", "Result on its way back to the one-stop desk"},
		"shipment_arrived":          {"Kết quả chuyển hoàn đã đến bưu cục gần bộ phận một cửa", "Returned result at the post office serving the one-stop desk"},
		"shipment_out_for_delivery": {"Bưu điện đang mang kết quả về bộ phận một cửa", "Result out for delivery back to the one-stop desk"},
		"shipment_delivered":        {"Bưu điện đã chuyển hoàn kết quả về bộ phận một cửa", "Result brought back to the one-stop desk by the post"},
		"shipment_delivery_failed":  {"Bưu điện chuyển hoàn kết quả về bộ phận một cửa không thành công", "The post could not bring the result back to the one-stop desk"},
		"shipment_returned":         {"Bưu gửi chuyển hoàn bị trả lại", "The returning shipment was itself sent back"},
	},
}

// pickupAtPostOffice names a pickup the post took in at one of its offices rather than
// at the applicant's home.
var pickupAtPostOffice = Words{"Bưu điện đã nhận hồ sơ tại bưu cục", "The post took the dossier in at a post office"}

// anyLeg names the steps of a leg the catalogue does not know (a newer postal may add
// one).
var anyLeg = table{
	"shipment_created":          {"Bưu điện đã nhận yêu cầu gửi", "Shipment booked with the post"},
	"shipment_accepted":         {"Bưu điện đã nhận bưu gửi", "Shipment taken in by the post"},
	"shipment_picked_up":        {"Bưu điện đã lấy bưu gửi", "Shipment collected by the post"},
	"shipment_in_transit":       {"Bưu gửi đang được vận chuyển", "Shipment in transit"},
	"shipment_arrived":          {"Bưu gửi đã đến bưu cục phát", "Shipment at the delivering post office"},
	"shipment_out_for_delivery": {"Bưu gửi đang được phát", "Shipment out for delivery"},
	"shipment_delivered":        {"Bưu gửi đã được phát", "Shipment delivered"},
	"shipment_delivery_failed":  {"Bưu điện phát không thành công", "Delivery failed"},
	"shipment_returned":         {"Bưu gửi đã được chuyển hoàn", "Shipment sent back"},
}

// PostalStep names what the post did on a leg of a dossier's journey, for the
// citizen's timeline: step is the timeline's type of the shipment event
// (shipment_created, shipment_accepted, …), leg the shipment's kind. atAddress says the
// leg starts at the applicant's address: a pickup the post takes in at one of its
// offices is said otherwise. An unknown step reads as itself.
func PostalStep(leg, step string, atAddress bool) Words {
	if leg == "pickup" && step == "shipment_accepted" && !atAddress {
		return pickupAtPostOffice
	}
	steps, ok := postalSteps[leg]
	if !ok {
		steps = anyLeg
	}
	return steps.lookup(step)
}

// failureReasons are the reasons a delivery fails (the UPU's, as postal records them),
// said to follow what failed.
var failureReasons = table{
	"recipient_absent":   {"không có người nhận", "nobody was there to receive it"},
	"address_not_found":  {"không tìm thấy địa chỉ", "the address could not be found"},
	"address_incomplete": {"địa chỉ không đầy đủ", "the address is incomplete"},
	"refused":            {"người nhận từ chối nhận", "the recipient refused it"},
	"moved":              {"người nhận đã chuyển đi nơi khác", "the recipient has moved"},
	"unknown_recipient":  {"không có người nhận như ghi trên bưu gửi", "the recipient is unknown at the address"},
	"not_collected":      {"người nhận không đến nhận sau các lần báo", "not collected after the notices"},
	"office_closed":      {"cơ quan nhận đóng cửa", "the receiving office was closed"},
}

// FailureReason says why a delivery failed, to follow what failed; no words (empty) for
// no reason or one the catalogue does not know.
func FailureReason(code string) Words { return failureReasons[code] }

// WithReason is what failed followed by why (": " and the reason), as far as the
// catalogue knows the reason; what alone otherwise.
func WithReason(what Words, reason string) Words {
	why, ok := failureReasons[reason]
	if !ok {
		return what
	}
	return Join([]Words{what, why}, ": ")
}

// shipmentStatuses name where a shipment stands, whatever its leg (the answer gives the
// leg beside it).
var shipmentStatuses = table{
	"created":          {"Chờ bưu điện nhận", "Waiting for the post"},
	"accepted":         {"Bưu điện đã nhận", "Taken in by the post"},
	"picked_up":        {"Bưu điện đã lấy", "Collected by the post"},
	"in_transit":       {"Đang vận chuyển", "In transit"},
	"arrived":          {"Đã đến bưu cục phát", "At the delivering post office"},
	"out_for_delivery": {"Đang phát", "Out for delivery"},
	"delivered":        {"Đã phát thành công", "Delivered"},
	"delivery_failed":  {"Phát không thành công", "Delivery failed"},
	"returned":         {"Đã chuyển hoàn", "Sent back"},
}

// ShipmentStatus names where a shipment stands (created, accepted, …, delivered,
// delivery_failed, returned).
func ShipmentStatus(status string) Words { return shipmentStatuses.lookup(status) }

// ShipmentStatuses lists every status of a shipment the catalogue names, sorted: the
// steps other systems subscribe to (shipment.<status>) are these.
func ShipmentStatuses() []string {
	out := make([]string, 0, len(shipmentStatuses))
	for s := range shipmentStatuses {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}
