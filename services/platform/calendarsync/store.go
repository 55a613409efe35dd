package calendarsync

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/worktime"
)

// Load puts every stored year in force in live; call it at start, before serving.
func Load(ctx context.Context, pool *pgxpool.Pool, live *worktime.Live) error {
	rows, err := pool.Query(ctx, "SELECT year, revision, days_off, working_weekend_days FROM calendar_years ORDER BY year")
	if err != nil {
		return fmt.Errorf("load calendar: %w", err)
	}
	type stored struct {
		year     int
		revision int64
		off, ww  []byte
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (s stored, err error) {
		err = r.Scan(&s.year, &s.revision, &s.off, &s.ww)
		return s, err
	})
	if err != nil {
		return fmt.Errorf("load calendar: %w", err)
	}
	for _, s := range all {
		y, err := fromColumns(s.year, s.off, s.ww)
		if err != nil {
			return fmt.Errorf("load calendar: %w", err)
		}
		if _, err := live.Set(y, s.revision); err != nil {
			return fmt.Errorf("load calendar %d: %w", s.year, err)
		}
	}
	return nil
}

// Years keeps the calendar edits of a service's schema.
type Years struct{ pool *pgxpool.Pool }

// NewYears keeps the calendar edits in the pool's schema.
func NewYears(pool *pgxpool.Pool) Years { return Years{pool: pool} }

// Set stores an administrator's edit of a year (see Set).
func (y Years) Set(ctx context.Context, year worktime.Year, by string, now time.Time) (int64, error) {
	return Set(ctx, y.pool, year, by, now)
}

// Set stores an administrator's edit of a year with the next revision and queues its
// event, in one transaction; it returns the revision. The caller puts the year in force
// (its own Live) once Set returns.
func Set(ctx context.Context, pool *pgxpool.Pool, y worktime.Year, by string, now time.Time) (int64, error) {
	if err := y.Validate(); err != nil {
		return 0, err
	}
	off, ww, err := columns(y)
	if err != nil {
		return 0, fmt.Errorf("set calendar: %w", err)
	}
	var revision int64
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO calendar_years (year, revision, days_off, working_weekend_days, updated_by)
			VALUES ($1, 1, $2, $3, $4)
			ON CONFLICT (year) DO UPDATE SET revision = calendar_years.revision + 1, days_off = EXCLUDED.days_off,
				working_weekend_days = EXCLUDED.working_weekend_days, updated_by = EXCLUDED.updated_by, updated_at = now()
			RETURNING revision`, y.Year, off, ww, by).Scan(&revision)
		if err != nil {
			return err
		}
		msg, err := encode(y, revision, by, now)
		if err != nil {
			return err
		}
		return outbox.Add(ctx, tx, msg)
	})
	if err != nil {
		return 0, fmt.Errorf("set calendar %d: %w", y.Year, err)
	}
	return revision, nil
}

// Handler follows calendar edits: it keeps the newest revision of each year in the
// service's table and puts it in force in live. An edit that cannot be read is poison.
func Handler(live *worktime.Live) messaging.Handler {
	return func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		y, revision, err := Decode(msg.Data())
		if err != nil {
			return messaging.Unreadable(msg, err)
		}
		off, ww, err := columns(y)
		if err != nil {
			return messaging.Poison(err)
		}
		_, err = tx.Exec(ctx, `INSERT INTO calendar_years (year, revision, days_off, working_weekend_days)
			VALUES ($1, $2, $3, $4)
			ON CONFLICT (year) DO UPDATE SET revision = EXCLUDED.revision, days_off = EXCLUDED.days_off,
				working_weekend_days = EXCLUDED.working_weekend_days, updated_at = now()
			WHERE calendar_years.revision < EXCLUDED.revision`, y.Year, revision, off, ww)
		if err != nil {
			return fmt.Errorf("follow calendar %d: %w", y.Year, err)
		}
		// Put in force now: if the transaction fails the edit comes again, and an edit
		// in force early is the same edit.
		if _, err := live.Set(y, revision); err != nil {
			return messaging.Poison(err)
		}
		return nil
	}
}
