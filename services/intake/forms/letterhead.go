package forms

import (
	"strings"
	"time"

	"github.com/motcua/motcua/services/platform/printsheet"
)

// letterhead is a sheet with the heading every form opens with: the office that
// issues it, the date it is issued, its title and the dossier's code.
func letterhead(title string, issuer Office, issued time.Time, d Dossier, loc *time.Location) *sheet {
	return &sheet{printsheet.Sheet{
		Agency:   agency(issuer),
		Dated:    capitalize(datePhrase(issued, loc)),
		Title:    title,
		Subtitle: "Mã hồ sơ: " + orBlank(d.Code),
	}}
}

// agency is the issuing office as the heading prints it, in capitals.
func agency(o Office) string { return strings.ToUpper(orBlank(officeName(o))) }

// about adds the lines that say whose dossier the form is about (whose is the label,
// which differs from form to form) and what the applicant asks for.
func (s *sheet) about(whose string, d Dossier) {
	s.field(whose, d.Applicant.FullName)
	s.field("Nội dung yêu cầu giải quyết", procedure(d))
}
