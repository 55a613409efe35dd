package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// UseZone makes loc the zone whose days the sums of settled dossiers are cut in
// (stats_sums): the offices' zone, in which the figures' periods are whole days. When it
// differs from the zone they were cut in, they are cut again, once, whichever status
// instance starts first.
func (s *Store) UseZone(ctx context.Context, loc *time.Location) error {
	name, err := s.zoneName(ctx, loc)
	if err != nil {
		return err
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var kept string
		if err := tx.QueryRow(ctx, `SELECT name FROM stats_zone FOR UPDATE`).Scan(&kept); err != nil {
			return err
		}
		if kept == name {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE stats_zone SET name = $1`, name); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `SELECT figures_rebuild()`)
		return err
	})
	if err != nil {
		return fmt.Errorf("statistics' time zone: %w", err)
	}
	s.loc, s.zone = loc, name
	return nil
}

// zoneName is PostgreSQL's name of loc: its own when the server knows it, else, for a
// zone at a whole number of hours from UTC all year, the fixed Etc zone (whose sign is
// reversed: Etc/GMT-7 is seven hours east).
func (s *Store) zoneName(ctx context.Context, loc *time.Location) (string, error) {
	var known bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1)`,
		loc.String()).Scan(&known); err != nil {
		return "", fmt.Errorf("statistics' time zone: %w", err)
	}
	if known {
		return loc.String(), nil
	}
	year := time.Now().Year()
	_, january := time.Date(year, time.January, 1, 0, 0, 0, 0, loc).Zone()
	_, july := time.Date(year, time.July, 1, 0, 0, 0, 0, loc).Zone()
	if january != july || january%3600 != 0 {
		return "", fmt.Errorf("statistics' time zone: PostgreSQL does not know %q", loc)
	}
	return fmt.Sprintf("Etc/GMT%+d", -january/3600), nil
}
