package app

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/worktime"
)

// Reader shows whole dossiers to the staff of their offices, personal data included,
// and audits every such read.
type Reader struct {
	Dossiers DossierStore
	// Files holds the bytes of the files handed in.
	Files    FileStore
	Catalog  *Catalog
	Calendar *worktime.Live
	Sealer   *sealing.Sealer
	Now      func() time.Time
	// AtRiskHours: an open dossier due within this many working hours is at risk
	// (MOTCUA_AT_RISK_HOURS), on the work list's tab of its own.
	AtRiskHours int
}

// Whole is a dossier as its offices' staff see it.
type Whole struct {
	State
	Procedure        OfficeRef              `json:"procedure"`
	ReceivingOffice  OfficeRef              `json:"receiving_office"`
	HandlingOffice   OfficeRef              `json:"handling_office"`
	Channel          string                 `json:"channel"`
	TimeLimitHours   int                    `json:"time_limit_hours"`
	Applicant        dossier.Applicant      `json:"applicant"`
	Documents        []dossier.Document     `json:"documents"`
	ResultDelivery   dossier.ResultDelivery `json:"result_delivery"`
	FeeReceiptNumber string                 `json:"fee_receipt_number,omitempty"`
	RegisteredBy     string                 `json:"registered_by"`
	SupplementCount  int                    `json:"supplement_requests"`
	Extended         bool                   `json:"extended"`
	Steps            []StepView             `json:"steps"`
	// Files are the files handed in with the dossier; their bytes are read one by one
	// (ReadFile), each read audited.
	Files []FileView `json:"files"`
	// Left is the working time until the appointment while within the deadline, the
	// working time past it when overdue (see Timing); for a paused clock, as of when it
	// stopped; 0 once finished.
	Left time.Duration `json:"-"`
}

// magnitude is d without its sign: the time left or the time overdue, which the timing
// tells apart.
func magnitude(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// Opened is a dossier read for a purpose, with its personal data opened.
type Opened struct {
	DossierRecord
	Applicant     dossier.Applicant
	ResultAddress string
	LookupPIN     string
}

// Open reads the dossier with code for who, opens its personal data and audits the read
// with purpose. It fails with ErrNotFound when there is no such dossier and, alike, when
// who belongs to none of its offices: staff cannot probe which codes exist.
func (r *Reader) Open(ctx context.Context, who *auth.Principal, code, purpose string) (*Opened, error) {
	rec, ok, err := r.Dossiers.Dossier(ctx, code)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	if !mayOpen(rec, who, purpose) {
		return nil, ErrNotFound
	}
	o, err := r.unseal(rec)
	if err != nil {
		return nil, err
	}
	if err := r.Dossiers.RecordReads(ctx, []uuid.UUID{rec.ID}, who.Username, purpose); err != nil {
		return nil, err
	}
	return o, nil
}

// mayOpen reports whether who may open rec for purpose: staff of an office the
// dossier involves; a postal worker only to print the dispatch slip of a dossier their
// post office took, and only while its papers are on the road to the desk (domain §5:
// postal workers must not disclose dossier contents, and the slip carries the PIN).
func mayOpen(rec DossierRecord, who *auth.Principal, purpose string) bool {
	if who.Role == auth.RolePostal {
		return purpose == purposeDispatchSlip && rec.Counter.PostOffice != "" && who.InOffice(rec.Counter.PostOffice) &&
			rec.State.PapersOnTheRoad()
	}
	return involves(rec, who)
}

// purposeDispatchSlip is the purpose of a read that prints a dossier's dispatch slip.
const purposeDispatchSlip = "print " + string(dossier.FormDispatchSlip)

// unseal is rec with its personal data opened; auditing the read is the caller's.
func (r *Reader) unseal(rec DossierRecord) (o *Opened, err error) {
	o = &Opened{DossierRecord: rec}
	s := r.Sealer
	fields := []struct {
		name   string
		sealed []byte
		into   *string
	}{
		{"applicant_id", rec.IDSealed, &o.Applicant.IDNumber},
		{"applicant_phone", rec.PhoneSealed, &o.Applicant.Phone},
		{"applicant_email", rec.EmailSealed, &o.Applicant.Email},
		{"applicant_address", rec.AddressSealed, &o.Applicant.Address},
		{"result_address", rec.ResultAddressSealed, &o.ResultAddress},
		{pinField, rec.PINSealed, &o.LookupPIN},
	}
	for _, f := range fields {
		if len(f.sealed) == 0 {
			continue
		}
		if *f.into, err = s.Open(f.name, f.sealed); err != nil {
			return nil, fmt.Errorf("read dossier: %s: %w", f.name, err)
		}
	}
	o.Applicant.FullName = rec.ApplicantName
	return o, nil
}

// Dossier returns the whole dossier with code for who (see Open).
func (r *Reader) Dossier(ctx context.Context, who *auth.Principal, code string) (*Whole, error) {
	o, err := r.Open(ctx, who, code, "view")
	if err != nil {
		return nil, err
	}
	name := r.Catalog.officeNamer(ctx)
	cal := r.Calendar.Calendar()
	loc := cal.Location()
	now := r.Now()
	st := o.State
	w := &Whole{
		State:           stateView(o.ID.String(), o.Code, st, actorOf(who), now, loc, name),
		Procedure:       r.procedure(ctx, o.ProcedureCode),
		ReceivingOffice: officeRef(st.ReceivingOffice, name), HandlingOffice: officeRef(st.HandlingOffice, name),
		Channel: o.Channel, TimeLimitHours: o.State.TimeLimitHours, Applicant: o.Applicant, Documents: o.Documents,
		ResultDelivery:   dossier.ResultDelivery{Method: st.ResultDelivery, Address: o.ResultAddress},
		FeeReceiptNumber: o.FeeReceiptNumber, RegisteredBy: o.RegisteredBy,
		SupplementCount: st.SupplementRequests, Extended: st.Extended, Steps: []StepView{},
		Files: fileViews(o.Code, o.Files, loc), Left: magnitude(st.WorkingTimeLeft(now, cal)),
	}
	w.SubmittedAt = o.SubmittedAt.In(loc)
	for _, s := range o.Steps {
		w.Steps = append(w.Steps, stepView(s, loc, name))
	}
	if n := len(w.Steps); n > 0 {
		w.LastStep = &w.Steps[n-1]
	}
	return w, nil
}

// procedure is the procedure with code, by its code and name, as the views show it.
func (r *Reader) procedure(ctx context.Context, code string) OfficeRef {
	return OfficeRef{Code: code, Name: r.procedureName(ctx, code)}
}

// procedureName is the name of the procedure with code, or the code when the catalogue
// does not know it.
func (r *Reader) procedureName(ctx context.Context, code string) string {
	if p, ok, err := r.Catalog.Procedure(ctx, code); err == nil && ok {
		return p.Name
	}
	return code
}

// involves reports whether who belongs to an office the dossier has been at or is going to.
func involves(rec DossierRecord, who *auth.Principal) bool {
	st := rec.State
	offices := []string{st.ReceivingOffice, st.HandlingOffice, st.CurrentOffice, st.PendingOffice}
	for _, s := range rec.Steps {
		offices = append(offices, s.Office, s.ToOffice)
	}
	return slices.ContainsFunc(offices, func(o string) bool { return o != "" && who.InOffice(o) })
}
