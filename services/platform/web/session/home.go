package session

import "github.com/motcua/motcua/services/platform/auth"

// The home pages of each role, served by the service that owns their data.
const (
	// DeskHome is the desk's and the offices' officers' home (intake).
	DeskHome = "/mot-cua"
	// PostalHome is the postal workers' home (postal).
	PostalHome = "/buu-chinh"
	// SupervisorHome is the supervisors' dashboard (status).
	SupervisorHome = "/giam-sat"
	// AdminHome is the administrators' home (intake).
	AdminHome = "/quan-tri"
)

// Home is the page a member of staff with role starts on after signing in.
func Home(role string) string {
	switch role {
	case auth.RolePostal:
		return PostalHome
	case auth.RoleSupervisor:
		return SupervisorHome
	case auth.RoleAdmin:
		return AdminHome
	default:
		return DeskHome
	}
}
