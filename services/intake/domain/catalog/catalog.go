// Package catalog is the reference data a desk works with: offices (any hierarchy, any
// number of tiers) and administrative procedures with their time limits, fees and the
// documents a dossier of each is made of.
package catalog

import (
	"regexp"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/officekind"
)

// OfficeKind says what an office is; the hierarchy itself is data (ParentCode).
type OfficeKind string

// The kinds of office.
const (
	ProvincialCentre OfficeKind = officekind.ProvincialCentre
	DistrictDesk     OfficeKind = officekind.DistrictDesk
	CommuneCentre    OfficeKind = officekind.CommuneCentre
	Department       OfficeKind = officekind.Department
	PostOffice       OfficeKind = officekind.PostOffice
)

// Valid reports whether k is one of the kinds.
func (k OfficeKind) Valid() bool {
	switch k {
	case ProvincialCentre, DistrictDesk, CommuneCentre, Department, PostOffice:
		return true
	}
	return false
}

// ReceivesDossiers reports whether an office of this kind runs a one-stop desk.
func (k OfficeKind) ReceivesDossiers() bool { return officekind.ReceivesDossiers(string(k)) }

// Office is a desk, centre, department or post office, known by its agency code.
type Office struct {
	Code       string
	Name       string
	Kind       OfficeKind
	ParentCode string
	// Address is where the office is, for the post's run sheets.
	Address string
	// PostOffice is the code of the post office that serves the office: it picks up and
	// delivers there. Empty for a post office, or an office the post does not serve.
	PostOffice string
}

// agencyCode is the national agency code form ddd.dd.dd.Xdd, e.g. 000.00.16.H19.
var agencyCode = regexp.MustCompile(`^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$`)

// ValidAgencyCode reports whether code has the national agency code form.
func ValidAgencyCode(code string) bool { return agencyCode.MatchString(code) }

// Procedure is an administrative procedure (thủ tục hành chính).
type Procedure struct {
	Code          string
	Name          string
	DecidedByKind OfficeKind
	// TimeLimitHours is the legal time limit in working hours; 0 means the same day.
	TimeLimitHours int
	// FeeVND is the fee due at the desk; FeeVaries marks fees fixed later (e.g. by area).
	FeeVND    int64
	FeeVaries bool
	// Documents are the papers a dossier of the procedure is made of (thành phần hồ
	// sơ), in the order the procedure lists them.
	Documents []Document
	// Online says whether citizens may submit the procedure's dossiers online; one
	// offered only at a desk is listed there alone.
	Online bool
}

// Document is a paper a procedure asks for: its name, the kind of copy handed in, how
// many sets, and whether a dossier is complete without it (Required false: only in
// some cases, such as a power of attorney when someone else applies).
type Document struct {
	Name     string
	Kind     dossier.DocumentKind
	Copies   int
	Required bool
}

// ReceivedAt reports whether a citizen applying for p online may choose office as the
// desk that receives the dossier: a desk of the kind that decides p when that kind runs
// a desk (a commune's procedure at a commune), any desk otherwise (a land office's
// procedure at the district desk or at a commune, which hand it on).
func (p Procedure) ReceivedAt(office Office) bool {
	if p.DecidedByKind.ReceivesDossiers() {
		return office.Kind == p.DecidedByKind
	}
	return office.Kind.ReceivesDossiers()
}
