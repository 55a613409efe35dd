package tracking

import "time"

// Who has held a dossier, as a citizen is told it ("hồ sơ của bạn đã qua những tay
// nào"): the offices, the post offices and, at the end, the citizen, in turn, read from
// the steps status keeps. It is the citizen's side of the custody chain intake keeps
// (its entries name members of staff, which a citizen is never told): the same hands,
// each named by its office only, without the steps that leave the papers where they
// are.

// The kinds of holder.
const (
	// HolderOffice is an office of the administration: a desk or a department.
	HolderOffice = "office"
	// HolderPostOffice is a post office of the public post; its code is empty when the
	// leg does not say which (a leg folded before status kept its post offices).
	HolderPostOffice = "post_office"
	// HolderCitizen is the applicant: the papers still at home, waiting for the post, or
	// the result handed back.
	HolderCitizen = "citizen"
)

// Holder is who holds the papers (or the result): an office or a post office by its
// code, or the citizen (no code).
type Holder struct {
	Kind string
	Code string
}

// Holding is a holder and when it held the papers: from Since until Until, nil while it
// holds them still.
type Holding struct {
	Holder
	Since time.Time
	Until *time.Time
}

// Custody is who held a dossier in turn, built by handing the papers on step by step.
// The zero value holds nothing yet.
type Custody struct{ held []Holding }

// Hand gives the papers to h at at. A hand-over to whoever holds them already changes
// nothing, so that a leg's delivery and the office's acceptance that follows read as one
// holder. A time before the current holder's is taken as that holder's: the steps come
// in the dossier's order, and a postal worker may record a step a little after the
// dossier's next one.
func (c *Custody) Hand(h Holder, at time.Time) {
	if h.Kind == HolderOffice && h.Code == "" {
		return
	}
	if n := len(c.held); n > 0 {
		last := &c.held[n-1]
		if last.Holder == h {
			return
		}
		if at.Before(last.Since) {
			at = last.Since
		}
		until := at
		last.Until = &until
	}
	c.held = append(c.held, Holding{Holder: h, Since: at})
}

// Empty reports whether nobody has held the papers yet.
func (c *Custody) Empty() bool { return len(c.held) == 0 }

// Holdings are the holders in turn, the first first; the last one's Until is nil.
func (c *Custody) Holdings() []Holding { return c.held }

// AfterDossierStep is who holds the papers after a dossier's step of type typ (the
// timeline's: received, transferred, result_back, …) whose office is office, and false
// for a step that leaves them where they are.
//
//   - Handed in: at the post office that took them (submitted_at_post), or at the desk
//     that received them or to which they were submitted online (the desk checks the
//     dossier from then on, as intake's chain hands it over); but a dossier registered
//     at the desk whose papers the post picks up at home (atHome) stays with the
//     citizen until the post takes them.
//   - A transfer leaves them with the sending office until the receiving one accepts
//     them (by hand), or until the post takes them (a leg by post: AfterPostalStep);
//     the post's arrival, its delivery of the papers at the desk and of an undelivered
//     result brought back hand them to the office the step names.
//   - The result handed back, delivered by post or downloaded is the citizen's.
func AfterDossierStep(typ, office string, atHome bool) (Holder, bool) {
	switch typ {
	case "submitted_at_post":
		return Holder{Kind: HolderPostOffice, Code: office}, true
	case "received", "submitted":
		if atHome {
			return Holder{Kind: HolderCitizen}, true
		}
		return Holder{Kind: HolderOffice, Code: office}, true
	case "admitted", "accepted", "result_accepted", "arrived", "papers_delivered", "result_back":
		return Holder{Kind: HolderOffice, Code: office}, true
	case "returned", "result_delivered", "result_downloaded":
		return Holder{Kind: HolderCitizen}, true
	}
	return Holder{}, false
}

// Leg is what a shipment step needs to know of its leg to tell who holds the papers.
type Leg struct {
	// Kind is pickup, transfer, delivery or return.
	Kind string
	// ToOffice is the office the leg ends at; empty for the citizen's address.
	ToOffice string
	// Origin and Destination are the post offices that take the item in and deliver
	// it; empty when status does not know them.
	Origin      string
	Destination string
}

// AfterPostalStep is who holds the papers after a step of type typ (accepted,
// picked_up, …) on leg, and false for a step that leaves them where they are (the
// shipment opened). The post office that took the item in holds it from its
// acceptance or pick-up and while it travels, the delivering one from its arrival there
// (out for delivery, a failed attempt, sent back); its delivery hands it to the office
// the leg ends at, or to the citizen: at their address, or at the counter of the post
// office where they collect the result, which a delivery leg ends at.
func AfterPostalStep(leg Leg, typ string) (Holder, bool) {
	switch typ {
	case "accepted", "picked_up", "in_transit":
		return Holder{Kind: HolderPostOffice, Code: leg.Origin}, true
	case "arrived", "out_for_delivery", "delivery_failed", "returned":
		return Holder{Kind: HolderPostOffice, Code: leg.Destination}, true
	case "delivered":
		if leg.Kind == "delivery" || leg.ToOffice == "" {
			return Holder{Kind: HolderCitizen}, true
		}
		return Holder{Kind: HolderOffice, Code: leg.ToOffice}, true
	}
	return Holder{}, false
}
