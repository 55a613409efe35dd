package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// Which dossiers of an office a work list shows.
const (
	// ListAll is every dossier the office holds or that is on its way to it.
	ListAll = "all"
	// ListHere is what the office holds and has not sent on.
	ListHere = "here"
	// ListIncoming is what another office is sending to it, not accepted yet.
	ListIncoming = "incoming"
)

// WorkListQuery asks for one page of an office's work list, sorted by appointment.
type WorkListQuery struct {
	Office string
	// Which is ListAll, ListHere or ListIncoming.
	Which string
	// Status keeps one status only; empty keeps every open status (a finished
	// dossier shows only when its status is asked for).
	Status string
	// OverdueAt, when set, keeps the open dossiers past their appointment at that
	// instant (judged, for a paused clock, at the moment it stopped).
	OverdueAt *time.Time
	// Code keeps dossiers whose code contains it; NameFolded those whose applicant's
	// folded name does; set both to find either.
	Code       string
	NameFolded string
	// After is the last dossier of the previous page.
	After *WorkCursor
	Limit int
}

// WorkCursor is where a page of the work list ends: its last appointment and dossier.
type WorkCursor struct {
	DueAt time.Time
	ID    uuid.UUID
}

// WorkItem is one dossier of a work list: what a row shows and the state the rules
// decide its actions on.
type WorkItem struct {
	ID            uuid.UUID
	Code          string
	ProcedureCode string
	ApplicantName string
	State         dossier.State
}

// workListColumns are the columns scanWorkItem reads, in its order.
const workListColumns = `id, code, procedure_code, applicant_name, status, receiving_office, handling_office,
	current_office, coalesce(pending_office, '') AS pending, received_at, due_at, paused_at, finished_at, timing,
	outcome, supplement_requests, extended`

// workListNames are the columns of workListColumns as a union of them names them.
const workListNames = `id, code, procedure_code, applicant_name, status, receiving_office, handling_office,
	current_office, pending, received_at, due_at, paused_at, finished_at, timing, outcome, supplement_requests, extended`

// openStatuses keeps the dossiers still open; its text matches the partial indexes of
// migration 0007, so the planner can use them.
const openStatuses = "status NOT IN ('returned', 'refused', 'stopped', 'withdrawn')"

// WorkList returns a page of the office's dossiers, earliest appointment first, and
// whether more follow. A dossier belongs to an office's list in two ways: the office
// holds it, or it is on its way there. Each way is a query of its own that walks an
// index in appointment order, so a page reads about as many rows as it shows; the whole
// list merges the two.
func (s *Store) WorkList(ctx context.Context, q WorkListQuery) ([]WorkItem, bool, error) {
	args := []any{q.Office}
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	filter := ""
	if q.Status == "" {
		filter += " AND " + openStatuses
	} else {
		filter += " AND status = " + arg(q.Status)
	}
	if q.OverdueAt != nil {
		filter += " AND finished_at IS NULL AND coalesce(paused_at, " + arg(*q.OverdueAt) + "::timestamptz) > due_at"
	}
	var text []string
	if q.Code != "" {
		text = append(text, "code ILIKE "+arg("%"+likeEscaper.Replace(q.Code)+"%"))
	}
	if q.NameFolded != "" {
		text = append(text, "applicant_name_folded LIKE "+arg("%"+likeEscaper.Replace(q.NameFolded)+"%"))
	}
	if len(text) > 0 {
		filter += " AND (" + strings.Join(text, " OR ") + ")"
	}
	if q.After != nil {
		filter += " AND (due_at, id) > (" + arg(q.After.DueAt) + "::timestamptz, " + arg(q.After.ID) + "::uuid)"
	}
	page := " ORDER BY due_at, id LIMIT " + arg(q.Limit+1)
	held := "SELECT " + workListColumns + " FROM dossiers WHERE current_office = $1"
	incoming := "SELECT " + workListColumns + " FROM dossiers WHERE pending_office = $1"
	var sql string
	switch q.Which {
	case ListHere:
		// What the office has sent on is on its way elsewhere: on the whole list only.
		sql = held + " AND pending_office IS NULL" + filter + page
	case ListIncoming:
		sql = incoming + filter + page
	default:
		sql = "SELECT " + workListNames + " FROM ((" + held + filter + page + ") UNION ALL (" +
			incoming + filter + page + ")) AS l" + page
	}
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, false, fmt.Errorf("work list: %w", err)
	}
	items, err := pgx.CollectRows(rows, scanWorkItem)
	if err != nil {
		return nil, false, fmt.Errorf("work list: %w", err)
	}
	more := len(items) > q.Limit
	if more {
		items = items[:q.Limit]
	}
	return items, more, nil
}

func scanWorkItem(r pgx.CollectableRow) (WorkItem, error) {
	var w WorkItem
	st := &w.State
	var status, timing, outcome string
	err := r.Scan(&w.ID, &w.Code, &w.ProcedureCode, &w.ApplicantName, &status, &st.ReceivingOffice, &st.HandlingOffice,
		&st.CurrentOffice, &st.PendingOffice, &st.ReceivedAt, &st.DueAt, &st.PausedAt, &st.FinishedAt, &timing, &outcome,
		&st.SupplementRequests, &st.Extended)
	st.Status, st.Timing, st.Outcome = dossier.Status(status), dossier.Timing(timing), dossier.Outcome(outcome)
	return w, err
}

// WorkCounts are how many open dossiers an office has on each tab of its work list.
type WorkCounts struct {
	All, Here, Incoming, Overdue int
}

// CountWork counts the office's open dossiers per tab, overdue as of now.
func (s *Store) CountWork(ctx context.Context, office string, now time.Time) (WorkCounts, error) {
	var c WorkCounts
	err := s.pool.QueryRow(ctx, `SELECT count(*),
		count(*) FILTER (WHERE current_office = $1 AND pending_office IS NULL),
		count(*) FILTER (WHERE pending_office = $1),
		count(*) FILTER (WHERE finished_at IS NULL AND coalesce(paused_at, $2) > due_at)
		FROM dossiers
		WHERE (current_office = $1 OR pending_office = $1)
		AND `+openStatuses, office, now).
		Scan(&c.All, &c.Here, &c.Incoming, &c.Overdue)
	if err != nil {
		return c, fmt.Errorf("count work: %w", err)
	}
	return c, nil
}
