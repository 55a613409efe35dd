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
// opening, when the result was ready. The legs are read through the partial index on
// delivered_at, each joined to its dossier by key; the names are those the dossier
// events gave the post offices, the code standing in for a name never given. Legs
// without a post office (folded before status kept them) are left out.
func (s *Store) PostLegs(ctx context.Context, f indicators.Filter) ([]indicators.PostLeg, error) {
	rows, err := s.pool.Query(ctx, `WITH l AS (
		SELECT s.kind,
			CASE s.kind WHEN 'pickup' THEN s.origin_post_office_code ELSE s.destination_post_office_code END AS office,
			extract(epoch FROM s.delivered_at -
				CASE s.kind WHEN 'pickup' THEN s.accepted_at ELSE s.created_at END)::float8 AS seconds
		FROM shipments s JOIN dossiers d ON d.id = s.dossier_id
		WHERE s.delivered_at IS NOT NULL AND s.kind IN ('pickup', 'delivery')
			AND s.delivered_at >= $1 AND s.delivered_at < $2
			AND (s.kind = 'delivery' OR s.accepted_at IS NOT NULL)
			AND ($3::text = '' OR d.offices @> ARRAY[$3::text])
			AND ($4::text = '' OR d.procedure_code = $4)
			AND (COALESCE(cardinality($5::text[]), 0) = 0 OR d.offices && $5::text[])
	)
	SELECT l.office, COALESCE(min(p.name), l.office),
		count(*) FILTER (WHERE l.kind = 'pickup'),
		avg(l.seconds) FILTER (WHERE l.kind = 'pickup'),
		count(*) FILTER (WHERE l.kind = 'delivery'),
		avg(l.seconds) FILTER (WHERE l.kind = 'delivery')
	FROM l LEFT JOIN post_offices p ON p.code = l.office
	WHERE l.office <> ''
	GROUP BY l.office
	ORDER BY l.office`, f.From, f.To, f.Office, f.Procedure, f.Within)
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
