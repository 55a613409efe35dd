package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

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
func (s *Dossiers) WorkList(ctx context.Context, q app.WorkListQuery) ([]app.WorkItem, bool, error) {
	args := []any{q.Office}
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	// A dossier submitted online has no appointment until the desk receives it: it
	// waits on the checking list, not here.
	filter := " AND received_at IS NOT NULL"
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
	switch {
	case q.Held():
		// What the office has sent on is on its way elsewhere: on the whole list only.
		sql = held + " AND pending_office IS NULL" + filter + page
	case q.Incoming():
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

func scanWorkItem(r pgx.CollectableRow) (app.WorkItem, error) {
	var w app.WorkItem
	st := &w.State
	var status, timing, outcome string
	err := r.Scan(&w.ID, &w.Code, &w.ProcedureCode, &w.ApplicantName, &status, &st.ReceivingOffice, &st.HandlingOffice,
		&st.CurrentOffice, &st.PendingOffice, orZero(&st.ReceivedAt), orZero(&st.DueAt), &st.PausedAt, &st.FinishedAt, &timing, &outcome,
		&st.SupplementRequests, &st.Extended)
	st.Status, st.Timing, st.Outcome = dossier.Status(status), dossier.Timing(timing), dossier.Outcome(outcome)
	return w, err
}

// CountWork counts the office's open dossiers per tab, overdue as of now.
func (s *Dossiers) CountWork(ctx context.Context, office string, now time.Time) (app.WorkCounts, error) {
	var c app.WorkCounts
	err := s.pool.QueryRow(ctx, `SELECT count(*),
		count(*) FILTER (WHERE current_office = $1 AND pending_office IS NULL),
		count(*) FILTER (WHERE pending_office = $1),
		count(*) FILTER (WHERE finished_at IS NULL AND coalesce(paused_at, $2) > due_at)
		FROM dossiers
		WHERE (current_office = $1 OR pending_office = $1) AND received_at IS NOT NULL
		AND `+openStatuses, office, now).
		Scan(&c.All, &c.Here, &c.Incoming, &c.Overdue)
	if err != nil {
		return c, fmt.Errorf("count work: %w", err)
	}
	return c, nil
}
