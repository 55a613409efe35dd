package app

import (
	"bytes"
	"context"

	"github.com/motcua/motcua/services/intake/forms"
)

// Receipt is the receipt (form 01) of the dossier with code as a PDF, named
// bien-nhan-<code>.pdf, for the mail that tells its citizen the desk received it. A
// message never carries the citizen's address, their ID number, nor (but the first) the
// PIN: the mailed receipt leaves them out, and the lookup's QR code with the PIN; the
// desk's printed receipt has them.
func (p *Processor) Receipt(ctx context.Context, code string) (Attachment, error) {
	rec, ok, err := p.Dossiers.Dossier(ctx, code)
	if err != nil {
		return Attachment{}, err
	}
	if !ok {
		return Attachment{}, ErrNotFound
	}
	return p.receiptAttachment(ctx, rec)
}

func (p *Processor) receiptAttachment(ctx context.Context, rec DossierRecord) (Attachment, error) {
	d, err := p.Reader.citizensForm(ctx, rec, p.PublicURL)
	if err != nil {
		return Attachment{}, err
	}
	d.Applicant.Address, d.Applicant.IDNumber, d.ResultAddress, d.LookupPIN, d.LookupURL = "", "", "", "", ""
	var buf bytes.Buffer
	if err := forms.PDF(&buf, forms.KindReceipt, d, p.Calendar.Calendar().Location()); err != nil {
		return Attachment{}, err
	}
	return Attachment{Name: "bien-nhan-" + rec.Code + ".pdf", ContentType: "application/pdf", Data: buf.Bytes()}, nil
}
