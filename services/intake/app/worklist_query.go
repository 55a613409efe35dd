package app

import (
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// WorkListQuery asks the store for one page of an office's work list, sorted by
// appointment, or of its checking list, sorted by submission.
type WorkListQuery struct {
	Office string
	// Which is TabAll (held or on the way), TabHere (held, not sent on),
	// TabIncoming (on the way, not accepted yet) or TabChecking (submitted online, not
	// received yet). Only the checking list holds dossiers not received yet.
	Which string
	// Status keeps one status only; empty keeps every open status (a finished
	// dossier shows only when its status is asked for).
	Status string
	// OverdueAt, when set, keeps the open dossiers past their appointment at that
	// instant (judged, for a paused clock, at the moment it stopped).
	OverdueAt *time.Time
	// AtRisk, when set, keeps the open dossiers at risk (worktime.Calendar.AtRisk):
	// their clock running, due from its From to its Until.
	AtRisk *Window
	// Code keeps dossiers whose code contains it; NameFolded those whose applicant's
	// folded name does; set both to find either.
	Code       string
	NameFolded string
	// After is the last dossier of the previous page.
	After *WorkCursor
	Limit int
}

// Held reports whether the query keeps only what the office holds and has not sent on.
func (q WorkListQuery) Held() bool { return q.Which == TabHere }

// Incoming reports whether the query keeps only what is on its way to the office.
func (q WorkListQuery) Incoming() bool { return q.Which == TabIncoming }

// Checking reports whether the query keeps the dossiers the office has not received
// yet, oldest submission first: those awaiting its check, and those it gave guidance
// on, until the citizen brings what was missing.
func (q WorkListQuery) Checking() bool { return q.Which == TabChecking }

// WorkCursor is where a page of the work list ends: its last appointment and dossier;
// on the checking list, its last submission (SubmittedAt) and dossier.
type WorkCursor struct {
	DueAt       time.Time
	SubmittedAt time.Time
	ID          uuid.UUID
}

// WorkItem is one dossier of a work list: what a row shows and the state the rules
// decide its actions on.
type WorkItem struct {
	ID            uuid.UUID
	Code          string
	ProcedureCode string
	ApplicantName string
	State         dossier.State
	// SubmittedAt is when the dossier was submitted (online or at a post office), and
	// SupplementedAt when the citizen last answered the desk's guidance (zero without
	// an answer). Both are set on the checking list only.
	SubmittedAt    time.Time
	SupplementedAt time.Time
}

// Window is the appointments that put a dossier at risk: from now (one due earlier is
// overdue) until the cut-off, worktime.Calendar.AtRiskUntil, both included.
type Window struct {
	From, Until time.Time
}

// WorkCounts are how many open dossiers an office has on each tab of its work list;
// Checking counts those not received yet, which no other tab holds.
type WorkCounts struct {
	All, Here, Incoming, AtRisk, Overdue, Checking int
}
