package app

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// The tabs of an office's work list.
const (
	// TabAll is every open dossier the office holds or that is on its way to it.
	TabAll = "all"
	// TabHere is what the office holds and has not sent on.
	TabHere = "here"
	// TabIncoming is what is on its way to the office, for it to accept.
	TabIncoming = "incoming"
	// TabAtRisk is the open dossiers at risk (worktime.Calendar.AtRisk): their clock
	// running and their appointment within the warning's working hours
	// (MOTCUA_AT_RISK_HOURS), the soonest first.
	TabAtRisk = "at_risk"
	// TabOverdue is the open dossiers past their appointment.
	TabOverdue = "overdue"
	// TabChecking is the dossiers submitted online that the office has not received
	// yet, oldest submission first: none of the other tabs holds them, for they have
	// no appointment until the desk receives them.
	TabChecking = "checking"
)

// Tabs lists the work list's tabs in the order they are shown.
var Tabs = []string{TabAll, TabHere, TabIncoming, TabAtRisk, TabOverdue, TabChecking}

// Bounds of a work list page and of its text filter.
const (
	DefaultWorkPage = 25
	MaxWorkPage     = 100
	maxWorkText     = 100
)

// WorkListInput asks for one page of an office's work list.
type WorkListInput struct {
	// Office is one of the member of staff's offices; empty means the first.
	Office string
	// Tab is one of Tabs; empty means TabAll.
	Tab string
	// Status keeps one status (finished ones included); empty keeps the open ones.
	Status string
	// Text finds a part of the dossier's code or of the applicant's name, with or
	// without diacritics.
	Text string
	// Cursor is the Next of the previous page; empty starts at the first.
	Cursor string
	Limit  int
}

// WorkRow is one dossier of a work list.
type WorkRow struct {
	Code          string
	Procedure     OfficeRef
	ApplicantName string
	Status        string
	StatusLabel   string
	StatusLabelEN string
	CurrentOffice OfficeRef
	// PendingOffice is where the dossier is being sent, until that office accepts.
	PendingOffice *OfficeRef
	DueAt         time.Time
	// Timing is how the dossier stands now: within_deadline or overdue while open, its
	// final timing once processed.
	Timing string
	// Left is the working time until the appointment while within the deadline, the
	// working time past it when overdue; for a paused clock, as of when it stopped.
	Left        time.Duration
	ClockPaused bool
	// AllowedActions are what the member of staff may do on it now.
	AllowedActions []string
	// FeeDueVND is the dossier's fee, FeePaidVND what was paid of it (at the desk or
	// online).
	FeeDueVND, FeePaidVND int64

	// On the checking list: when the citizen submitted the dossier; whether the desk
	// gave its guidance for what was missing; and, while the dossier awaits the desk's
	// check, when that check is due (CheckBy) and whether it is late.
	SubmittedAt time.Time
	Guided      bool
	CheckBy     time.Time
	LateToCheck bool
}

// Overdue reports whether the open dossier is past its appointment.
func (w WorkRow) Overdue() bool { return w.Timing == string(dossier.Overdue) }

// WorkPage is a page of an office's work list, earliest appointment first (on the
// checking list, oldest submission first).
type WorkPage struct {
	Office OfficeRef
	Tab    string
	Rows   []WorkRow
	// Next is the cursor of the following page; empty on the last one.
	Next string
	// Counts are how many open dossiers each tab holds.
	Counts WorkCounts
}

// WorkList returns a page of the work list of one of who's offices. The applicant's full
// name is shown to the staff of the dossier's offices, so every row counts as a read of
// personal data and is audited ("list"). It fails with ErrForbidden for an office who
// does not belong to, and a *dossier.FieldError for a filter it cannot read.
func (r *Reader) WorkList(ctx context.Context, who *auth.Principal, in WorkListInput) (*WorkPage, error) {
	q, err := workQuery(who, in)
	if err != nil {
		return nil, err
	}
	now := r.Now()
	cal := r.Calendar.Calendar()
	// The at-risk rule's cut-off as a wall time, once, so that the store compares
	// appointments with it instead of counting working hours row by row.
	atRisk := Window{From: now, Until: cal.AtRiskUntil(now, r.AtRiskHours)}
	switch in.Tab {
	case TabOverdue:
		q.OverdueAt = &now
	case TabAtRisk:
		q.AtRisk = &atRisk
	}
	items, more, err := r.Dossiers.WorkList(ctx, q)
	if err != nil {
		return nil, err
	}
	counts, err := r.Dossiers.CountWork(ctx, q.Office, now, atRisk)
	if err != nil {
		return nil, err
	}
	name := r.Catalog.officeNamer(ctx)
	loc := cal.Location()
	actor := actorOf(who)
	page := &WorkPage{Office: officeRef(q.Office, name), Tab: in.Tab, Counts: counts, Rows: make([]WorkRow, 0, len(items))}
	ids := make([]uuid.UUID, 0, len(items))
	for _, it := range items {
		st := it.State
		vi, en := st.Status.Labels()
		row := WorkRow{Code: it.Code, Procedure: r.procedure(ctx, it.ProcedureCode),
			ApplicantName: it.ApplicantName, Status: string(st.Status), StatusLabel: vi, StatusLabelEN: en,
			CurrentOffice: officeRef(st.CurrentOffice, name), PendingOffice: optionalOffice(st.PendingOffice, name),
			DueAt: st.DueAt.In(loc), Timing: string(st.TimingAt(now)), ClockPaused: st.PausedAt != nil,
			AllowedActions: []string{}, FeeDueVND: st.FeeDueVND, FeePaidVND: st.FeePaidVND}
		row.Left = magnitude(st.WorkingTimeLeft(now, cal))
		for _, a := range st.AllowedFor(actor) {
			row.AllowedActions = append(row.AllowedActions, string(a))
		}
		if q.Checking() {
			row.SubmittedAt, row.Guided = it.SubmittedAt.In(loc), st.SupplementRequests > 0
			since := dossier.AwaitsCheckSince(st, it.SubmittedAt, it.SupplementedAt)
			if st.Status == dossier.StatusSubmitted && !since.IsZero() {
				row.CheckBy = dossier.CheckBy(cal, since)
				row.LateToCheck = now.After(row.CheckBy)
			}
		}
		page.Rows = append(page.Rows, row)
		ids = append(ids, it.ID)
	}
	if more && len(items) > 0 {
		last := items[len(items)-1]
		at := last.State.DueAt
		if q.Checking() {
			at = last.SubmittedAt
		}
		page.Next = encodeCursor(at, last.ID)
	}
	if err := r.Dossiers.RecordReads(ctx, ids, who.Username, "list"); err != nil {
		return nil, err
	}
	return page, nil
}

// workQuery checks the input and makes the store's query of it; in.Tab is settled.
func workQuery(who *auth.Principal, in WorkListInput) (WorkListQuery, error) {
	q := WorkListQuery{Office: in.Office, Which: TabAll, Limit: in.Limit}
	if q.Office == "" && len(who.Offices) > 0 {
		q.Office = who.Offices[0]
	}
	if q.Office == "" || !who.InOffice(q.Office) {
		return q, fmt.Errorf("work list: %w", ErrForbidden)
	}
	switch in.Tab {
	case TabAll, TabOverdue, TabAtRisk, "":
	case TabHere:
		q.Which = TabHere
	case TabIncoming:
		q.Which = TabIncoming
	case TabChecking:
		q.Which = TabChecking
	default:
		return q, dossier.Invalid("tab", "invalid_tab")
	}
	if in.Status != "" {
		if !dossier.Status(in.Status).Valid() {
			return q, dossier.Invalid("status", "invalid_status")
		}
		q.Status = in.Status
	}
	switch {
	case q.Limit <= 0:
		q.Limit = DefaultWorkPage
	case q.Limit > MaxWorkPage:
		q.Limit = MaxWorkPage
	}
	text := textnorm.Clean(in.Text)
	if utf8.RuneCountInString(text) > maxWorkText {
		return q, dossier.Invalid("q", "too_long", maxWorkText)
	}
	if text != "" {
		q.Code = strings.ToUpper(text)
		q.NameFolded = textnorm.Fold(text)
	}
	if in.Cursor != "" {
		at, id, ok := decodeCursor(in.Cursor)
		if !ok {
			return q, dossier.Invalid("cursor", "invalid_cursor")
		}
		c := WorkCursor{DueAt: at, ID: id}
		if q.Checking() {
			c = WorkCursor{SubmittedAt: at, ID: id}
		}
		q.After = &c
	}
	return q, nil
}

// encodeCursor writes where a page ends, the last row's time its list is sorted by and
// its dossier, as an opaque token.
func encodeCursor(at time.Time, id uuid.UUID) string {
	return base64.RawURLEncoding.EncodeToString([]byte(at.UTC().Format(time.RFC3339Nano) + "|" + id.String()))
}

func decodeCursor(s string) (time.Time, uuid.UUID, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return time.Time{}, uuid.UUID{}, false
	}
	at, id, ok := strings.Cut(string(b), "|")
	if !ok {
		return time.Time{}, uuid.UUID{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return time.Time{}, uuid.UUID{}, false
	}
	u, err := uuid.Parse(id)
	if err != nil {
		return time.Time{}, uuid.UUID{}, false
	}
	return t, u, true
}
