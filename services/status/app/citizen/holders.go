package citizen

import (
	"time"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/status/domain/tracking"
)

// Holding is a holder of the dossier in the citizen's words: an office, a post office or
// the citizen (Kind, tracking's HolderOffice, HolderPostOffice, HolderCitizen), named
// by its code and name only, and when it held the papers (Until nil while it holds them
// still), in the offices' time zone.
type Holding struct {
	Kind string
	// Code is empty for the citizen, and for the post when a leg does not say which
	// post office holds the papers.
	Code  string
	Name  string
	Since time.Time
	Until *time.Time
}

// heldBy is who has held the dossier, in turn, as its steps tell it (tracking's
// AfterDossierStep and AfterPostalStep), read in the timeline's order: computed from
// what the lookup reads anyway, so that it costs no query of its own. Each holder is
// named by its name as the dossier's events gave it, else its code; the citizen and the
// post by the catalogue's words.
func (s *Service) heldBy(t Tracked, lang vocabulary.Lang) []Holding {
	legs := make(map[string]tracking.Leg, len(t.Shipments))
	for _, l := range t.Shipments {
		legs[l.TrackingNumber] = tracking.Leg{Kind: l.Kind, Origin: l.OriginPostOfficeCode,
			Destination: l.DestinationPostOfficeCode}
	}
	var custody tracking.Custody
	atHome := t.Channel == channelPost
	walk(t, func(step DossierStep) {
		h, ok := tracking.AfterDossierStep(step.Type, step.OfficeCode, atHome)
		if !ok && custody.Empty() {
			// A first step of a kind this code does not know: the papers are with the
			// office that took it.
			h, ok = tracking.Holder{Kind: tracking.HolderOffice, Code: step.OfficeCode}, true
		}
		if ok {
			custody.Hand(h, step.At)
		}
	}, func(p PostalStep) {
		leg := legs[p.TrackingNumber]
		leg.Kind, leg.ToOffice = p.Kind, p.ToOfficeCode
		if h, ok := tracking.AfterPostalStep(leg, p.Type); ok {
			custody.Hand(h, p.At)
		}
	})
	names := holderNames(t)
	held := custody.Holdings()
	out := make([]Holding, len(held))
	for i, h := range held {
		out[i] = Holding{Kind: h.Kind, Code: h.Code, Name: names[h.Code], Since: s.local(h.Since),
			Until: s.localIfAny(h.Until)}
		switch {
		case h.Kind == tracking.HolderCitizen:
			out[i].Name = vocabulary.HolderCitizen.In(lang)
		case h.Code == "":
			out[i].Name = vocabulary.HolderThePost.In(lang)
		case out[i].Name == "":
			out[i].Name = h.Code
		}
	}
	return out
}

// channelPost is the channel of a dossier handed in by post: taken at a post office's
// counter or door (its first step says so), or registered at a desk and picked up at
// home.
const channelPost = "post"

// holderNames are the names of the offices and post offices the dossier knows, by code:
// the offices' as officeNames gives them, the post offices' as the dossier's events
// named them (where it was handed in, where the result is collected, the legs' post
// offices status heard named).
func holderNames(t Tracked) map[string]string {
	names := officeNames(t)
	add := func(code, name string) {
		if code != "" && name != "" {
			names[code] = name
		}
	}
	for _, l := range t.Shipments {
		add(l.OriginPostOfficeCode, l.OriginPostOfficeName)
		add(l.DestinationPostOfficeCode, l.DestinationPostOfficeName)
	}
	if p := t.ResultPostOffice; p != nil {
		add(p.Code, p.Name)
	}
	return names
}
