package citizen

import (
	"time"

	"github.com/motcua/motcua/services/status/adapters/store"
	"github.com/motcua/motcua/services/status/domain/tracking"
)

// Ref names an office or a procedure.
type Ref struct {
	Code string
	Name string
}

// View is a dossier as a citizen reads it, in one language, with times in the offices'
// time zone.
type View struct {
	Code        string
	Procedure   Ref
	Status      string
	StatusCode  int
	StatusLabel string
	ReceivedAt  time.Time
	DueAt       time.Time
	// Timing is "" for a withdrawn dossier, which is not scored.
	Timing tracking.Timing
	// RemainingHours is the working time left before the appointment (negative past
	// it, 0 once finished).
	RemainingHours float64
	CurrentOffice  Ref
	// PendingOffice is the office the dossier is on its way to, if any.
	PendingOffice *Ref
	// Applicant is the applicant's masked name.
	Applicant string
	Timeline  []Step
	Shipments []Shipment
}

// Step is one entry of the timeline: a step of the dossier or an event of a shipment.
type Step struct {
	At    time.Time
	Type  string
	Label string
	// Office is always there for a step of the dossier; for a shipment event, the
	// office the leg goes to (or leaves from, for a delivery to the applicant).
	Office *Ref
	Detail *Detail
	// TrackingNumber is the shipment of a shipment event.
	TrackingNumber string
}

// Detail is what a citizen may learn of a step beyond its name.
type Detail struct {
	// Items are the documents a supplement request asks for.
	Items []string
	// NewDueAt is the new appointment of an apology.
	NewDueAt *time.Time
}

// Shipment is a postal leg of the dossier.
type Shipment struct {
	TrackingNumber string
	// Kind is the leg: pickup, transfer, delivery or return.
	Kind        string
	Status      string
	StatusLabel string
	UpdatedAt   time.Time
}

// Returned reports whether the result has been handed back: the service may be rated.
func (v View) Returned() bool { return v.Status == "returned" }

// View puts t in words in lang, as it stands at now.
func (d *Desk) View(t store.Tracked, now time.Time, lang tracking.Lang) View {
	standing := tracking.Standing{Status: t.Status, Final: t.Timing, DueAt: t.DueAt, FinishedAt: t.FinishedAt,
		PausedAt: t.PausedAt}
	v := View{
		Code:           t.Code,
		Procedure:      Ref{Code: t.ProcedureCode, Name: t.ProcedureName},
		Status:         t.Status,
		StatusCode:     t.StatusCode,
		StatusLabel:    tracking.StatusLabel(t.Status, lang),
		ReceivedAt:     d.local(t.ReceivedAt),
		DueAt:          d.local(t.DueAt),
		Timing:         standing.At(now, d.Location),
		RemainingHours: standing.RemainingHours(now, d.Calendar()),
		CurrentOffice:  Ref{Code: t.CurrentOfficeCode, Name: t.CurrentOfficeName},
		Applicant:      t.ApplicantMasked,
		Timeline:       d.timeline(t, lang),
		Shipments:      make([]Shipment, 0, len(t.Shipments)),
	}
	if t.PendingOfficeCode != "" {
		v.PendingOffice = &Ref{Code: t.PendingOfficeCode, Name: t.PendingOfficeName}
	}
	for _, s := range t.Shipments {
		v.Shipments = append(v.Shipments, Shipment{TrackingNumber: s.TrackingNumber, Kind: s.Kind,
			Status: s.Status, StatusLabel: tracking.ShipmentStatusLabel(s.Status, s.ReasonCode, lang),
			UpdatedAt: d.local(s.UpdatedAt)})
	}
	return v
}

// timeline is the dossier's steps (in version order) and its shipment events (by time)
// merged by time: a shipment event goes before the first dossier step that happened
// after it, and after dossier steps of the same instant. The dossier's steps keep their
// order whatever their times.
func (d *Desk) timeline(t store.Tracked, lang tracking.Lang) []Step {
	out := make([]Step, 0, len(t.Timeline)+len(t.Postal))
	names := officeNames(t)
	postal := func(p store.PostalStep) Step {
		step := Step{At: d.local(p.At), Type: tracking.PostalStepType(p.Type), TrackingNumber: p.TrackingNumber,
			Label: tracking.PostalStepLabel(tracking.PostalStep{Kind: p.Kind, Type: p.Type,
				AtAddress: p.FromOfficeCode == "", Reason: p.ReasonCode}, lang)}
		office := p.ToOfficeCode
		if office == "" {
			office = p.FromOfficeCode
		}
		if office != "" {
			step.Office = &Ref{Code: office, Name: names[office]}
		}
		return step
	}
	i := 0
	for _, s := range t.Timeline {
		for ; i < len(t.Postal) && t.Postal[i].At.Before(s.At); i++ {
			out = append(out, postal(t.Postal[i]))
		}
		step := Step{At: d.local(s.At), Type: s.Type,
			Label: tracking.StepLabel(s.Type, lang), Office: &Ref{Code: s.OfficeCode, Name: s.OfficeName}}
		if s.Detail != nil {
			step.Detail = &Detail{Items: s.Detail.Items}
			if s.Detail.NewDueAt != nil {
				due := d.local(*s.Detail.NewDueAt)
				step.Detail.NewDueAt = &due
			}
		}
		out = append(out, step)
	}
	for ; i < len(t.Postal); i++ {
		out = append(out, postal(t.Postal[i]))
	}
	return out
}

// officeNames are the names of the offices the dossier knows, by code: shipment events
// carry codes only.
func officeNames(t store.Tracked) map[string]string {
	names := map[string]string{}
	add := func(code, name string) {
		if code != "" && name != "" {
			names[code] = name
		}
	}
	add(t.ReceivingOfficeCode, t.ReceivingOfficeName)
	add(t.HandlingOfficeCode, t.HandlingOfficeName)
	for _, s := range t.Timeline {
		add(s.OfficeCode, s.OfficeName)
	}
	add(t.CurrentOfficeCode, t.CurrentOfficeName)
	add(t.PendingOfficeCode, t.PendingOfficeName)
	return names
}

// local shows a time as the offices keep it: their time zone, whole seconds.
func (d *Desk) local(t time.Time) time.Time { return t.In(d.Location).Truncate(time.Second) }
