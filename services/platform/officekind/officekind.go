// Package officekind names the kinds of office of the contract (GET /api/v1/offices) and
// says which of them run a one-stop desk, for intake's catalogue and the post's copy of
// the offices alike. No I/O.
package officekind

// The kinds of office.
const (
	ProvincialCentre = "provincial_centre"
	DistrictDesk     = "district_desk"
	CommuneCentre    = "commune_centre"
	Department       = "department"
	PostOffice       = "post_office"
)

// ReceivesDossiers reports whether an office of kind runs a one-stop desk, which
// receives dossiers.
func ReceivesDossiers(kind string) bool {
	return kind == ProvincialCentre || kind == DistrictDesk || kind == CommuneCentre
}
