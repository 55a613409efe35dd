package store

import (
	"encoding/json"
	"time"

	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// stepDetails is what a step's form prints beyond the common columns.
type stepDetails struct {
	Items          []dossier.Document `json:"items,omitempty"`
	OldDueAt       *time.Time         `json:"old_due_at,omitempty"`
	NewDueAt       *time.Time         `json:"new_due_at,omitempty"`
	Outcome        dossier.Outcome    `json:"outcome,omitempty"`
	AmountVND      int64              `json:"amount_vnd,omitempty"`
	ReceiptNumber  string             `json:"receipt_number,omitempty"`
	TrackingNumber string             `json:"tracking_number,omitempty"`
}

// StepDetailsJSON is the details column of step s in dossier_steps, as the store writes
// it; a bulk load of dossiers writes the same.
func StepDetailsJSON(s dossier.Step) ([]byte, error) {
	return json.Marshal(stepDetails{Items: s.Items, OldDueAt: s.OldDueAt, NewDueAt: s.NewDueAt,
		Outcome: s.Outcome, AmountVND: s.AmountVND, ReceiptNumber: s.ReceiptNumber,
		TrackingNumber: s.TrackingNumber})
}

func (d stepDetails) apply(s *dossier.Step) {
	s.Items, s.OldDueAt, s.NewDueAt = d.Items, d.OldDueAt, d.NewDueAt
	s.Outcome, s.AmountVND, s.ReceiptNumber = d.Outcome, d.AmountVND, d.ReceiptNumber
	s.TrackingNumber = d.TrackingNumber
}
