package app

import (
	"context"
	"time"

	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// OfficeRef names an office in an answer.
type OfficeRef struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// StepView is one entry of the hand-over log in an answer.
type StepView struct {
	Action         string             `json:"action"`
	At             time.Time          `json:"at"`
	By             string             `json:"by"`
	Office         OfficeRef          `json:"office"`
	FromOffice     *OfficeRef         `json:"from_office,omitempty"`
	ToOffice       *OfficeRef         `json:"to_office,omitempty"`
	Via            string             `json:"via,omitempty"`
	Timing         string             `json:"timing,omitempty"`
	Note           string             `json:"note,omitempty"`
	Reason         string             `json:"reason,omitempty"`
	Items          []dossier.Document `json:"items,omitempty"`
	OldDueAt       *time.Time         `json:"old_due_at,omitempty"`
	NewDueAt       *time.Time         `json:"new_due_at,omitempty"`
	Outcome        string             `json:"outcome,omitempty"`
	AmountVND      int64              `json:"amount_vnd,omitempty"`
	ReceiptNumber  string             `json:"receipt_number,omitempty"`
	TrackingNumber string             `json:"tracking_number,omitempty"`
}

// Heading is what staff see first of a dossier, in a search's hits as at the head of the
// dossier: what it is, how it stands (in Vietnamese too), when it is due and who holds it.
type Heading struct {
	Code        string `json:"code"`
	Status      string `json:"status"`
	StatusLabel string `json:"status_label"`
	// ReceivedAt and DueAt are absent while a dossier submitted online awaits the
	// desk's check (SubmittedAt says since when).
	ReceivedAt    time.Time `json:"received_at,omitzero"`
	DueAt         time.Time `json:"due_at,omitzero"`
	SubmittedAt   time.Time `json:"submitted_at,omitzero"`
	CurrentOffice OfficeRef `json:"current_office"`
}

// State is the part of a dossier staff act on, without personal data: what an action
// answers with, and the head of the whole dossier.
type State struct {
	ID string `json:"id"`
	Heading
	StatusCode     int        `json:"status_code"`
	StatusLabelEN  string     `json:"status_label_en"`
	PendingOffice  *OfficeRef `json:"pending_office,omitempty"`
	OriginalDueAt  time.Time  `json:"original_due_at,omitzero"`
	ClockPaused    bool       `json:"clock_paused"`
	Timing         string     `json:"timing,omitempty"`
	FinishedAt     *time.Time `json:"finished_at,omitempty"`
	Outcome        string     `json:"outcome,omitempty"`
	FeeDueVND      int64      `json:"fee_due_vnd"`
	FeePaidVND     int64      `json:"fee_paid_vnd"`
	Version        int        `json:"version"`
	AllowedActions []string   `json:"allowed_actions"`
	LastStep       *StepView  `json:"last_step,omitempty"`
}

// OfficeName names the office with code from the catalogue; an office it cannot find
// is named by its code.
func (c *Catalog) OfficeName(ctx context.Context, code string) string {
	if o, ok, err := c.Office(ctx, code); err == nil && ok {
		return o.Name
	}
	return code
}

// officeNamer returns OfficeName bound to ctx.
func (c *Catalog) officeNamer(ctx context.Context) func(string) string {
	return func(code string) string { return c.OfficeName(ctx, code) }
}

func officeRef(code string, name func(string) string) OfficeRef {
	return OfficeRef{Code: code, Name: name(code)}
}

func optionalOffice(code string, name func(string) string) *OfficeRef {
	if code == "" {
		return nil
	}
	r := officeRef(code, name)
	return &r
}

// stateView builds the State answer of a dossier for actor, as of now.
func stateView(id, code string, st dossier.State, actor dossier.Actor, now time.Time, loc *time.Location, name func(string) string) State {
	vi, en := st.Status.Labels()
	v := State{
		ID: id, Heading: Heading{Code: code, Status: string(st.Status), StatusLabel: vi,
			ReceivedAt: st.ReceivedAt.In(loc), DueAt: st.DueAt.In(loc), CurrentOffice: officeRef(st.CurrentOffice, name)},
		StatusCode: st.Status.NationalCode(), StatusLabelEN: en, PendingOffice: optionalOffice(st.PendingOffice, name),
		OriginalDueAt: st.OriginalDueAt.In(loc),
		ClockPaused:   st.PausedAt != nil, Timing: string(st.TimingAt(now)), Outcome: string(st.Outcome),
		FeeDueVND: st.FeeDueVND, FeePaidVND: st.FeePaidVND, Version: st.Version,
		AllowedActions: []string{},
	}
	if st.FinishedAt != nil {
		f := st.FinishedAt.In(loc)
		v.FinishedAt = &f
	}
	for _, a := range st.AllowedFor(actor) {
		v.AllowedActions = append(v.AllowedActions, string(a))
	}
	return v
}

func stepView(s dossier.Step, loc *time.Location, name func(string) string) StepView {
	v := StepView{Action: string(s.Action), At: s.At.In(loc), By: s.Actor, Office: officeRef(s.Office, name),
		FromOffice: optionalOffice(s.FromOffice, name), ToOffice: optionalOffice(s.ToOffice, name),
		Via: string(s.Via), Timing: string(s.Timing), Note: s.Note, Reason: s.Reason, Items: s.Items,
		Outcome: string(s.Outcome), AmountVND: s.AmountVND, ReceiptNumber: s.ReceiptNumber,
		TrackingNumber: s.TrackingNumber}
	if s.OldDueAt != nil {
		t := s.OldDueAt.In(loc)
		v.OldDueAt = &t
	}
	if s.NewDueAt != nil {
		t := s.NewDueAt.In(loc)
		v.NewDueAt = &t
	}
	return v
}
