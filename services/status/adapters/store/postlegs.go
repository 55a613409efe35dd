package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/status/app/indicators"
)

var _ indicators.PostLegs = (*Store)(nil)

// PostLegs computes, in one aggregate query, the pickups and results delivered in
// [f.From, f.To) of the dossiers of f's offices, office and procedure, per post office:
// a pickup at its origin (the post office that took the papers in), timed from its
// acceptance to its delivery at the desk; a result's delivery at its destination (the
// post office that delivered it, or where the citizen collected it), timed from its
// opening, when the result was ready (leg_sums, migration 0012). Whole months and days
// come summed from leg_sums_kept, the legs delivered in a part of a day at either end of
// the period one by one; the names are those the dossier events gave the post offices,
// the code standing in for a name never given. Legs without a post office (folded
// before status kept them) are left out.
func (s *Store) PostLegs(ctx context.Context, f indicators.Filter) ([]indicators.PostLeg, error) {
	args, err := s.periodArgs(f, true)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `WITH l AS (
		SELECT s.kind, s.office, s.legs, s.millis FROM leg_sums_kept s
		WHERE s.span = 'month' AND s.starts_on >= $8 AND s.starts_on < $9 AND `+scopeSQL("s")+`
		UNION ALL
		SELECT s.kind, s.office, s.legs, s.millis FROM leg_sums_kept s
		WHERE s.span = 'day' AND s.starts_on >= $6 AND s.starts_on < $7 AND NOT (s.starts_on >= $8 AND s.starts_on < $9)
			AND `+scopeSQL("s")+`
		UNION ALL
		SELECT v.kind, v.office, v.legs, v.millis FROM leg_sums v
		WHERE v.span = 'day' AND v.delivered_at >= $1 AND v.delivered_at < $10 AND `+scopeSQL("v")+`
		UNION ALL
		SELECT v.kind, v.office, v.legs, v.millis FROM leg_sums v
		WHERE v.span = 'day' AND v.delivered_at >= $11 AND v.delivered_at < $2 AND `+scopeSQL("v")+`
	)
	SELECT l.office, COALESCE(min(p.name), l.office),
		COALESCE(sum(l.legs) FILTER (WHERE l.kind = 'pickup'), 0)::bigint,
		(sum(l.millis) FILTER (WHERE l.kind = 'pickup') / 1000.0 / sum(l.legs) FILTER (WHERE l.kind = 'pickup'))::float8,
		COALESCE(sum(l.legs) FILTER (WHERE l.kind = 'delivery'), 0)::bigint,
		(sum(l.millis) FILTER (WHERE l.kind = 'delivery') / 1000.0 / sum(l.legs) FILTER (WHERE l.kind = 'delivery'))::float8
	FROM l LEFT JOIN post_offices p ON p.code = l.office
	GROUP BY l.office
	HAVING sum(l.legs) <> 0
	ORDER BY l.office`, args...)
	if err != nil {
		return nil, fmt.Errorf("post legs: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (indicators.PostLeg, error) {
		var l indicators.PostLeg
		err := row.Scan(&l.PostOffice.Code, &l.PostOffice.Name, &l.Pickups.Count, &l.Pickups.AvgSeconds,
			&l.Results.Count, &l.Results.AvgSeconds)
		return l, err
	})
	if err != nil {
		return nil, fmt.Errorf("post legs: %w", err)
	}
	return out, nil
}
