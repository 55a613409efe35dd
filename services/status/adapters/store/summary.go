package store

import "github.com/motcua/motcua/services/status/domain/tracking"

// summaryColumns are the columns of a tracking.Summary of the dossier row d, in the
// order of summaryTargets: the lookup and the staff lists read the same line of a
// dossier. due_at, received_at and submitted_at may be NULL (a dossier submitted online
// has no appointment until a desk receives it; one registered at a desk was never
// submitted): their targets are pointers.
const summaryColumns = `d.id, d.code, d.procedure_code, d.procedure_name, d.status, d.timing, d.due_at,
	d.finished_at, d.paused_at, d.status_code, d.submitted_at, d.received_at, d.current_office_code,
	d.current_office_name, COALESCE(d.pending_office_code, ''), COALESCE(d.pending_office_name, ''),
	d.applicant_masked`

// summaryTargets are s's fields to scan the columns of summaryColumns into.
func summaryTargets(s *tracking.Summary) []any {
	return []any{&s.ID, &s.Code, &s.ProcedureCode, &s.ProcedureName, &s.Status, &s.Final, &s.DueAt,
		&s.FinishedAt, &s.PausedAt, &s.StatusCode, &s.SubmittedAt, &s.ReceivedAt, &s.CurrentOfficeCode,
		&s.CurrentOfficeName, &s.PendingOfficeCode, &s.PendingOfficeName, &s.ApplicantMasked}
}
