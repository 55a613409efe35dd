package forms

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cleanDossier returns a copy of d with every text cleaned (see clean); the
// caller's slices and pointers are not modified.
func cleanDossier(d Dossier) Dossier {
	for _, p := range []*string{
		&d.Code, &d.LookupPIN, &d.LookupURL, &d.ProcedureCode, &d.ProcedureName,
		&d.ResultDelivery, &d.ResultAddress, &d.FeeReceiptNumber, &d.RegisteredBy, &d.RegisterEntry,
		&d.Applicant.FullName, &d.Applicant.IDNumber, &d.Applicant.Phone, &d.Applicant.Email, &d.Applicant.Address,
	} {
		*p = clean(*p)
	}
	d.ReceivingOffice, d.HandlingOffice = cleanOffice(d.ReceivingOffice), cleanOffice(d.HandlingOffice)
	d.Documents = cleanDocuments(d.Documents)
	if d.Steps != nil {
		steps := make([]Step, len(d.Steps))
		for i, s := range d.Steps {
			s.Action, s.FromPerson, s.ToPerson = clean(s.Action), clean(s.FromPerson), clean(s.ToPerson)
			s.Timing, s.Note = clean(s.Timing), clean(s.Note)
			s.From, s.To = cleanOffice(s.From), cleanOffice(s.To)
			steps[i] = s
		}
		d.Steps = steps
	}
	if d.Supplement != nil {
		s := *d.Supplement
		s.Items = cleanDocuments(s.Items)
		s.Reason, s.Officer, s.Office = clean(s.Reason), clean(s.Officer), cleanOffice(s.Office)
		d.Supplement = &s
	}
	if d.Counter != nil {
		c := *d.Counter
		c.PostOffice, c.Worker = cleanOffice(c.PostOffice), clean(c.Worker)
		c.SealNumber, c.TrackingNumber = clean(c.SealNumber), clean(c.TrackingNumber)
		d.Counter = &c
	}
	d.ResultPostOffice = cleanOffice(d.ResultPostOffice)
	if d.Refusal != nil {
		r := *d.Refusal
		r.Reason, r.Officer, r.Office = clean(r.Reason), clean(r.Officer), cleanOffice(r.Office)
		d.Refusal = &r
	}
	if d.Apology != nil {
		a := *d.Apology
		a.Reason, a.Officer, a.Office = clean(a.Reason), clean(a.Officer), cleanOffice(a.Office)
		d.Apology = &a
	}
	return d
}

func cleanOffice(o Office) Office { return Office{Code: clean(o.Code), Name: clean(o.Name)} }

func cleanDocuments(docs []Document) []Document {
	if docs == nil {
		return nil
	}
	out := make([]Document, len(docs))
	for i, doc := range docs {
		out[i] = Document{Name: clean(doc.Name), Kind: clean(doc.Kind), Copies: doc.Copies}
	}
	return out
}

// clean makes caller text safe to print in both outputs: valid UTF-8 in NFC, line
// breaks as "\n", no other control or format characters (which could reorder or
// hide text), and only characters of the Basic Multilingual Plane (the PDF writer
// encodes text as UCS-2; others become U+FFFD). Surrounding space is trimmed.
func clean(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t' || r == '\r':
			b.WriteByte(' ')
		case unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r):
		case r > 0xFFFF:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}
