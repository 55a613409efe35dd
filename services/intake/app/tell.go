package app

import (
	"context"
	"strings"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// tellCitizen tells the citizen who submitted the dossier with code online what the
// action just taken means for them, at the address they verified: that the desk
// received it (with the appointment, and by mail the receipt, form 01, as a PDF), what
// the desk's guidance asks for, why it was refused, that the electronic result is
// ready. The lookup shows the same; a receipt that cannot be rendered is logged and the
// message goes without it; a message that cannot be sent is logged, not an error of the
// action. Other actions, and dossiers registered at a desk, are not told here.
func (p *Processor) tellCitizen(ctx context.Context, code string, action dossier.Action, resultReady bool) {
	key := map[dossier.Action]string{dossier.ActReceive: "admitted", dossier.ActRequestSupplement: "guidance",
		dossier.ActRefuse: "refused"}[action]
	if resultReady {
		key = "result"
	}
	if key == "" {
		return
	}
	rec, to, ok := p.citizenAddress(ctx, code)
	if !ok {
		return
	}
	link := p.PublicURL + "/tra-cuu?code=" + code
	var args []any
	switch key {
	case "admitted":
		loc := p.Calendar.Calendar().Location()
		args = []any{code, rec.State.ReceivedAt.In(loc), rec.State.DueAt.In(loc), link}
	case "guidance", "refused":
		if len(rec.Steps) == 0 {
			return
		}
		last := rec.Steps[len(rec.Steps)-1]
		items := make([]string, len(last.Items))
		for i, it := range last.Items {
			items[i] = "– " + it.Name
		}
		args = []any{code, strings.Join(items, "\n"), last.Reason, link}
		if key == "refused" {
			args = []any{code, last.Reason, link}
		}
	case "result":
		args = []any{code, link}
	}
	var attached []Attachment
	if key == "admitted" && to.Channel == contact.Email && p.Reader != nil {
		receipt, err := p.receiptAttachment(ctx, rec)
		if err != nil {
			p.Log.Warn("the receipt could not be attached", "code", code, "err", err)
		} else {
			attached = append(attached, receipt)
		}
	}
	lang := vocabulary.Vietnamese
	subject := vocabulary.Message(key+".subject", code).In(lang)
	text := vocabulary.Message(key+".text", args...).In(lang)
	if err := p.Send.Send(ctx, to, subject, text, attached...); err != nil {
		p.Log.Warn("the citizen could not be told", "code", code, "about", key, "err", err)
	}
}

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
