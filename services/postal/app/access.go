package app

import (
	"github.com/motcua/motcua/services/platform/auth"
)

// mayWork reports whether who may record steps of s: a postal worker of the post office
// that picks it up or of the one that delivers it.
func mayWork(who *auth.Principal, s ShipmentRecord) bool {
	return who.Role == auth.RolePostal && (who.InOffice(s.OriginPostOffice) || who.InOffice(s.DestinationPostOffice))
}

// maySee reports whether who may see s: its postal workers, supervisors and
// administrators, and the staff of the offices it leaves from or goes to, or of the desk
// that received its dossier.
func maySee(who *auth.Principal, s ShipmentRecord, receiving string) bool {
	switch who.Role {
	case auth.RoleSupervisor, auth.RoleAdmin:
		return true
	case auth.RolePostal:
		return mayWork(who, s)
	}
	for _, o := range []string{s.FromOffice, s.ToOffice, receiving} {
		if o != "" && who.InOffice(o) {
			return true
		}
	}
	return false
}
