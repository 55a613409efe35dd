package shipment

import (
	"bytes"
	"fmt"
	"image/png"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/textnorm"
)

// FieldError says which field of an event is wrong and how to put it right (a 422,
// except ErrSignatureTooLarge, a 413).
type FieldError struct {
	Field   string
	Code    string
	Message string
}

// Error returns the field and the message.
func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Limits on an event's fields.
const (
	// MaxSignatureBytes is the largest signature image accepted (256 KiB, decoded).
	MaxSignatureBytes = 256 << 10
	// MaxSignatureSide is the largest width or height of a signature image, in pixels.
	MaxSignatureSide = 4000
	// MaxSealRunes is the longest seal number.
	MaxSealRunes = 40
	// MaxRecipientNameRunes is the longest recipient name.
	MaxRecipientNameRunes = 200
	// MaxPostageVND is the largest postage accepted, in đồng.
	MaxPostageVND = 10_000_000
	// MaxClockSkew is how far ahead of the server's clock an event may be dated: a phone's
	// clock may run a little fast.
	MaxClockSkew = 5 * time.Minute
)

// ErrSignatureTooLarge is the problem of a signature image over MaxSignatureBytes. It is
// a distinct value (compare with == or errors.Is) because it is a 413, not a 422.
var ErrSignatureTooLarge = &FieldError{Field: "proof.signature_png", Code: "too_large",
	Message: fmt.Sprintf("The signature image is larger than %d KiB; capture it again at a lower resolution.", MaxSignatureBytes>>10)}

// Failure reason codes: why a delivery attempt failed (modelled on the UPU's EMH reasons).
const (
	ReasonRecipientAbsent   = "recipient_absent"
	ReasonAddressNotFound   = "address_not_found"
	ReasonAddressIncomplete = "address_incomplete"
	ReasonRefused           = "refused"
	ReasonMoved             = "moved"
	ReasonUnknownRecipient  = "unknown_recipient"
	ReasonNotCollected      = "not_collected"
	ReasonOfficeClosed      = "office_closed"
)

// FailureReasons lists the reason codes of a failed delivery.
var FailureReasons = []string{ReasonRecipientAbsent, ReasonAddressNotFound, ReasonAddressIncomplete,
	ReasonRefused, ReasonMoved, ReasonUnknownRecipient, ReasonNotCollected, ReasonOfficeClosed}

var reasonLabels = map[string][2]string{
	ReasonRecipientAbsent:   {"Người nhận vắng nhà", "The recipient was not in"},
	ReasonAddressNotFound:   {"Không tìm thấy địa chỉ", "The address could not be found"},
	ReasonAddressIncomplete: {"Địa chỉ không đầy đủ", "The address is incomplete"},
	ReasonRefused:           {"Người nhận từ chối nhận", "The recipient refused the item"},
	ReasonMoved:             {"Người nhận đã chuyển đi nơi khác", "The recipient has moved away"},
	ReasonUnknownRecipient:  {"Không có người nhận tại địa chỉ", "Nobody of that name lives at the address"},
	ReasonNotCollected:      {"Người nhận không đến bưu cục nhận", "The item was not collected from the post office"},
	ReasonOfficeClosed:      {"Cơ quan, đơn vị nhận đóng cửa", "The receiving office was closed"},
}

// finalReasons are the reasons another attempt cannot cure: the item goes back at once,
// whatever action the postal worker wrote. The others (the recipient was out, the address
// needs completing, the item was not collected, the office was closed) count towards the
// two-attempts rule.
var finalReasons = map[string]bool{
	ReasonAddressNotFound:  true,
	ReasonRefused:          true,
	ReasonMoved:            true,
	ReasonUnknownRecipient: true,
}

// ReasonLabels returns a failure reason in plain Vietnamese and English; ok is false
// for an unknown code.
func ReasonLabels(code string) (vi, en string, ok bool) {
	l, ok := reasonLabels[code]
	return l[0], l[1], ok
}

// FinalReason reports whether a failed attempt with this reason sends the item back at
// once: address_not_found, refused, moved and unknown_recipient.
func FinalReason(code string) bool { return finalReasons[code] }

// Failure action codes: what the postal worker did after a failed attempt.
const (
	ActionLeaveNotice      = "leave_notice"
	ActionRetry            = "retry"
	ActionHoldAtPostOffice = "hold_at_post_office"
	ActionReturnToSender   = "return_to_sender"
)

// FailureActions lists the action codes of a failed delivery.
var FailureActions = []string{ActionLeaveNotice, ActionRetry, ActionHoldAtPostOffice, ActionReturnToSender}

var actionLabels = map[string][2]string{
	ActionLeaveNotice:      {"Đã để lại giấy báo", "A notice was left"},
	ActionRetry:            {"Sẽ phát lại", "Delivery will be tried again"},
	ActionHoldAtPostOffice: {"Lưu tại bưu cục chờ người nhận đến nhận", "Held at the post office for collection"},
	ActionReturnToSender:   {"Chuyển hoàn về nơi gửi", "Sent back to the sender"},
}

// ActionLabels returns a failure action in plain Vietnamese and English; ok is false for
// an unknown code.
func ActionLabels(code string) (vi, en string, ok bool) {
	l, ok := actionLabels[code]
	return l[0], l[1], ok
}

// Relations of the person who signs for a delivery to the applicant.
const (
	RelationSelf        = "self"
	RelationFamily      = "family"
	RelationAuthorised  = "authorised"
	RelationOfficeClerk = "office_clerk"
)

// Relations lists the relations a recipient may have to the applicant.
var Relations = []string{RelationSelf, RelationFamily, RelationAuthorised, RelationOfficeClerk}

var relationLabels = map[string][2]string{
	RelationSelf:        {"Người nộp hồ sơ", "The applicant"},
	RelationFamily:      {"Người thân trong gia đình", "A family member"},
	RelationAuthorised:  {"Người được ủy quyền", "An authorised person"},
	RelationOfficeClerk: {"Văn thư cơ quan", "The office's clerk"},
}

// RelationLabels returns a recipient's relation in plain Vietnamese and English; ok is
// false for an unknown code.
func RelationLabels(code string) (vi, en string, ok bool) {
	l, ok := relationLabels[code]
	return l[0], l[1], ok
}

// Proof is the proof of a delivery: who signed, how they relate to the applicant, the
// last four digits of the identity document checked, and the signature (a PNG; base64 in
// JSON). It stays with the postal service: only the relation is published.
type Proof struct {
	RecipientName string `json:"recipient_name"`
	Relation      string `json:"relation"`
	IDLast4       string `json:"id_last4"`
	SignaturePNG  []byte `json:"signature_png"`
}

// Input is a postal worker's event, as posted to the shipment's events. Each type reads
// the fields it needs and ignores the others: the seal number on accepted (required) and
// picked_up (optional: an item sealed at the citizen's door), the reason and action on
// delivery_failed, the proof on delivered. Postage and payer, when given, update the
// shipment whatever the type.
type Input struct {
	// EventID is made by the client (a UUID); the same id again is the same event.
	EventID string `json:"event_id"`
	Type    Status `json:"type"`
	// OccurredAt is when it happened, as the postal worker's phone recorded it; it may be
	// hours old (events queued offline) but never before the shipment's last event.
	OccurredAt time.Time `json:"occurred_at"`
	SealNumber string    `json:"seal_number,omitempty"`
	ReasonCode string    `json:"reason_code,omitempty"`
	ActionCode string    `json:"action_code,omitempty"`
	Proof      *Proof    `json:"proof,omitempty"`
	PostageVND *int64    `json:"postage_vnd,omitempty"`
	PaidBy     Payer     `json:"paid_by,omitempty"`
}

// Normalize cleans the event's text: NFC, trimmed, single spaces; codes in lower case; a
// UUID in any form uuid.Parse reads is written in its canonical form. It is idempotent.
func (in *Input) Normalize() {
	in.EventID = strings.TrimSpace(in.EventID)
	if id, err := uuid.Parse(in.EventID); err == nil {
		in.EventID = id.String()
	}
	in.Type = Status(code(string(in.Type)))
	in.SealNumber = textnorm.Clean(in.SealNumber)
	in.ReasonCode = code(in.ReasonCode)
	in.ActionCode = code(in.ActionCode)
	in.PaidBy = Payer(code(string(in.PaidBy)))
	if p := in.Proof; p != nil {
		p.RecipientName = textnorm.Clean(p.RecipientName)
		p.Relation = code(p.Relation)
		p.IDLast4 = textnorm.Clean(p.IDLast4)
	}
}

func code(s string) string { return strings.ToLower(textnorm.Clean(s)) }

// Validate checks a normalized event on its own (whether it may follow the shipment's
// last event, and its time against the server's clock, are Record's business) and
// returns the first problem found, in the order of the fields. A signature over
// MaxSignatureBytes is ErrSignatureTooLarge.
func (in *Input) Validate() *FieldError {
	if fe := validEventID(in.EventID); fe != nil {
		return fe
	}
	switch {
	case in.Type == "":
		return missing("type", "Say what happened: "+joinStatuses(EventTypes)+".")
	case !in.Type.Recordable():
		return invalid("type", "invalid_type", "The type must be one of "+joinStatuses(EventTypes)+".")
	case in.OccurredAt.IsZero():
		return missing("occurred_at", "Give the time the event happened (RFC 3339 with an offset).")
	}
	switch in.Type {
	case Accepted:
		if in.SealNumber == "" {
			return missing("seal_number", "Give the number of the seal put on the envelope in front of the applicant.")
		}
		if fe := validSeal(in.SealNumber); fe != nil {
			return fe
		}
	case PickedUp:
		if in.SealNumber != "" {
			if fe := validSeal(in.SealNumber); fe != nil {
				return fe
			}
		}
	case DeliveryFailed:
		if fe := oneOf("reason_code", "invalid_reason_code", in.ReasonCode, FailureReasons, "Say why the delivery failed"); fe != nil {
			return fe
		}
		if fe := oneOf("action_code", "invalid_action_code", in.ActionCode, FailureActions, "Say what was done after the failed attempt"); fe != nil {
			return fe
		}
	case Delivered:
		if in.Proof == nil {
			return missing("proof", "A delivery needs the proof: the recipient's name, relation, the last 4 digits of their ID and their signature.")
		}
		if fe := in.Proof.validate(); fe != nil {
			return fe
		}
	}
	if in.PostageVND != nil && (*in.PostageVND < 0 || *in.PostageVND > MaxPostageVND) {
		return invalid("postage_vnd", "out_of_range", fmt.Sprintf("The postage must be a whole number of đồng from 0 to %d.", MaxPostageVND))
	}
	if in.PaidBy != "" && !in.PaidBy.Valid() {
		return invalid("paid_by", "invalid_payer", "The postage is paid by the citizen or the authority.")
	}
	return nil
}

func validEventID(id string) *FieldError {
	if id == "" {
		return missing("event_id", "Give the event a UUID made on the device, and send the same one when retrying.")
	}
	u, err := uuid.Parse(id)
	switch {
	case err != nil || len(id) != 36:
		return invalid("event_id", "invalid_uuid", "The event id must be a UUID such as 7f1c2b9e-3d4a-4c5b-9e6f-0a1b2c3d4e5f.")
	case u == uuid.Nil:
		return invalid("event_id", "invalid_uuid", "The event id must be a freshly made UUID, not the all-zero one.")
	}
	return nil
}

func validSeal(s string) *FieldError {
	if utf8.RuneCountInString(s) > MaxSealRunes {
		return invalid("seal_number", "too_long", fmt.Sprintf("A seal number may have at most %d characters.", MaxSealRunes))
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return invalid("seal_number", "invalid_seal", "A seal number may contain only letters A-Z, digits and hyphens, as printed on the seal.")
		}
	}
	return nil
}

// oneOf checks a required code against its list; bad is the problem's code when it is
// not in the list, what says what to give.
func oneOf(field, bad, value string, list []string, what string) *FieldError {
	msg := fmt.Sprintf("%s: one of %s.", what, strings.Join(list, ", "))
	switch {
	case value == "":
		return missing(field, msg)
	case !slices.Contains(list, value):
		return invalid(field, bad, msg)
	}
	return nil
}

func (p *Proof) validate() *FieldError {
	n := utf8.RuneCountInString(p.RecipientName)
	switch {
	case n == 0:
		return missing("proof.recipient_name", "Enter the name of the person who received the item.")
	case n > MaxRecipientNameRunes:
		return invalid("proof.recipient_name", "too_long", fmt.Sprintf("A name may have at most %d characters.", MaxRecipientNameRunes))
	}
	if fe := oneOf("proof.relation", "invalid_relation", p.Relation, Relations, "Say who received the item"); fe != nil {
		return fe
	}
	if !fourDigits(p.IDLast4) {
		if p.IDLast4 == "" {
			return missing("proof.id_last4", "Enter the last 4 digits of the identity document you checked.")
		}
		return invalid("proof.id_last4", "invalid_id_last4", "Enter exactly the last 4 digits of the identity document, such as 0427.")
	}
	return validSignature(p.SignaturePNG)
}

func fourDigits(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// pngSignature is the 8 bytes every PNG file starts with.
var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// validSignature checks the recipient's signature: present, at most MaxSignatureBytes,
// a PNG whose header decodes, with a width and height from 1 to MaxSignatureSide. Only
// the header is decoded: a full decode could inflate a small file into a huge image.
func validSignature(b []byte) *FieldError {
	const field = "proof.signature_png"
	switch {
	case len(b) == 0:
		return missing(field, "Capture the recipient's signature (a PNG image).")
	case len(b) > MaxSignatureBytes:
		return ErrSignatureTooLarge
	case !bytes.HasPrefix(b, pngSignature):
		return invalid(field, "not_png", "The signature must be a PNG image.")
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	switch {
	case err != nil:
		return invalid(field, "not_png", "The signature is not a readable PNG image; capture it again.")
	case cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxSignatureSide || cfg.Height > MaxSignatureSide:
		return invalid(field, "not_png", fmt.Sprintf("The signature image must be at most %d by %d pixels.", MaxSignatureSide, MaxSignatureSide))
	}
	return nil
}

func joinStatuses(list []Status) string {
	names := make([]string, len(list))
	for i, s := range list {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

func missing(field, msg string) *FieldError {
	return &FieldError{Field: field, Code: "required", Message: msg}
}

func invalid(field, code, msg string) *FieldError {
	return &FieldError{Field: field, Code: code, Message: msg}
}
