package scaledata

import (
	"encoding/json"
	"time"

	intakestore "github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/lookuppin"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// builder turns histories into rows, with the services' keys.
type builder struct {
	cat    catalogue
	sealer *sealing.Sealer
	pinKey []byte
	clock  dossier.Clock
}

// The fields personal data is sealed and indexed under, as intake's registration names
// them (app.Registrar.newDossier, app.Online.Submit): a value sealed under another name
// does not open.
const (
	fieldID            = "applicant_id"
	fieldPhone         = "applicant_phone"
	fieldEmail         = "applicant_email"
	fieldAddress       = "applicant_address"
	fieldResultAddress = "result_address"
	fieldPIN           = "lookup_pin"
	fieldContact       = "contact"
)

// intakeRows adds the dossier's row and its steps as intake keeps them.
func (b *builder) intakeRows(l *life, out *batch) error {
	a, s, seal := l.applicant, l.state, b.sealer
	docs, err := json.Marshal(documents(l))
	if err != nil {
		return err
	}
	var contactChannel, contactIndex any
	if l.channel == dossier.ChannelOnline {
		contactChannel, contactIndex = string(a.contact.Channel), seal.Index(fieldContact, a.contact.String())
	}
	var resultAddress []byte
	if l.delivery == dossier.DeliverByPost {
		resultAddress = seal.Seal(fieldResultAddress, a.address)
	}
	var submittedAt any
	if l.channel == dossier.ChannelOnline {
		submittedAt = l.plan.at
	}
	out.add(intakeDossiers, l.id, l.code, l.procedure.Code, l.receiving, l.handling, s.CurrentOffice,
		string(l.channel), string(s.Status), s.Status.NationalCode(), orNull(s.ReceivedAt), orNull(s.DueAt),
		s.TimeLimitHours, a.name, textnorm.Fold(a.name), seal.Seal(fieldID, a.idNumber), seal.Index(fieldID, a.idNumber),
		seal.Seal(fieldPhone, a.phone), seal.Index(fieldPhone, a.phone), seal.Seal(fieldEmail, a.email),
		seal.Seal(fieldAddress, a.address), json.RawMessage(docs), string(l.delivery), resultAddress, s.FeeDueVND,
		s.FeePaidVND, lookuppin.Hash(b.pinKey, l.code, l.pin), s.Version, l.registeredBy, l.plan.at,
		nullIfEmpty(s.PendingOffice), orNull(s.OriginalDueAt), s.PausedAt, int64(s.PausedTotal/time.Second),
		s.SupplementRequests, s.Extended, s.FinishedAt, string(s.Timing), string(s.Outcome), l.feeReceipt,
		seal.Seal(fieldPIN, l.pin), submittedAt, contactChannel, contactIndex, "vi", lateTold(l))
	for _, ac := range l.acts {
		st := ac.step
		details, err := intakestore.StepDetailsJSON(st)
		if err != nil {
			return err
		}
		out.add(intakeSteps, l.id, ac.state.Version, string(st.Action), st.At, st.Actor, st.Office, st.FromOffice,
			st.ToOffice, string(st.Via), string(st.Timing), st.Note, st.Reason, json.RawMessage(details))
	}
	return nil
}

// lateTold is when the supervisors were told the dossier went late: a minute after its
// appointment (intake's scan runs each minute) when it went past it while open and its
// clock running; nil otherwise. Without it, the first minute after a load would mail
// the supervisors every overdue dossier of three years.
func lateTold(l *life) any {
	s := l.state
	end := l.now
	switch {
	case s.FinishedAt != nil:
		end = *s.FinishedAt
	case s.PausedAt != nil:
		end = *s.PausedAt
	}
	if s.DueAt.IsZero() || !s.DueAt.Before(end) {
		return nil
	}
	return s.DueAt.Add(time.Minute)
}

// documents are the papers handed in: those the procedure requires, one set each as
// it asks.
func documents(l *life) []dossier.Document {
	out := []dossier.Document{}
	for _, d := range l.procedure.Documents {
		if d.Required {
			out = append(out, dossier.Document{Name: d.Name, Kind: d.Kind, Copies: max(d.Copies, 1)})
		}
	}
	return out
}

// orNull is t, or SQL NULL for the zero time.
func orNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// nullIfEmpty is s, or SQL NULL for "".
func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
