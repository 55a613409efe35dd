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
	outcome, supplement_requests, extended, fee_due_vnd, fee_paid_vnd`

// workListNames are the columns of workListColumns as a union of them names them.
const workListNames = `id, code, procedure_code, applicant_name, status, receiving_office, handling_office,
	current_office, pending, received_at, due_at, paused_at, finished_at, timing, outcome, supplement_requests, extended,
	fee_due_vnd, fee_paid_vnd`

// openStatuses keeps the dossiers still open; its text matches the partial indexes of
// migration 0007, so the planner can use them.
const openStatuses = "status NOT IN ('returned', 'refused', 'stopped', 'withdrawn')"

// WorkList returns a page of the office's dossiers, earliest appointment first, and
// whether more follow. A dossier belongs to an office's list in two ways: the office
// holds it, or it is on its way there. Each way is a query of its own that walks an
// index in appointment order, so a page reads about as many rows as it shows; the whole
// list merges the two. The checking list is a list of its own (checkingList).
func (s *Dossiers) WorkList(ctx context.Context, q app.WorkListQuery) ([]app.WorkItem, bool, error) {
	if q.Checking() {
		return s.checkingList(ctx, q)
	}
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
	if q.AtRisk != nil {
		filter += " AND " + atRiskSQL(arg(q.AtRisk.From), arg(q.AtRisk.Until))
	}
	filter += textFilter(q, arg)
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
	return lastPage(items, q.Limit)
}

// textFilter is the condition that keeps the dossiers whose code or applicant's name
// holds the query's text, its values added through arg; empty without text.
func textFilter(q app.WorkListQuery, arg func(any) string) string {
	var text []string
	if q.Code != "" {
		text = append(text, "code ILIKE "+arg("%"+likeEscaper.Replace(q.Code)+"%"))
	}
	if q.NameFolded != "" {
		text = append(text, "applicant_name_folded LIKE "+arg("%"+likeEscaper.Replace(q.NameFolded)+"%"))
	}
	if len(text) == 0 {
		return ""
	}
	return " AND (" + strings.Join(text, " OR ") + ")"
}

// lastPage cuts the limit+1 rows read to a page of limit, and reports whether more
// follow.
func lastPage(items []app.WorkItem, limit int) ([]app.WorkItem, bool, error) {
	more := len(items) > limit
	if more {
		items = items[:limit]
	}
	return items, more, nil
}

func scanWorkItem(r pgx.CollectableRow) (app.WorkItem, error) {
	var w app.WorkItem
	err := scanWorkInto(r, &w)
	return w, err
}

// scanWorkInto reads a row of workListColumns into w, and the columns that follow them
// into extra.
func scanWorkInto(r pgx.CollectableRow, w *app.WorkItem, extra ...any) error {
	st := &w.State
	var status, timing, outcome string
	dest := append([]any{&w.ID, &w.Code, &w.ProcedureCode, &w.ApplicantName, &status, &st.ReceivingOffice,
		&st.HandlingOffice, &st.CurrentOffice, &st.PendingOffice, orZero(&st.ReceivedAt), orZero(&st.DueAt), &st.PausedAt,
		&st.FinishedAt, &timing, &outcome, &st.SupplementRequests, &st.Extended, &st.FeeDueVND, &st.FeePaidVND}, extra...)
	err := r.Scan(dest...)
	st.Status, st.Timing, st.Outcome = dossier.Status(status), dossier.Timing(timing), dossier.Outcome(outcome)
	return err
}

// atRiskSQL keeps the dossiers at risk (worktime.Calendar.AtRisk): received, open,
// their clock running, due from the instant of the placeholder from until that of
// until, both included.
func atRiskSQL(from, until string) string {
	return "received_at IS NOT NULL AND finished_at IS NULL AND paused_at IS NULL AND due_at >= " + from +
		"::timestamptz AND due_at <= " + until + "::timestamptz"
}

// CountWork counts the office's open dossiers per tab, overdue as of now and at risk
// when due within atRisk; those not received yet count on the checking tab only. The
// dossiers the office holds and those on their way to it are read apart, each from
// the index its list walks, which holds every column counted (migration 0023).
func (s *Dossiers) CountWork(ctx context.Context, office string, now time.Time, atRisk app.Window) (app.WorkCounts, error) {
	var c app.WorkCounts
	err := s.pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE received_at IS NOT NULL),
		count(*) FILTER (WHERE received_at IS NOT NULL AND current_office = $1 AND pending_office IS NULL),
		count(*) FILTER (WHERE received_at IS NOT NULL AND pending_office = $1),
		count(*) FILTER (WHERE `+atRiskSQL("$3", "$4")+`),
		count(*) FILTER (WHERE received_at IS NOT NULL AND finished_at IS NULL AND coalesce(paused_at, $2) > due_at),
		count(*) FILTER (WHERE received_at IS NULL AND current_office = $1)
		FROM (SELECT received_at, current_office, pending_office, paused_at, due_at, finished_at FROM dossiers
				WHERE current_office = $1 AND `+openStatuses+`
			UNION ALL
			SELECT received_at, current_office, pending_office, paused_at, due_at, finished_at FROM dossiers
				WHERE pending_office = $1 AND current_office <> $1 AND `+openStatuses+`) AS d`,
		office, now, atRisk.From, atRisk.Until).
		Scan(&c.All, &c.Here, &c.Incoming, &c.AtRisk, &c.Overdue, &c.Checking)
	if err != nil {
		return c, fmt.Errorf("count work: %w", err)
	}
	return c, nil
}

// checkingColumns are the columns scanCheckingItem reads: a work list's, then when the
// dossier was submitted and when the citizen last answered the desk's guidance (the
// step supplement before receipt), from which the app tells since when it awaits the
// check (dossier.AwaitsCheckSince).
const checkingColumns = workListColumns + `, submitted_at,
	(SELECT max(s.at) FROM dossier_steps s WHERE s.dossier_id = dossiers.id AND s.action = 'supplement') AS supplemented_at`

// checkingList returns a page of the dossiers the office holds and has not received
// yet, oldest submission first, and whether more follow. Its conditions include the
// predicate of the partial index dossiers_awaiting_check (migration 0010), which the
// query walks in submission order.
func (s *Dossiers) checkingList(ctx context.Context, q app.WorkListQuery) ([]app.WorkItem, bool, error) {
	args := []any{q.Office}
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	filter := " AND received_at IS NULL AND " + openStatuses
	if q.Status != "" {
		filter += " AND status = " + arg(q.Status)
	}
	filter += textFilter(q, arg)
	if q.After != nil {
		filter += " AND (submitted_at, id) > (" + arg(q.After.SubmittedAt) + "::timestamptz, " + arg(q.After.ID) + "::uuid)"
	}
	sql := "SELECT " + checkingColumns + " FROM dossiers WHERE current_office = $1" + filter +
		" ORDER BY submitted_at, id LIMIT " + arg(q.Limit+1)
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, false, fmt.Errorf("checking list: %w", err)
	}
	items, err := pgx.CollectRows(rows, scanCheckingItem)
	if err != nil {
		return nil, false, fmt.Errorf("checking list: %w", err)
	}
	return lastPage(items, q.Limit)
}

func scanCheckingItem(r pgx.CollectableRow) (app.WorkItem, error) {
	var w app.WorkItem
	err := scanWorkInto(r, &w, orZero(&w.SubmittedAt), orZero(&w.SupplementedAt))
	return w, err
}
