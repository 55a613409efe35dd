// Package handover holds the rules of a hand-over record (biên bản giao nhận, domain §5):
// the post office that holds many items hands them to the authority they are for in one
// go, listing them by their tracking numbers, typed or scanned; the authority's staff
// confirm the record with a signature, and each item is then delivered there. No I/O.
//
// The list is read as a person or a scanner gives it (Numbers splits a text, List reads
// and checks each number as s10.Parse does), each item must be one the receiving office
// can be handed now (Check), and the proof of each item's delivery is the record itself
// (Proof). The problems are shipment.FieldErrors on the list's field, naming the first
// bad item as tracking_numbers[i].
package handover

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// MaxItems is the most items one record lists: a post office's day of deliveries to a
// desk, with room to spare; a longer list is split over several records.
const MaxItems = 500

// Status is where a record stands.
type Status string

// The statuses of a record.
const (
	// Open: drawn up by the giving side, waiting for the receiving side.
	Open Status = "open"
	// Confirmed: the receiving side signed it; every item was delivered there.
	Confirmed Status = "confirmed"
)

// Words name the status in Vietnamese and English, from the one catalogue of words.
func (s Status) Words() vocabulary.Words { return vocabulary.HandoverStatus(string(s)) }

// Field is the field of a record's list of tracking numbers.
const Field = "tracking_numbers"

// ItemField is the field of the i-th item (from 0) of the list.
func ItemField(i int) string { return fmt.Sprintf("%s[%d]", Field, i) }

// Numbers reads the tracking numbers in a text a person typed or a scanner gave: one a
// line (a scanner ends each with Enter), or several separated by commas, semicolons or
// spaces. A piece that reads whole as a number is one (a number typed with spaces in
// it, "EE 1234 5678 5 VN"); otherwise each of its words is one, as written, for List to
// read and, when it is not a number, to name.
func Numbers(text string) []string {
	var out []string
	for _, piece := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' || r == ',' || r == ';' }) {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		if _, err := s10.Parse(piece); err == nil || !strings.ContainsFunc(piece, unicode.IsSpace) {
			out = append(out, piece)
			continue
		}
		out = append(out, strings.Fields(piece)...)
	}
	return out
}

// List reads a record's list as sent: each number in the canonical form s10.Parse gives
// it, in the order given. It refuses an empty list, one longer than MaxItems, a number
// that is not one, and a number listed twice, naming the first bad item.
func List(sent []string) ([]string, *shipment.FieldError) {
	switch {
	case len(sent) == 0:
		return nil, shipment.Invalid(Field, "required")
	case len(sent) > MaxItems:
		return nil, shipment.Invalid(Field, "too_many", MaxItems)
	}
	out := make([]string, len(sent))
	for i, raw := range sent {
		n, err := s10.Parse(raw)
		var se *s10.Error
		if errors.As(err, &se) {
			return nil, shipment.Invalid(ItemField(i), "invalid_tracking_number", i+1, shorten(raw), se.Words())
		}
		if first := slices.Index(out[:i], n.String()); first >= 0 {
			return nil, shipment.Invalid(ItemField(i), "duplicate", i+1, n.String(), first+1)
		}
		out[i] = n.String()
	}
	return out, nil
}

// shorten is s cut to a length a message can quote.
func shorten(s string) string {
	const most = 30
	if r := []rune(s); len(r) > most {
		return string(r[:most]) + "…"
	}
	return s
}

// Check is the problem of handing s, the i-th item (from 0) of a record, to the office
// toOffice now, or nil: it must be going there, and its status must allow delivered
// next (an item not yet taken in by the post cannot be handed over). officeName names
// an office by its code in the words.
func Check(i int, s shipment.Shipment, toOffice string, officeName func(code string) vocabulary.Words) *shipment.FieldError {
	if s.ToOffice != toOffice {
		to := vocabulary.HandoverToCitizen // a delivery ends at the citizen's address
		if s.ToOffice != "" {
			to = officeName(s.ToOffice)
		}
		return shipment.Invalid(ItemField(i), "not_for_office", i+1, s.TrackingNumber, officeName(toOffice), to)
	}
	if !Deliverable(s) {
		fe := shipment.Invalid(ItemField(i), "not_deliverable", i+1, s.TrackingNumber, s.Status.Words())
		switch s.Status {
		case shipment.Created:
			fe.Case = "created" // the post has not taken it in
		case shipment.Accepted:
			fe.Case = "accepted" // taken in, not yet on its way
		}
		return fe
	}
	return nil
}

// Deliverable reports whether s may be delivered now: its status allows delivered next.
func Deliverable(s shipment.Shipment) bool {
	return slices.Contains(shipment.Next(s.Kind, s.Status), shipment.Delivered)
}

// DeliverableStatuses are the statuses from which an item of kind may be delivered:
// what a list of items waiting to be handed over looks for.
func DeliverableStatuses(kind shipment.Kind) []shipment.Status {
	var out []shipment.Status
	for _, s := range shipment.Statuses {
		if slices.Contains(shipment.Next(kind, s), shipment.Delivered) {
			out = append(out, s)
		}
	}
	return out
}

// Proof is the proof of delivery of an item handed over with the record id, confirmed
// by the member of staff receiver: the receiver signed the record as the account they
// signed in with, a clerk of the office, so no identity document is checked and the
// signature stays with the record.
func Proof(id, receiver string) *shipment.Proof {
	return &shipment.Proof{RecipientName: receiver, Relation: shipment.RelationOfficeClerk, Record: id}
}

// ErrSignatureTooLarge is the problem of a receiver's signature over
// shipment.MaxSignatureBytes: a 413, not a 422 (compare with == or errors.Is).
var ErrSignatureTooLarge = shipment.Invalid("signature_png", "too_large", shipment.MaxSignatureBytes>>10)

// CheckSignature checks the receiving side's signature as a delivery's is checked
// (shipment.CheckSignature), on the confirmation's field signature_png.
func CheckSignature(png []byte) *shipment.FieldError {
	fe := shipment.CheckSignature(ErrSignatureTooLarge.Field, png)
	if fe != nil && fe.Code == ErrSignatureTooLarge.Code {
		return ErrSignatureTooLarge
	}
	return fe
}
