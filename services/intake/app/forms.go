package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/forms"
	"github.com/motcua/motcua/services/platform/auth"
)

// LookupPath is the citizen's lookup page; the receipt's QR code opens it for the dossier.
const LookupPath = "/tra-cuu"

// Form gathers what the printable forms of the dossier with code need, for who to print
// with kind (audited as a read of personal data). publicURL is the address citizens
// reach the product at, for the receipt's QR code.
func (r *Reader) Form(ctx context.Context, who *auth.Principal, code string, kind forms.Kind, publicURL string) (forms.Dossier, error) {
	if who.Role == auth.RolePostal && kind != forms.KindDispatchSlip {
		return forms.Dossier{}, fmt.Errorf("print %s: %w", kind, ErrForbidden) // the post prints only its slip
	}
	o, err := r.Open(ctx, who, code, "print "+string(kind))
	if err != nil {
		return forms.Dossier{}, err
	}
	return r.form(ctx, o, publicURL), nil
}

// citizensForm gathers what the forms of dossier rec need for the product itself to
// send them to the citizen who submitted it, at the address they verified. It is no
// read of a member of staff, and the citizen reading their own data needs no audit:
// it records none.
func (r *Reader) citizensForm(ctx context.Context, rec DossierRecord, publicURL string) (forms.Dossier, error) {
	o, err := r.unseal(rec)
	if err != nil {
		return forms.Dossier{}, err
	}
	return r.form(ctx, o, publicURL), nil
}

// form is what the printable forms of dossier o need (see Form).
func (r *Reader) form(ctx context.Context, o *Opened, publicURL string) forms.Dossier {
	name := r.Catalog.officeNamer(ctx)
	office := func(code string) forms.Office { return forms.Office{Code: code, Name: name(code)} }
	st := o.State
	q := url.Values{"code": {o.Code}, "pin": {o.LookupPIN}}
	d := forms.Dossier{
		Code: o.Code, LookupPIN: o.LookupPIN, LookupURL: strings.TrimRight(publicURL, "/") + LookupPath + "?" + q.Encode(),
		ProcedureCode: o.ProcedureCode, ProcedureName: r.procedureName(ctx, o.ProcedureCode),
		TimeLimitHours:  o.State.TimeLimitHours,
		ReceivingOffice: office(st.ReceivingOffice), HandlingOffice: office(st.HandlingOffice),
		Applicant: forms.Applicant{FullName: o.Applicant.FullName, IDNumber: o.Applicant.IDNumber,
			Phone: o.Applicant.Phone, Email: o.Applicant.Email, Address: o.Applicant.Address},
		ReceivedAt: st.ReceivedAt, DueAt: st.OriginalDueAt,
		ResultDelivery: string(st.ResultDelivery), ResultAddress: o.ResultAddress,
		FeeDueVND: st.FeeDueVND, FeePaidVND: st.FeePaidVND, FeeReceiptNumber: o.FeeReceiptNumber,
		RegisteredBy: o.RegisteredBy, RegisterEntry: registerEntry(o.Code, st.ReceivedAt.In(r.Calendar.Calendar().Location()).Year()),
	}
	for _, doc := range o.Documents {
		d.Documents = append(d.Documents, forms.Document{Name: doc.Name, Kind: string(doc.Kind), Copies: doc.Copies})
	}
	if c := o.Counter; c.PostOffice != "" {
		d.Counter = &forms.Counter{PostOffice: office(c.PostOffice), At: o.SubmittedAt, Worker: o.RegisteredBy,
			SealNumber: c.SealNumber, PostageVND: c.PostageVND, TrackingNumber: c.TrackingNumber}
	}
	if st.ResultPostOffice != "" {
		d.ResultPostOffice = office(st.ResultPostOffice)
	}
	// The slip's first row: the citizen handed the dossier to the desk.
	d.Steps = append(d.Steps, forms.Step{At: st.ReceivedAt, Action: "receive", FromPerson: o.Applicant.FullName,
		To: office(st.ReceivingOffice), ToPerson: o.RegisteredBy, Timing: string(dossier.Early)})
	for _, s := range o.Steps {
		d.Steps = append(d.Steps, slipRow(s, office))
		printed, _ := s.Action.Printed()
		switch printed {
		case dossier.FormSupplementRequest:
			sr := &forms.SupplementRequest{At: s.At, Reason: s.Reason, Officer: s.Actor, Office: office(s.Office)}
			for _, it := range s.Items {
				sr.Items = append(sr.Items, forms.Document{Name: it.Name, Kind: string(it.Kind), Copies: it.Copies})
			}
			d.Supplement = sr
		case dossier.FormRefusal:
			d.Refusal = &forms.Refusal{At: s.At, Reason: s.Reason, Officer: s.Actor, Office: office(s.Office)}
		case dossier.FormApology:
			if s.OldDueAt != nil && s.NewDueAt != nil {
				d.Apology = &forms.Apology{At: s.At, Reason: s.Reason, Officer: s.Actor, Office: office(s.Office),
					OriginalDueAt: *s.OldDueAt, NewDueAt: *s.NewDueAt}
			}
		}
	}
	return d
}

// slipRow is a step as a row of the control slip: who gave the papers to whom. A
// transfer is given by the sender's officer; an acceptance is taken by the receiver's.
func slipRow(s dossier.Step, office func(string) forms.Office) forms.Step {
	row := forms.Step{At: s.At, Action: string(s.Action), Timing: string(s.Timing), Note: s.Note}
	switch s.Action {
	case dossier.ActTransfer:
		row.From, row.FromPerson, row.To = office(s.FromOffice), s.Actor, office(s.ToOffice)
	case dossier.ActAccept, dossier.ActArrive:
		row.From, row.To, row.ToPerson = office(s.FromOffice), office(s.Office), s.Actor
	default:
		row.From, row.FromPerson, row.To = office(s.Office), s.Actor, office(s.Office)
	}
	if s.TrackingNumber != "" {
		row.Note = strings.TrimSpace(row.Note + " Bưu gửi " + s.TrackingNumber)
	}
	return row
}

// registerEntry is the dossier's entry in the desk's register: the year's volume and the
// day's sequence number of its code.
func registerEntry(code string, year int) string {
	seq := code[strings.LastIndexByte(code, '-')+1:]
	return fmt.Sprintf("Sổ %d, số %s", year, seq)
}
