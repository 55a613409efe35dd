package vocabulary

import (
	"unicode"
	"unicode/utf8"
)

// The words of the post's own pages and answers, for the postal workers and the desks
// that follow a shipment: where a shipment stands, the step that opens it, what was done
// after a failed delivery, who signed for a delivery. The legs (Leg), the reasons of a
// failed delivery (FailureReason) and where a shipment stands (ShipmentStatus) are the
// citizen's words, said the same here.

// workerStatuses are where a shipment stands in the words postal's workers have always
// read, where they differ from the citizen's (shipmentStatuses).
var workerStatuses = table{
	"picked_up": {"Bưu điện đã đến lấy", "Collected by the post"},
}

// PostStatus names where a shipment stands (or the step that brought it there) on the
// post's pages and in its answers: the citizen's words (ShipmentStatus), but for the
// few the postal workers read otherwise.
func PostStatus(status string) Words {
	if w, ok := workerStatuses[status]; ok {
		return w
	}
	return ShipmentStatus(status)
}

// ShipmentOpened names the first step of every shipment in its list of steps: it was
// opened (its status then is "created", waiting for the post).
var ShipmentOpened = Words{"Mở bưu gửi", "Shipment opened"}

// failureActions are what a postal worker did after a failed delivery.
var failureActions = table{
	"leave_notice":        {"Đã để lại giấy báo", "A notice was left"},
	"retry":               {"Sẽ phát lại", "Delivery will be tried again"},
	"hold_at_post_office": {"Lưu tại bưu cục chờ người nhận đến nhận", "Held at the post office for collection"},
	"return_to_sender":    {"Chuyển hoàn về nơi gửi", "Sent back to the sender"},
}

// FailureAction names what was done after a failed delivery (leave_notice, retry,
// hold_at_post_office, return_to_sender); no words (empty) for a code the catalogue
// does not know.
func FailureAction(code string) Words { return failureActions[code] }

// recipientRelations are how the person who signs for a delivery relates to the
// applicant.
var recipientRelations = table{
	"self":         {"Người nộp hồ sơ", "The applicant"},
	"family":       {"Người thân trong gia đình", "A family member"},
	"authorised":   {"Người được ủy quyền", "An authorised person"},
	"office_clerk": {"Văn thư cơ quan", "The office's clerk"},
}

// RecipientRelation names how the person who signed for a delivery relates to the
// applicant (self, family, authorised, office_clerk); no words (empty) for a code the
// catalogue does not know.
func RecipientRelation(code string) Words { return recipientRelations[code] }

// Capitalized is the words with the first letter of each language in capitals, to stand
// on their own (a choice in a list) where they were said to follow others
// (FailureReason).
func (w Words) Capitalized() Words { return Words{VI: capitalized(w.VI), EN: capitalized(w.EN)} }

func capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
