package shipment

import (
	"bytes"
	"image/png"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/seal"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// FieldError says which field is wrong and why (Code), a 422 except
// ErrSignatureTooLarge, a 413; its words, which say how to put it right, are the
// catalogue's (vocabulary.Problem).
type FieldError struct {
	Field string
	Code  string
	// Case, when set, picks the words of one case of the code (the catalogue's
	// "code.case"); a program reads the code alone.
	Case string
	// Args fill the verbs of the words: a limit, a time, the codes to choose from.
	Args []any
}

// Error returns the field and its words in English.
func (e *FieldError) Error() string { return e.Field + ": " + e.Words().EN }

// Words say what is wrong with the field and how to put it right, in Vietnamese and
// English.
func (e *FieldError) Words() vocabulary.Words {
	code := e.Code
	if e.Case != "" {
		code += "." + e.Case
	}
	return vocabulary.Problem(e.Field, code, e.Args...)
}

// Invalid is a field error: field is wrong as code says, with args for its words.
func Invalid(field, code string, args ...any) *FieldError {
	return &FieldError{Field: field, Code: code, Args: args}
}

// Limits on an event's fields.
const (
	// MaxSignatureBytes is the largest signature image accepted (256 KiB, decoded).
	MaxSignatureBytes = 256 << 10
	// MaxSignatureSide is the largest width or height of a signature image, in pixels.
	MaxSignatureSide = 4000
	// MaxSealRunes is the longest seal number.
	MaxSealRunes = seal.MaxRunes
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
var ErrSignatureTooLarge = Invalid("proof.signature_png", "too_large", MaxSignatureBytes>>10)

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

// Relations of the person who signs for a delivery to the applicant.
const (
	RelationSelf        = "self"
	RelationFamily      = "family"
	RelationAuthorised  = "authorised"
	RelationOfficeClerk = "office_clerk"
)

// Relations lists the relations a recipient may have to the applicant.
var Relations = []string{RelationSelf, RelationFamily, RelationAuthorised, RelationOfficeClerk}

// ReasonLabels returns a failure reason in plain Vietnamese and English, from the one
// catalogue of words, to stand on its own (a choice in a list); ok is false for an
// unknown code.
func ReasonLabels(code string) (vi, en string, ok bool) {
	return labels(vocabulary.FailureReason(code).Capitalized())
}

// ActionLabels returns what was done after a failed delivery, likewise.
func ActionLabels(code string) (vi, en string, ok bool) {
	return labels(vocabulary.FailureAction(code))
}

// RelationLabels returns a recipient's relation to the applicant, likewise.
func RelationLabels(code string) (vi, en string, ok bool) {
	return labels(vocabulary.RecipientRelation(code))
}

// labels are w in each language, and whether there are any.
func labels(w vocabulary.Words) (vi, en string, ok bool) {
	return w.VI, w.EN, w != (vocabulary.Words{})
}

// Proof is the proof of a delivery: who signed, how they relate to the applicant, the
// last four digits of the identity document checked, and the signature (a PNG; base64 in
// JSON). It stays with the postal service: only the relation is published.
type Proof struct {
	RecipientName string `json:"recipient_name"`
	Relation      string `json:"relation"`
	IDLast4       string `json:"id_last4"`
	SignaturePNG  []byte `json:"signature_png"`
	// Record, on an item handed over with a hand-over record, is the record's id: the
	// recipient is the office's clerk who confirmed it, signed in as themselves, so no
	// identity document was checked and the signature is the record's, kept with it.
	// Only the post sets it, never a worker's event.
	Record string `json:"-"`
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
		return missing("type", joinStatuses(EventTypes))
	case !in.Type.Recordable():
		return Invalid("type", "invalid_type", joinStatuses(EventTypes))
	case in.OccurredAt.IsZero():
		return missing("occurred_at")
	}
	switch in.Type {
	case Accepted:
		if in.SealNumber == "" {
			return missing("seal_number")
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
		if fe := oneOf("reason_code", "invalid_reason_code", in.ReasonCode, FailureReasons); fe != nil {
			return fe
		}
		if fe := oneOf("action_code", "invalid_action_code", in.ActionCode, FailureActions); fe != nil {
			return fe
		}
	case Delivered:
		if in.Proof == nil {
			return missing("proof")
		}
		if fe := in.Proof.validate(); fe != nil {
			return fe
		}
	}
	if in.PostageVND != nil && (*in.PostageVND < 0 || *in.PostageVND > MaxPostageVND) {
		return Invalid("postage_vnd", "out_of_range", MaxPostageVND)
	}
	if in.PaidBy != "" && !in.PaidBy.Valid() {
		return Invalid("paid_by", "invalid_payer")
	}
	return nil
}

func validEventID(id string) *FieldError {
	if id == "" {
		return missing("event_id")
	}
	u, err := uuid.Parse(id)
	switch {
	case err != nil || len(id) != 36:
		return Invalid("event_id", "invalid_uuid")
	case u == uuid.Nil:
		return &FieldError{Field: "event_id", Code: "invalid_uuid", Case: "nil"}
	}
	return nil
}

func validSeal(s string) *FieldError {
	if problem := seal.Problem(s); problem != "" {
		return Invalid("seal_number", problem)
	}
	return nil
}

// oneOf checks a required code against its list; bad is the problem's code when it is
// not in the list. The words name the codes to choose from.
func oneOf(field, bad, value string, list []string) *FieldError {
	choices := strings.Join(list, ", ")
	switch {
	case value == "":
		return missing(field, choices)
	case !slices.Contains(list, value):
		return Invalid(field, bad, choices)
	}
	return nil
}

func (p *Proof) validate() *FieldError {
	n := utf8.RuneCountInString(p.RecipientName)
	switch {
	case n == 0:
		return missing("proof.recipient_name")
	case n > MaxRecipientNameRunes:
		return Invalid("proof.recipient_name", "too_long", MaxRecipientNameRunes)
	}
	if p.Record != "" {
		// The record is the proof: its confirmation checked the signature and who signed.
		if p.Relation != RelationOfficeClerk || p.IDLast4 != "" || len(p.SignaturePNG) > 0 {
			return Invalid("proof", "record_proof")
		}
		return nil
	}
	if fe := oneOf("proof.relation", "invalid_relation", p.Relation, Relations); fe != nil {
		return fe
	}
	if !fourDigits(p.IDLast4) {
		if p.IDLast4 == "" {
			return missing("proof.id_last4")
		}
		return Invalid("proof.id_last4", "invalid_id_last4")
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

// validSignature checks the recipient's signature (CheckSignature); one over
// MaxSignatureBytes is ErrSignatureTooLarge.
func validSignature(b []byte) *FieldError {
	return CheckSignature(ErrSignatureTooLarge.Field, b)
}

// CheckSignature checks a signature sent as field: present, at most MaxSignatureBytes
// (else too_large; ErrSignatureTooLarge itself for a delivery's proof), a PNG whose
// header decodes, with a width and height from 1 to MaxSignatureSide. Only the header
// is decoded: a full decode could inflate a small file into a huge image.
func CheckSignature(field string, b []byte) *FieldError {
	switch {
	case len(b) == 0:
		return missing(field)
	case len(b) > MaxSignatureBytes && field == ErrSignatureTooLarge.Field:
		return ErrSignatureTooLarge
	case len(b) > MaxSignatureBytes:
		return Invalid(field, "too_large", MaxSignatureBytes>>10)
	case !bytes.HasPrefix(b, pngSignature):
		return Invalid(field, "not_png")
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	switch {
	case err != nil:
		return &FieldError{Field: field, Code: "not_png", Case: "unread"}
	case cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxSignatureSide || cfg.Height > MaxSignatureSide:
		return &FieldError{Field: field, Code: "not_png", Case: "too_wide", Args: []any{MaxSignatureSide, MaxSignatureSide}}
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

// missing is the problem of a required field left out, with args for its words.
func missing(field string, args ...any) *FieldError { return Invalid(field, "required", args...) }
