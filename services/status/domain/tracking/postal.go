package tracking

// The legs of the post (Decision 45/2016/QĐ-TTg) and the words for each step of each:
// the citizen reads which leg a step belongs to, not only what the post did.
//
//   - pickup: the post collects the dossier from the applicant (at home, or at a post
//     office) and brings it to the one-stop desk;
//   - transfer: the post carries the dossier between offices;
//   - delivery: the post delivers the result to the applicant;
//   - return: the post brings an undeliverable result back to the desk.

// PostalStepTypes are the timeline types of shipment events, in the order a leg goes
// through them: shipment_<the event's type>.
var PostalStepTypes = []string{"shipment_created", "shipment_accepted", "shipment_picked_up", "shipment_in_transit",
	"shipment_arrived", "shipment_out_for_delivery", "shipment_delivered", "shipment_delivery_failed",
	"shipment_returned"}

// PostalStepType is the timeline type of a shipment event of type t (created, accepted,
// …): prefixed, so that it cannot be taken for a dossier's step of the same name (the
// dossier's own arrived and returned mean something else).
func PostalStepType(t string) string { return "shipment_" + t }

type legLabels map[string]label

// postalSteps name each shipment event by leg. delivery_failed labels are followed by
// ": " and the reason, when there is one.
var postalSteps = map[string]legLabels{
	"pickup": {
		"created": {"Đã đăng ký gửi hồ sơ qua bưu điện", "Pickup of the dossier by post booked"},
		// accepted at the applicant's address; see pickupAtOffice for a post office.
		"accepted":         {"Bưu điện đã nhận hồ sơ tại nhà", "The post collected the dossier at the applicant's home"},
		"picked_up":        {"Bưu điện đã lấy hồ sơ, chuyển về bộ phận một cửa", "Dossier taken by the post, on its way to the one-stop desk"},
		"in_transit":       {"Hồ sơ đang được bưu điện chuyển đến bộ phận một cửa", "Dossier on its way to the one-stop desk"},
		"arrived":          {"Hồ sơ đã đến bưu cục phát gần bộ phận một cửa", "Dossier at the post office serving the one-stop desk"},
		"out_for_delivery": {"Bưu điện đang mang hồ sơ đến bộ phận một cửa", "Dossier out for delivery to the one-stop desk"},
		"delivered":        {"Bưu điện đã giao hồ sơ cho bộ phận một cửa", "Dossier handed to the one-stop desk by the post"},
		"delivery_failed":  {"Bưu điện giao hồ sơ cho bộ phận một cửa không thành công", "The post could not hand the dossier to the one-stop desk"},
		"returned":         {"Bưu điện chuyển hoàn hồ sơ cho người gửi", "Dossier sent back to the applicant by the post"},
	},
	"transfer": {
		"created":          {"Đã gửi hồ sơ qua bưu điện để chuyển giữa các cơ quan", "Dossier sent by post between offices"},
		"accepted":         {"Bưu điện đã nhận hồ sơ tại cơ quan gửi", "The post took the dossier in at the sending office"},
		"picked_up":        {"Bưu điện đã lấy hồ sơ tại cơ quan gửi", "Dossier collected from the sending office by the post"},
		"in_transit":       {"Hồ sơ đang được bưu điện chuyển giữa các cơ quan", "Dossier on its way between offices"},
		"arrived":          {"Hồ sơ đã đến bưu cục phát gần cơ quan nhận", "Dossier at the post office serving the receiving office"},
		"out_for_delivery": {"Bưu điện đang mang hồ sơ đến cơ quan nhận", "Dossier out for delivery to the receiving office"},
		"delivered":        {"Bưu điện đã giao hồ sơ cho cơ quan nhận", "Dossier handed to the receiving office by the post"},
		"delivery_failed":  {"Bưu điện giao hồ sơ cho cơ quan nhận không thành công", "The post could not hand the dossier to the receiving office"},
		"returned":         {"Bưu điện chuyển hoàn hồ sơ về cơ quan gửi", "Dossier sent back to the sending office by the post"},
	},
	"delivery": {
		"created":          {"Đã đăng ký trả kết quả qua bưu điện", "Delivery of the result by post booked"},
		"accepted":         {"Bưu điện đã nhận kết quả tại bộ phận một cửa", "The post took the result in at the one-stop desk"},
		"picked_up":        {"Bưu điện đã lấy kết quả tại bộ phận một cửa", "Result collected from the one-stop desk by the post"},
		"in_transit":       {"Kết quả đang được bưu điện chuyển đến công dân", "Result on its way to the applicant"},
		"arrived":          {"Kết quả đã đến bưu cục phát", "Result at the delivering post office"},
		"out_for_delivery": {"Bưu điện đang phát kết quả đến địa chỉ của công dân", "Result out for delivery to the applicant's address"},
		"delivered":        {"Bưu điện đã phát kết quả, công dân đã ký nhận", "Result delivered by the post and signed for"},
		"delivery_failed":  {"Bưu điện phát không thành công", "The post could not deliver the result"},
		"returned":         {"Không phát được kết quả, bưu điện chuyển hoàn về bộ phận một cửa", "Result undeliverable; the post is sending it back to the one-stop desk"},
	},
	"return": {
		"created":          {"Bưu điện đã lập bưu gửi chuyển hoàn kết quả về bộ phận một cửa", "Return of the result to the one-stop desk booked"},
		"accepted":         {"Bưu điện đã nhận kết quả để chuyển hoàn", "The post took the result in to bring it back"},
		"picked_up":        {"Bưu điện đã lấy kết quả để chuyển hoàn", "Result collected by the post to bring it back"},
		"in_transit":       {"Kết quả đang được chuyển hoàn về bộ phận một cửa", "Result on its way back to the one-stop desk"},
		"arrived":          {"Kết quả chuyển hoàn đã đến bưu cục gần bộ phận một cửa", "Returned result at the post office serving the one-stop desk"},
		"out_for_delivery": {"Bưu điện đang mang kết quả về bộ phận một cửa", "Result out for delivery back to the one-stop desk"},
		"delivered":        {"Bưu điện đã chuyển hoàn kết quả về bộ phận một cửa", "Result brought back to the one-stop desk by the post"},
		"delivery_failed":  {"Bưu điện chuyển hoàn kết quả về bộ phận một cửa không thành công", "The post could not bring the result back to the one-stop desk"},
		"returned":         {"Bưu gửi chuyển hoàn bị trả lại", "The returning shipment was itself sent back"},
	},
}

// pickupAtOffice names a pickup accepted at a post office rather than at home.
var pickupAtOffice = label{"Bưu điện đã nhận hồ sơ tại bưu cục", "The post took the dossier in at a post office"}

// anyLeg names the steps of a leg status does not know (a newer postal may add one).
var anyLeg = legLabels{
	"created":          {"Bưu điện đã nhận yêu cầu gửi", "Shipment booked with the post"},
	"accepted":         {"Bưu điện đã nhận bưu gửi", "Shipment taken in by the post"},
	"picked_up":        {"Bưu điện đã lấy bưu gửi", "Shipment collected by the post"},
	"in_transit":       {"Bưu gửi đang được vận chuyển", "Shipment in transit"},
	"arrived":          {"Bưu gửi đã đến bưu cục phát", "Shipment at the delivering post office"},
	"out_for_delivery": {"Bưu gửi đang được phát", "Shipment out for delivery"},
	"delivered":        {"Bưu gửi đã được phát", "Shipment delivered"},
	"delivery_failed":  {"Bưu điện phát không thành công", "Delivery failed"},
	"returned":         {"Bưu gửi đã được chuyển hoàn", "Shipment sent back"},
}

// failureReasons are the reasons a delivery fails (the UPU's, as postal records them).
var failureReasons = map[string]label{
	"recipient_absent":   {"không có người nhận", "nobody was there to receive it"},
	"address_not_found":  {"không tìm thấy địa chỉ", "the address could not be found"},
	"address_incomplete": {"địa chỉ không đầy đủ", "the address is incomplete"},
	"refused":            {"người nhận từ chối nhận", "the recipient refused it"},
	"moved":              {"người nhận đã chuyển đi nơi khác", "the recipient has moved"},
	"unknown_recipient":  {"không có người nhận như ghi trên bưu gửi", "the recipient is unknown at the address"},
	"not_collected":      {"người nhận không đến nhận sau các lần báo", "not collected after the notices"},
	"office_closed":      {"cơ quan nhận đóng cửa", "the receiving office was closed"},
}

// ReasonLabel names why a delivery failed; "" for no reason or one status does not know.
func ReasonLabel(reason string, lang Lang) string {
	l, ok := failureReasons[reason]
	if !ok {
		return ""
	}
	return pick(l, true, "", lang)
}

// PostalStep describes a shipment event for a citizen's timeline.
type PostalStep struct {
	// Kind is the leg: pickup, transfer, delivery or return.
	Kind string
	// Type is created or the recorded event's type (accepted, picked_up, …).
	Type string
	// AtAddress is true when the leg starts at the applicant's address (a pickup
	// without an office of origin).
	AtAddress bool
	// Reason is why a delivery failed.
	Reason string
}

// PostalStepLabel names a shipment event for a citizen: what the post did, on which leg,
// and for a failed delivery why (as far as the reason is known).
func PostalStepLabel(s PostalStep, lang Lang) string {
	legs, ok := postalSteps[s.Kind]
	if !ok {
		legs = anyLeg
	}
	l, ok := legs[s.Type]
	if s.Kind == "pickup" && s.Type == "accepted" && !s.AtAddress {
		l = pickupAtOffice
	}
	text := pick(l, ok, PostalStepType(s.Type), lang)
	if s.Type == "delivery_failed" {
		if r := ReasonLabel(s.Reason, lang); r != "" {
			text += ": " + r
		}
	}
	return text
}

// shipmentStatuses name where a shipment stands, whatever its leg (the answer gives the
// leg beside it).
var shipmentStatuses = map[string]label{
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

// ShipmentStatusLabel names a shipment's status for a citizen; a failed delivery says
// why, as far as the reason is known.
func ShipmentStatusLabel(status, reason string, lang Lang) string {
	l, ok := shipmentStatuses[status]
	text := pick(l, ok, status, lang)
	if status == "delivery_failed" {
		if r := ReasonLabel(reason, lang); r != "" {
			text += ": " + r
		}
	}
	return text
}
