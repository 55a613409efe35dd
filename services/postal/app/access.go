package app

import (
	"github.com/motcua/motcua/services/platform/auth"
)

// mayWork reports whether who may record steps of s: a postal worker of the post office
// that picks it up or of the one that delivers it.
func mayWork(who *auth.Principal, s ShipmentRecord) bool {
	return who.Role == auth.RolePostal && (who.InOffice(s.OriginPostOffice) || who.InOffice(s.DestinationPostOffice))
}

// maySee reports whether who may see s of dossier d: the postal workers who carry it,
// and the staff (supervisors and administrators included) of the offices the dossier
// has been at or is going to, or of an end of the shipment. Anyone else is told it does
// not exist, as for a wrong tracking number.
func maySee(who *auth.Principal, s ShipmentRecord, d DossierCopy) bool {
	if who.Role == auth.RolePostal {
		return mayWork(who, s)
	}
	return d.Involves(who) || who.InOffice(s.FromOffice) || who.InOffice(s.ToOffice)
}

// mayOpen reports whether who may open a shipment for dossier d: staff of the office
// that holds it now (of any office of the dossier while no event has said which holds it).
func mayOpen(who *auth.Principal, d DossierCopy) bool {
	if d.Holder == "" {
		return d.Involves(who)
	}
	return who.InOffice(d.Holder)
}
