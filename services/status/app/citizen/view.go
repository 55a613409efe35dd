package citizen

import (
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/status/domain/tracking"
	"github.com/motcua/motcua/services/worktime"
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
	// SubmittedAt is when the citizen submitted the dossier online; nil for one
	// registered at a desk.
	SubmittedAt *time.Time
	// ReceivedAt and DueAt are nil until a desk receives a dossier submitted online:
	// its clock has not started, it has no appointment yet.
	ReceivedAt *time.Time
	DueAt      *time.Time
	// Timing is "" for a withdrawn dossier, which is not scored, and for one whose
	// clock has not started.
	Timing worktime.Timing
	// RemainingHours is the working time left before the appointment (negative past
	// it, 0 once finished or while the clock has not started).
	RemainingHours float64
	CurrentOffice  Ref
	// PendingOffice is the office the dossier is on its way to, if any.
	PendingOffice *Ref
	// Applicant is the applicant's masked name.
	Applicant string
	Timeline  []Step
	Shipments []Shipment
	// Result is the result's file the citizen can download (ResultURL); nil when there
	// is none (a result not given electronically, or not ready yet).
	Result *ResultFile
	// FeeDueVND is the dossier's fee, FeePaidVND what was paid of it; Receipts are the
	// receipts of the fees paid (times in the offices' time zone), oldest first.
	FeeDueVND  int64
	FeePaidVND int64
	Receipts   []Receipt
	// HandedInAt is the post office that took the dossier at its counter or at the
	// citizen's door; nil for a dossier handed in otherwise.
	HandedInAt *Ref
	// Collection is where the citizen collects the result, when that is the counter of a
	// post office; nil otherwise.
	Collection *Collection
	// HeldBy is who has held the dossier, in turn (heldBy).
	HeldBy []Holding
	// Notices are the notices the citizen was sent, by time, named in the view's
	// language.
	Notices []Notice
}

// Notice is a notice the citizen was sent: what it told and how, in words, and when.
type Notice struct {
	Kind, Channel           string
	KindLabel, ChannelLabel string
	At                      time.Time
}

// Collection is where the citizen collects the result: the method (post_office, the
// one there is) and the post office, named by its code and name only.
type Collection struct {
	Method     string
	PostOffice Ref
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

// Finished reports whether the dossier is done with: its result returned, or refused,
// stopped or withdrawn. Intake takes no fee online for a finished dossier.
func (v View) Finished() bool {
	switch v.Status {
	case "returned", "refused", "stopped", "withdrawn":
		return true
	}
	return false
}

// FeeOwedVND is what the dossier still owes of its fee; 0 when nothing.
func (v View) FeeOwedVND() int64 { return max(v.FeeDueVND-v.FeePaidVND, 0) }

// Started reports whether the dossier's clock has started: a desk received it and gave
// it an appointment. One submitted online has not, until a desk checks and receives it.
func (v View) Started() bool { return v.DueAt != nil }

// AwaitsCheck reports whether the dossier, submitted online or at a post office, waits
// for a desk to check it (and to receive it, ask for what is missing, or refuse it).
func (v View) AwaitsCheck() bool { return v.Status == "submitted" }

// SubmittedAtPost is the first step of a dossier a post office took at its counter or
// at the citizen's door.
const SubmittedAtPost = "submitted_at_post"

// CollectAtPostOffice is the method of a result collected at a post office's counter.
const CollectAtPostOffice = "post_office"

// View puts t in words in lang, as it stands at now.
func (s *Service) View(t Tracked, now time.Time, lang vocabulary.Lang) View {
	v := View{
		Code:           t.Code,
		Procedure:      Ref{Code: t.ProcedureCode, Name: t.ProcedureName},
		Status:         t.Status,
		StatusCode:     t.StatusCode,
		StatusLabel:    vocabulary.Status(t.Status).In(lang),
		SubmittedAt:    s.localIfAny(t.SubmittedAt),
		ReceivedAt:     s.localIfAny(t.ReceivedAt),
		DueAt:          s.localIfAny(t.DueAt),
		Timing:         t.Standing.At(now, s.location),
		RemainingHours: t.Standing.RemainingHours(now, s.calendar()),
		CurrentOffice:  Ref{Code: t.CurrentOfficeCode, Name: t.CurrentOfficeName},
		Applicant:      t.ApplicantMasked,
		Timeline:       s.timeline(t, lang),
		HeldBy:         s.heldBy(t, lang),
		Notices:        make([]Notice, len(t.Notices)),
		Shipments:      make([]Shipment, 0, len(t.Shipments)),
		Result:         t.Result,
		FeeDueVND:      t.FeeDueVND,
		FeePaidVND:     t.FeePaidVND,
		Receipts:       make([]Receipt, len(t.Receipts)),
	}
	for i, r := range t.Receipts {
		r.At = s.local(r.At)
		v.Receipts[i] = r
	}
	for i, n := range t.Notices {
		v.Notices[i] = Notice{Kind: n.Kind, Channel: n.Channel, At: s.local(n.At),
			KindLabel: vocabulary.NoticeName(n.Kind).In(lang), ChannelLabel: vocabulary.NoticeName("channel." + n.Channel).In(lang)}
	}
	if t.PendingOfficeCode != "" {
		v.PendingOffice = &Ref{Code: t.PendingOfficeCode, Name: t.PendingOfficeName}
	}
	if len(t.Timeline) > 0 && t.Timeline[0].Type == SubmittedAtPost {
		v.HandedInAt = &Ref{Code: t.Timeline[0].OfficeCode, Name: t.Timeline[0].OfficeName}
	}
	if p := t.ResultPostOffice; p != nil {
		v.Collection = &Collection{Method: CollectAtPostOffice, PostOffice: *p}
	}
	for _, leg := range t.Shipments {
		v.Shipments = append(v.Shipments, Shipment{TrackingNumber: leg.TrackingNumber, Kind: leg.Kind,
			Status: leg.Status, StatusLabel: tracking.ShipmentStatus(leg.Status, leg.ReasonCode).In(lang),
			UpdatedAt: s.local(leg.UpdatedAt)})
	}
	return v
}

// timeline is the dossier's steps (in version order) and its shipment events (by time)
// merged by time: a shipment event goes before the first dossier step that happened
// after it, and after dossier steps of the same instant. The dossier's steps keep their
// order whatever their times.
func (s *Service) timeline(t Tracked, lang vocabulary.Lang) []Step {
	out := make([]Step, 0, len(t.Timeline)+len(t.Postal))
	names := officeNames(t)
	walk(t, func(own DossierStep) {
		step := Step{At: s.local(own.At), Type: own.Type,
			Label: vocabulary.TimelineStep(own.Type).In(lang), Office: &Ref{Code: own.OfficeCode, Name: own.OfficeName}}
		if own.Detail != nil {
			step.Detail = &Detail{Items: own.Detail.Items, NewDueAt: s.localIfAny(own.Detail.NewDueAt)}
		}
		out = append(out, step)
	}, func(p PostalStep) {
		step := Step{At: s.local(p.At), Type: tracking.PostalStepType(p.Type), TrackingNumber: p.TrackingNumber,
			Label: tracking.PostalStep{Kind: p.Kind, Type: p.Type, AtAddress: p.FromOfficeCode == "",
				Reason: p.ReasonCode}.Words().In(lang)}
		office := p.ToOfficeCode
		if office == "" {
			office = p.FromOfficeCode
		}
		if office != "" {
			step.Office = &Ref{Code: office, Name: names[office]}
		}
		out = append(out, step)
	})
	return out
}

// walk calls own for each of the dossier's steps, in version order, and postal for each
// shipment event, merged by time as the timeline shows them: a shipment event before the
// first dossier step that happened after it, and after dossier steps of the same
// instant.
func walk(t Tracked, own func(DossierStep), postal func(PostalStep)) {
	i := 0
	for _, step := range t.Timeline {
		for ; i < len(t.Postal) && t.Postal[i].At.Before(step.At); i++ {
			postal(t.Postal[i])
		}
		own(step)
	}
	for ; i < len(t.Postal); i++ {
		postal(t.Postal[i])
	}
}

// officeNames are the names of the offices the dossier knows, by code: shipment events
// carry codes only.
func officeNames(t Tracked) map[string]string {
	names := map[string]string{}
	add := func(code, name string) {
		if code != "" && name != "" {
			names[code] = name
		}
	}
	add(t.ReceivingOfficeCode, t.ReceivingOfficeName)
	add(t.HandlingOfficeCode, t.HandlingOfficeName)
	for _, step := range t.Timeline {
		add(step.OfficeCode, step.OfficeName)
	}
	add(t.CurrentOfficeCode, t.CurrentOfficeName)
	add(t.PendingOfficeCode, t.PendingOfficeName)
	return names
}

// local shows a time as the offices keep it: their time zone, whole seconds.
func (s *Service) local(t time.Time) time.Time { return t.In(s.location).Truncate(time.Second) }

// localIfAny is local for a time that may be absent (nil stays nil).
func (s *Service) localIfAny(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	l := s.local(*t)
	return &l
}
