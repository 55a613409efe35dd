package scaledata

import (
	"strings"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// applicant is who handed a dossier in, as a desk types it (or a citizen online).
type applicant struct {
	name     string
	idNumber string
	phone    string
	email    string
	address  string
	// contact is the verified address a dossier submitted online came from, where its
	// notices go (empty for the others).
	contact contact.Address
}

// drawApplicant draws the applicant of the dossier p plans: one in ten gives an e-mail
// address at a desk, four in ten online, where the verified contact is the phone
// number or, for one in three who gave one, the e-mail address.
func drawApplicant(p *plan, cat catalogue) applicant {
	r := p.rng
	a := applicant{name: textnorm.Clean(personName(r)), idNumber: idNumber(r), phone: phone(r)}
	online := p.channel == dossier.ChannelOnline
	if r.IntN(10) == 0 || online && r.IntN(10) < 4 {
		a.email = emailOf(r, textnorm.Fold(a.name))
	}
	home := p.receiving
	if cat.offices[home].Kind != catalog.CommuneCentre {
		home = cat.communes[r.IntN(len(cat.communes))]
	}
	a.address = textnorm.Clean(address(r, strings.TrimPrefix(cat.name(home), "UBND ")))
	if online {
		a.contact = contact.Address{Channel: contact.Phone, Value: a.phone}
		if a.email != "" && r.IntN(3) == 0 {
			a.contact = contact.Address{Channel: contact.Email, Value: a.email}
		}
	}
	return a
}

// applicantAddress is where the post picks up and delivers for the applicant.
func (l *life) applicantAddress() string { return l.applicant.address }
