package forms

import (
	"errors"
	"time"
)

// ErrNotAvailable reports that the dossier has no such form yet: a supplement
// request without a supplement, a refusal without a refusal, an apology without an
// extension.
var ErrNotAvailable = errors.New("forms: the dossier has no such form")

// Office is an office by its code and its name (the name is printed; the code
// stands in when the name is empty).
type Office struct{ Code, Name string }

// Document is a paper handed in or asked for: its name, its kind ("original",
// "certified_copy" or "copy"; anything else is printed as given) and the number of
// sets (0 leaves the count blank).
type Document struct {
	Name   string
	Kind   string
	Copies int
}

// Applicant is the person who handed the dossier in. IDNumber is carried for the
// caller's convenience; no form prints it.
type Applicant struct{ FullName, IDNumber, Phone, Email, Address string }

// Step is one hand-over of the dossier, a row of the control slip.
type Step struct {
	At                   time.Time
	Action               string // the dossier action ("transfer", "accept", …), printed as a note
	From, To             Office
	FromPerson, ToPerson string
	Timing               string // "early", "on_time", "late" or "" (not judged)
	Note                 string
}

// SupplementRequest is a request to the citizen to supplement the dossier.
type SupplementRequest struct {
	At      time.Time
	Items   []Document
	Reason  string
	Officer string // the officer to contact
	Office  Office // the officer's office (the handling office when empty)
}

// Refusal is the refusal to accept or to handle the dossier.
type Refusal struct {
	At      time.Time
	Reason  string
	Officer string
	Office  Office
}

// Apology is an apology for a late result, with a new appointment.
type Apology struct {
	At            time.Time
	Reason        string // why the result is late
	Officer       string
	Office        Office
	OriginalDueAt time.Time
	NewDueAt      time.Time
}

// Dossier is everything the forms print about one dossier. Zero times and empty
// strings print as dotted blanks to fill in by hand.
type Dossier struct {
	Code, LookupPIN, LookupURL   string
	ProcedureCode, ProcedureName string
	// TimeLimitHours is the legal time limit in working hours (8 make a working
	// day); 0 means the same day.
	TimeLimitHours                  int
	ReceivingOffice, HandlingOffice Office
	Applicant                       Applicant
	Documents                       []Document
	ReceivedAt, DueAt               time.Time
	ResultDelivery                  string // "desk", "post" or "electronic"
	ResultAddress                   string // the post address, for "post"
	FeeDueVND, FeePaidVND           int64
	FeeReceiptNumber                string
	RegisteredBy                    string // the receiving officer's name or username
	RegisterEntry                   string // e.g. "Sổ 2026, số 0001"
	Steps                           []Step
	Supplement                      *SupplementRequest // the latest, nil if none
	Refusal                         *Refusal
	Apology                         *Apology // the latest, nil if none
	// Counter is the post office's side of a dossier a post office took; nil for any
	// other dossier, which has no dispatch slip.
	Counter *Counter
	// ResultPostOffice is where the citizen collects the result (ResultDelivery
	// "post_office").
	ResultPostOffice Office
}

// Counter is what a post office did when it took the dossier: where and when, the
// worker, the seal, the postage and the pickup shipment that carries it to the desk.
type Counter struct {
	PostOffice     Office
	At             time.Time
	Worker         string
	SealNumber     string
	PostageVND     int64
	TrackingNumber string
}
