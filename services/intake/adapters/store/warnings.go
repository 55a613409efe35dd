package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/delivery"
	"github.com/motcua/motcua/services/worktime"
)

// StaffMailTable is the queue of mail to staff.
const StaffMailTable = "staff_mail"

var _ app.WarningStore = (*Store)(nil)

// Addressees lists the enabled accounts of role with an e-mail address, by username.
func (s *Store) Addressees(ctx context.Context, role string) ([]app.Addressee, error) {
	rows, err := s.pool.Query(ctx, `SELECT a.username, a.email, array_agg(o.office_code ORDER BY o.office_code)
		FROM staff_accounts a JOIN staff_offices o USING (username)
		WHERE a.role = $1 AND NOT a.disabled AND a.email IS NOT NULL
		GROUP BY a.username ORDER BY a.username`, role)
	if err != nil {
		return nil, fmt.Errorf("addressees: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (app.Addressee, error) {
		var a app.Addressee
		err := r.Scan(&a.Username, &a.Email, &a.Offices)
		return a, err
	})
}

// warnedColumns are the columns scanWarned reads.
const warnedColumns = "id, code, procedure_code, current_office, status, due_at"

func scanWarned(r pgx.CollectableRow) (app.WarnedDossier, error) {
	var d app.WarnedDossier
	err := r.Scan(&d.ID, &d.Code, &d.ProcedureCode, &d.Office, &d.Status, &d.DueAt)
	return d, err
}

// AtRisk lists the open dossiers held by one of offices, received and unfinished,
// whose clock runs and whose appointment is in [from, until], soonest first: the work
// list's rule of the dossiers at risk, over its index of open dossiers by office and
// appointment.
func (s *Store) AtRisk(ctx context.Context, offices []string, from, until time.Time) ([]app.WarnedDossier, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+warnedColumns+" FROM dossiers WHERE current_office = ANY($1) AND "+
		openStatuses+" AND "+atRiskSQL("$2", "$3")+" ORDER BY due_at, code", offices, from, until)
	if err != nil {
		return nil, fmt.Errorf("dossiers at risk: %w", err)
	}
	out, err := pgx.CollectRows(rows, scanWarned)
	if err != nil {
		return nil, fmt.Errorf("dossiers at risk: %w", err)
	}
	return out, nil
}

// Digest records day's digest as made and queues the mails build makes, in one
// transaction; a day made already (by this process, another replica, or before a
// restart) is not made again: a second replica at the same moment waits on the day's
// row and then finds it.
func (s *Store) Digest(ctx context.Context, day worktime.Date, build func(ctx context.Context) ([]app.StaffMail, error)) (bool, error) {
	var made bool
	if err := s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM staff_digests WHERE day = $1)", day.String()).Scan(&made); err != nil {
		return false, fmt.Errorf("digest: %w", err)
	}
	if made {
		return false, nil
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, "INSERT INTO staff_digests (day, made_at, mails) VALUES ($1, now(), 0) ON CONFLICT DO NOTHING", day.String())
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return nil
		}
		mails, err := build(ctx)
		if err != nil {
			return err
		}
		if err := queueStaffMail(ctx, tx, mails); err != nil {
			return err
		}
		made = true
		_, err = tx.Exec(ctx, "UPDATE staff_digests SET mails = $2 WHERE day = $1", day.String(), len(mails))
		return err
	})
	if err != nil {
		return false, fmt.Errorf("digest: %w", err)
	}
	return made, nil
}

// TellLate takes, locked, up to limit open dossiers past their appointment at now whose
// supervisors were not told (skipping those another replica holds), queues the mails
// tell makes of them and marks them told, in one transaction. The scan walks the index
// of dossiers not told by appointment; its rule is the overdue of the work list's tab
// (a clock paused for a supplement is judged when it stopped).
func (s *Store) TellLate(ctx context.Context, now time.Time, limit int, tell func(ctx context.Context, late []app.WarnedDossier) ([]app.StaffMail, error)) (int, error) {
	var n int
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, "SELECT "+warnedColumns+` FROM dossiers
			WHERE late_told_at IS NULL AND finished_at IS NULL AND due_at IS NOT NULL AND `+openStatuses+`
			  AND due_at < $1 AND due_at < coalesce(paused_at, $1)
			ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`, now, limit)
		if err != nil {
			return err
		}
		late, err := pgx.CollectRows(rows, scanWarned)
		if err != nil || len(late) == 0 {
			return err
		}
		mails, err := tell(ctx, late)
		if err != nil {
			return err
		}
		if err := queueStaffMail(ctx, tx, mails); err != nil {
			return err
		}
		ids := make([]string, len(late))
		for i, d := range late {
			ids[i] = d.ID.String()
		}
		if _, err := tx.Exec(ctx, "UPDATE dossiers SET late_told_at = $2 WHERE id = ANY($1::uuid[])", ids, now); err != nil {
			return err
		}
		n = len(late)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("tell late: %w", err)
	}
	return n, nil
}

// queueStaffMail adds mails to the staff mail queue within tx, once per id.
func queueStaffMail(ctx context.Context, tx pgx.Tx, mails []app.StaffMail) error {
	for _, m := range mails {
		payload, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if _, err := delivery.Add(ctx, tx, StaffMailTable, delivery.Item{ID: m.ID, Payload: payload}, time.Time{}); err != nil {
			return err
		}
	}
	return nil
}
