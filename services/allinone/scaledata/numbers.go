package scaledata

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// readSequences reads the last numbers intake has given at each office's day.
func (l *Loader) readSequences(ctx context.Context) (map[officeDay]int, error) {
	rows, err := l.pool.Query(ctx, "SELECT office_code, day, last_value FROM intake.code_sequences")
	if err != nil {
		return nil, fmt.Errorf("read code sequences: %w", err)
	}
	out := map[officeDay]int{}
	var k officeDay
	var day time.Time
	var n int
	_, err = pgx.ForEachRow(rows, []any{&k.office, &day, &n}, func() error {
		out[officeDay{office: k.office, day: day.Format(time.DateOnly)}] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read code sequences: %w", err)
	}
	return out, nil
}

// finish tells intake and postal the numbers the loaded dossiers took, so that a dossier
// registered or a shipment opened later takes the next ones: each office's day's last
// code number, and the last tracking serial set aside.
func (l *Loader) finish(ctx context.Context, upTo int) error {
	var offices, days []string
	var values []int
	for k, n := range l.planner.sequences {
		offices, days, values = append(offices, k.office), append(days, k.day), append(values, n)
	}
	if _, err := l.pool.Exec(ctx, `INSERT INTO intake.code_sequences (office_code, day, last_value)
		SELECT * FROM unnest($1::text[], $2::date[], $3::int[])
		ON CONFLICT (office_code, day) DO UPDATE SET last_value = GREATEST(code_sequences.last_value, EXCLUDED.last_value)`,
		offices, days, values); err != nil {
		return fmt.Errorf("write code sequences: %w", err)
	}
	if _, err := l.pool.Exec(ctx, "SELECT setval('postal.s10_serial', $1)", l.serialBase+upTo*maxLegs); err != nil {
		return fmt.Errorf("set tracking serial: %w", err)
	}
	return nil
}

// settle VACUUM ANALYZEs the tables loaded: their statistics for the planner, and the
// visibility map that lets index-only scans skip the heap, as autovacuum leaves a
// settled system.
func (l *Loader) settle(ctx context.Context) error {
	for _, t := range append(tables[:], table{schema: "intake", name: "code_sequences"}) {
		if _, err := l.pool.Exec(ctx, "VACUUM ANALYZE "+t.identifier().Sanitize()); err != nil {
			return fmt.Errorf("vacuum %s.%s: %w", t.schema, t.name, err)
		}
	}
	return nil
}
