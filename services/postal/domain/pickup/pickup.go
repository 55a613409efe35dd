// Package pickup holds the rules of a pickup at home that a citizen asks for online
// (domain §5, the post office as a door): the post comes on a day and half-day to take
// the dossier at the citizen's address, checks it there and registers it, naming the
// pickup. No I/O.
package pickup

import (
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/postal/domain/shipment"
	"github.com/motcua/motcua/services/worktime"
)

// Slot is the half-day the citizen asks the post to come.
type Slot string

// The half-days.
const (
	Morning   Slot = "morning"
	Afternoon Slot = "afternoon"
)

// Limits on a pickup asked for.
const (
	// MaxDaysAhead is how far ahead a pickup may be asked for.
	MaxDaysAhead    = 30
	MaxAddressRunes = 500
	maxCodeRunes    = 40
)

// Ask is a citizen's request for a pickup at home, as the API takes it.
type Ask struct {
	ProcedureCode   string `json:"procedure_code"`
	ReceivingOffice string `json:"receiving_office"`
	Address         string `json:"address"`
	Date            string `json:"date"`
	Slot            Slot   `json:"slot"`
}

// Normalize cleans the request's text (NFC, trimmed, single spaces; codes trimmed,
// the slot in lower case).
func (a *Ask) Normalize() {
	a.ProcedureCode = strings.TrimSpace(a.ProcedureCode)
	a.ReceivingOffice = strings.TrimSpace(a.ReceivingOffice)
	a.Address = textnorm.Clean(a.Address)
	a.Date = strings.TrimSpace(a.Date)
	a.Slot = Slot(strings.ToLower(strings.TrimSpace(string(a.Slot))))
}

// Validate checks a normalized request on its own, today being the day it is asked
// (the offices are the caller's to check), and returns the day asked for.
func (a Ask) Validate(today worktime.Date) (worktime.Date, *shipment.FieldError) {
	var day worktime.Date
	switch {
	case a.ProcedureCode == "":
		return day, shipment.Invalid("procedure_code", "required")
	case utf8.RuneCountInString(a.ProcedureCode) > maxCodeRunes:
		return day, shipment.Invalid("procedure_code", "too_long")
	case a.ReceivingOffice == "":
		return day, shipment.Invalid("receiving_office", "required")
	case utf8.RuneCountInString(a.ReceivingOffice) > maxCodeRunes:
		return day, shipment.Invalid("receiving_office", "too_long")
	case a.Address == "":
		return day, shipment.Invalid("address", "required")
	case utf8.RuneCountInString(a.Address) > MaxAddressRunes:
		return day, shipment.Invalid("address", "too_long", MaxAddressRunes)
	case a.Slot != Morning && a.Slot != Afternoon:
		return day, shipment.Invalid("slot", "invalid_slot")
	}
	day, err := worktime.ParseDate(a.Date)
	switch {
	case a.Date == "":
		return day, shipment.Invalid("date", "required")
	case err != nil:
		return day, shipment.Invalid("date", "invalid_date")
	case day.Before(today) || day.After(today.AddDays(MaxDaysAhead)):
		return day, shipment.Invalid("date", "out_of_range", MaxDaysAhead)
	}
	return day, nil
}
