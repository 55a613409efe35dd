package tracking

import (
	"time"

	"github.com/google/uuid"
)

// Summary is a dossier as status shows it in a line, to a citizen above its timeline and
// to staff in their lists: what it is, how it stands, where it is and whose it is.
type Summary struct {
	ID            uuid.UUID
	Code          string
	ProcedureCode string
	ProcedureName string
	// Standing is the status and what the timing and the time left are judged from.
	Standing
	StatusCode int
	// SubmittedAt is when the citizen submitted the dossier online; nil for one
	// registered at a desk.
	SubmittedAt *time.Time
	// ReceivedAt is when a desk received the dossier and its clock started; nil for one
	// submitted online that no desk has received yet.
	ReceivedAt        *time.Time
	CurrentOfficeCode string
	CurrentOfficeName string
	// PendingOfficeCode and PendingOfficeName are the office the dossier is on its way
	// to, if any.
	PendingOfficeCode string
	PendingOfficeName string
	// ApplicantMasked is the applicant's name, masked as intake masks it on receipts.
	ApplicantMasked string
}
