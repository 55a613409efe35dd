package dossier

import (
	"fmt"
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/textnorm"

	"github.com/motcua/motcua/proto/vocabulary"
)

// Channel is how a dossier reached the desk.
type Channel string

// The channels (the national indicator counts them as 1, 2, 3).
const (
	ChannelDesk   Channel = "desk"
	ChannelOnline Channel = "online"
	ChannelPost   Channel = "post"
)

// DocumentKind is the form of a paper handed in.
type DocumentKind string

// The kinds of document copy.
const (
	Original      DocumentKind = "original"
	CertifiedCopy DocumentKind = "certified_copy"
	Copy          DocumentKind = "copy"
)

// DeliveryMethod is how the result goes back to the citizen.
type DeliveryMethod string

// The delivery methods.
const (
	DeliverAtDesk DeliveryMethod = "desk"
	DeliverByPost DeliveryMethod = "post"
	// DeliverElectronically: the citizen downloads the result's file with the dossier's
	// code and PIN (result.go); an electronic result has the value of the paper one.
	DeliverElectronically DeliveryMethod = "electronic"
	// DeliverAtPostOffice: the citizen collects the result at the counter of the post
	// office they chose (ResultDelivery.PostOffice), where a delivery leg takes it.
	DeliverAtPostOffice DeliveryMethod = "post_office"
)

// Applicant is who hands the dossier in. IDNumber, Phone and Address are personal data:
// stored encrypted, never logged, never in a citizen view.
type Applicant struct {
	FullName string `json:"full_name"`
	IDNumber string `json:"id_number"`
	Phone    string `json:"phone"`
	Email    string `json:"email"`
	Address  string `json:"address"`
}

// Document is one paper handed in.
type Document struct {
	Name   string       `json:"name"`
	Kind   DocumentKind `json:"kind"`
	Copies int          `json:"copies"`
	// File names the file that stands for the document in a submission online: the
	// name of its part in the request, then, once kept, the file's id.
	File string `json:"file,omitempty"`
}

// ResultDelivery says where the result will be received.
type ResultDelivery struct {
	Method  DeliveryMethod `json:"method"`
	Address string         `json:"address"`
	// PostOffice is the post office the citizen collects the result at (method
	// post_office).
	PostOffice string `json:"post_office,omitempty"`
}

// Registration is what a desk officer enters to register a dossier.
type Registration struct {
	ProcedureCode   string         `json:"procedure_code"`
	ReceivingOffice string         `json:"receiving_office"`
	HandlingOffice  string         `json:"handling_office"`
	Channel         Channel        `json:"channel"`
	Applicant       Applicant      `json:"applicant"`
	Documents       []Document     `json:"documents"`
	ResultDelivery  ResultDelivery `json:"result_delivery"`
	FeePaidVND      int64          `json:"fee_paid_vnd"`
	// FeeReceiptNumber is the number of the receipt given for the fee paid at the desk.
	FeeReceiptNumber string `json:"fee_receipt_number"`
	// The post office's side of a dossier a postal worker takes at its counter or at the
	// citizen's door (AtPostOffice): the post office, the seal it was packed under in
	// front of the applicant, the postage collected and, at the door, the pickup the
	// citizen asked for online.
	PostOffice           string `json:"post_office,omitempty"`
	SealNumber           string `json:"seal_number,omitempty"`
	PostageVND           int64  `json:"postage_vnd,omitempty"`
	PickupTrackingNumber string `json:"pickup_tracking_number,omitempty"`
}

// AtPostOffice reports whether a post office took the dossier on the authority's behalf.
func (r *Registration) AtPostOffice() bool { return r.PostOffice != "" }

// FieldError says which field is wrong and why (Code); its words, which say how to put it
// right, are the catalogue's (vocabulary.Problem).
type FieldError struct {
	Field string
	Code  string
	// Args fill the verbs of the words: a limit, the current appointment.
	Args []any
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Words().EN }

// Words say what is wrong with the field and how to put it right, in Vietnamese and
// English.
func (e *FieldError) Words() vocabulary.Words { return vocabulary.Problem(e.Field, e.Code, e.Args...) }

// Invalid is a field error: field is wrong as code says, with args for its words.
func Invalid(field, code string, args ...any) *FieldError {
	return &FieldError{Field: field, Code: code, Args: args}
}

// Limits on a registration's fields.
const (
	MaxNameRunes    = 200
	MaxAddressRunes = 500
	MaxDocuments    = 100
	MaxDocNameRunes = 300
	MaxCopies       = 100
	MaxFeeVND       = 1_000_000_000_000
	maxCodeRunes    = 40
	maxEmailBytes   = 254
)

// Normalize cleans every text field (NFC, trimmed, single spaces) and fills defaults:
// the handling office defaults to the receiving office, result delivery to the desk.
func (r *Registration) Normalize() {
	r.ProcedureCode = strings.TrimSpace(r.ProcedureCode)
	r.ReceivingOffice = strings.TrimSpace(r.ReceivingOffice)
	r.HandlingOffice = strings.TrimSpace(r.HandlingOffice)
	if r.HandlingOffice == "" {
		r.HandlingOffice = r.ReceivingOffice
	}
	r.Channel = Channel(strings.ToLower(strings.TrimSpace(string(r.Channel))))
	a := &r.Applicant
	a.FullName = textnorm.Clean(a.FullName)
	a.IDNumber = strings.TrimSpace(a.IDNumber)
	a.Phone = NormalizePhone(a.Phone)
	a.Email = strings.TrimSpace(a.Email)
	a.Address = textnorm.Clean(a.Address)
	for i := range r.Documents {
		r.Documents[i].normalize()
	}
	r.ResultDelivery.Method = DeliveryMethod(strings.ToLower(strings.TrimSpace(string(r.ResultDelivery.Method))))
	if r.ResultDelivery.Method == "" {
		r.ResultDelivery.Method = DeliverAtDesk
	}
	r.ResultDelivery.Address = textnorm.Clean(r.ResultDelivery.Address)
	r.FeeReceiptNumber = textnorm.Clean(r.FeeReceiptNumber)
	r.ResultDelivery.PostOffice = strings.TrimSpace(r.ResultDelivery.PostOffice)
	r.PostOffice = strings.TrimSpace(r.PostOffice)
	r.SealNumber = textnorm.Clean(r.SealNumber)
	r.PickupTrackingNumber = strings.TrimSpace(r.PickupTrackingNumber)
	r.normalizeCounter()
	if r.ResultDelivery.Method == DeliverByPost && r.ResultDelivery.Address == "" {
		r.ResultDelivery.Address = a.Address
	}
}

// Validate checks a normalized registration on its own (reference data is checked by the
// caller) and returns the first problem found, field by field in reading order.
func (r *Registration) Validate() *FieldError {
	switch {
	case r.ProcedureCode == "":
		return missing("procedure_code")
	case utf8.RuneCountInString(r.ProcedureCode) > maxCodeRunes:
		return invalid("procedure_code", "too_long")
	case r.ReceivingOffice == "":
		return missing("receiving_office")
	case utf8.RuneCountInString(r.ReceivingOffice) > maxCodeRunes:
		return invalid("receiving_office", "too_long")
	case utf8.RuneCountInString(r.HandlingOffice) > maxCodeRunes:
		return invalid("handling_office", "too_long")
	}
	switch r.Channel {
	case ChannelDesk, ChannelOnline, ChannelPost:
	case "":
		return missing("channel")
	default:
		return invalid("channel", "invalid_channel")
	}
	if fe := r.Applicant.validate(); fe != nil {
		return fe
	}
	if r.Channel == ChannelPost && !r.AtPostOffice() && r.Applicant.Address == "" {
		return missing("applicant.address")
	}
	if len(r.Documents) > MaxDocuments {
		return invalid("documents", "too_many", MaxDocuments)
	}
	for i, d := range r.Documents {
		if fe := d.validate(fmt.Sprintf("documents[%d]", i)); fe != nil {
			return fe
		}
	}
	switch r.ResultDelivery.Method {
	case DeliverAtDesk, DeliverElectronically:
	case DeliverAtPostOffice:
		if r.ResultDelivery.PostOffice == "" {
			return missing("result_delivery.post_office")
		}
		if utf8.RuneCountInString(r.ResultDelivery.PostOffice) > maxCodeRunes {
			return invalid("result_delivery.post_office", "too_long")
		}
	case DeliverByPost:
		if r.ResultDelivery.Address == "" {
			return missing("result_delivery.address")
		}
		if utf8.RuneCountInString(r.ResultDelivery.Address) > MaxAddressRunes {
			return invalid("result_delivery.address", "too_long", MaxAddressRunes)
		}
	default:
		return invalid("result_delivery.method", "invalid_method")
	}
	if r.FeePaidVND < 0 || r.FeePaidVND > MaxFeeVND {
		return invalid("fee_paid_vnd", "out_of_range")
	}
	if utf8.RuneCountInString(r.FeeReceiptNumber) > maxReceiptRunes {
		return invalid("fee_receipt_number", "too_long", maxReceiptRunes)
	}
	return r.validateCounter()
}

// normalize cleans the document's name and kind; a document without a number of sets
// is one set. A missing kind stays missing: whether it has a default is the caller's
// business.
func (d *Document) normalize() {
	d.Name = textnorm.Clean(d.Name)
	d.File = strings.TrimSpace(d.File)
	d.Kind = DocumentKind(strings.ToLower(strings.TrimSpace(string(d.Kind))))
	if d.Copies == 0 {
		d.Copies = 1
	}
}

// validate checks a normalized document listed at field.
func (d Document) validate(field string) *FieldError {
	switch {
	case d.Name == "":
		return missing(field + ".name")
	case utf8.RuneCountInString(d.Name) > MaxDocNameRunes:
		return invalid(field+".name", "too_long", MaxDocNameRunes)
	case d.Kind != Original && d.Kind != CertifiedCopy && d.Kind != Copy:
		return invalid(field+".kind", "invalid_kind")
	case d.Copies < 1 || d.Copies > MaxCopies:
		return invalid(field+".copies", "out_of_range", MaxCopies)
	case len(d.File) > maxCodeRunes*2:
		return invalid(field+".file", "too_long")
	}
	return nil
}

func (a *Applicant) validate() *FieldError {
	n := utf8.RuneCountInString(a.FullName)
	switch {
	case n == 0:
		return missing("applicant.full_name")
	case n > MaxNameRunes:
		return invalid("applicant.full_name", "too_long", MaxNameRunes)
	case !plausibleName(a.FullName):
		return invalid("applicant.full_name", "invalid_name")
	}
	if a.IDNumber != "" && !allDigits(a.IDNumber, 12) && !allDigits(a.IDNumber, 9) {
		return invalid("applicant.id_number", "invalid_id_number")
	}
	if a.Phone != "" && !validPhone(a.Phone) {
		return invalid("applicant.phone", "invalid_phone")
	}
	if a.Email != "" {
		addr, err := mail.ParseAddress(a.Email)
		if err != nil || addr.Address != a.Email || len(a.Email) > maxEmailBytes {
			return invalid("applicant.email", "invalid_email")
		}
	}
	if utf8.RuneCountInString(a.Address) > MaxAddressRunes {
		return invalid("applicant.address", "too_long", MaxAddressRunes)
	}
	return nil
}

func plausibleName(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && r != ' ' && r != '.' && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

func allDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// NormalizePhone drops spaces, dots and dashes and turns +84 into a leading 0.
func NormalizePhone(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' || r == '(' || r == ')' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if rest, ok := strings.CutPrefix(s, "+84"); ok {
		s = "0" + rest
	}
	return s
}

func validPhone(s string) bool { return allDigits(s, 10) && s[0] == '0' }

func missing(field string) *FieldError { return Invalid(field, "required") }

func invalid(field, code string, args ...any) *FieldError { return Invalid(field, code, args...) }

// ValidIDNumber reports whether s is a citizen ID number: 12 digits, or 9 for an old
// identity card.
func ValidIDNumber(s string) bool { return allDigits(s, 12) || allDigits(s, 9) }

// ValidPhone reports whether s (normalized) is a Vietnamese phone number.
func ValidPhone(s string) bool { return validPhone(s) }
