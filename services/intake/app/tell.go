package app

import (
	"context"

	"github.com/motcua/motcua/services/intake/domain/contact"
)

// citizenAddress is the dossier with code and the address its citizen verified when
// submitting it online; ok is false when there is none to write to (a desk's
// registration, no messenger) or it cannot be read, which is logged.
func (p *Processor) citizenAddress(ctx context.Context, code string) (rec DossierRecord, to contact.Address, ok bool) {
	if p.Send == nil {
		return rec, to, false
	}
	rec, ok, err := p.Dossiers.Dossier(ctx, code)
	if err != nil || !ok || rec.ContactChannel == "" {
		return rec, to, false
	}
	to = contact.Address{Channel: contact.Channel(rec.ContactChannel)}
	field, sealed := "applicant_email", rec.EmailSealed
	if to.Channel == contact.Phone {
		field, sealed = "applicant_phone", rec.PhoneSealed
	}
	if to.Value, err = p.Sealer.Open(field, sealed); err != nil || to.Value == "" {
		p.Log.Warn("the citizen's address could not be read", "code", code, "err", err)
		return rec, to, false
	}
	return rec, to, true
}
