package store

import (
	"time"

	"github.com/google/uuid"
)

// Step is one entry of a dossier's timeline, as kept in the row's JSON: a fold writes
// it, a citizen's lookup reads it back.
type Step struct {
	Version int64     `json:"version"`
	EventID uuid.UUID `json:"event_id"`
	At      time.Time `json:"at"`
	// Type names the step: the event's kind, or result_transferred / result_accepted
	// for the legs of the result on its way back.
	Type string `json:"type"`
	// The office concerned: where a transfer goes, otherwise the office that acted.
	OfficeCode string      `json:"office_code"`
	OfficeName string      `json:"office_name"`
	Detail     *StepDetail `json:"detail,omitempty"`
	// Receipt is the receipt of a fee paid (a payment_recorded step whose event carries
	// one).
	Receipt *Receipt `json:"receipt,omitempty"`
}

// Receipt is the receipt given for a fee paid: at the desk, or the electronic receipt
// intake issued for a fee paid online. Its time is its step's.
type Receipt struct {
	Number    string `json:"number"`
	AmountVND int64  `json:"amount_vnd"`
	Online    bool   `json:"online,omitempty"`
}

// StepDetail is what a citizen may learn of a step beyond its name: the documents a
// supplement request asks for, the new appointment of an apology.
type StepDetail struct {
	Items    []string   `json:"items,omitempty"`
	NewDueAt *time.Time `json:"new_due_at,omitempty"`
}
