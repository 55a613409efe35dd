package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/status/app/indicators"
)

var _ indicators.Counts = (*Store)(nil)

// Breakdown computes the counters of the dossiers matching f in one aggregate query
// over partsSQL: the total, per procedure and per handling office (grouping sets over
// one pass), each group named as procedure_names and office_names name it.
func (s *Store) Breakdown(ctx context.Context, f indicators.Filter) (indicators.Breakdown, error) {
	args, err := s.periodArgs(f, true)
	if err != nil {
		return indicators.Breakdown{}, err
	}
	rows, err := s.pool.Query(ctx, `WITH `+partsSQL+`
	SELECT
		CASE WHEN GROUPING(procedure_code) = 0 THEN 'procedure'
			WHEN GROUPING(handling_office_code) = 0 THEN 'office' ELSE 'total' END,
		COALESCE(procedure_code, handling_office_code, ''),
		CASE WHEN GROUPING(procedure_code) = 0
				THEN COALESCE((SELECT n.name FROM procedure_names n WHERE n.code = procedure_code), procedure_code)
			WHEN GROUPING(handling_office_code) = 0
				THEN COALESCE((SELECT COALESCE(n.handled_name, n.held_name) FROM office_names n
					WHERE n.code = handling_office_code), handling_office_code)
			ELSE '' END,
		`+countersSQL+`
	FROM parts
	GROUP BY GROUPING SETS ((), (procedure_code), (handling_office_code))
	ORDER BY 1, 2`, append(args, f.Now, s.zone)...)
	if err != nil {
		return indicators.Breakdown{}, fmt.Errorf("stats: %w", err)
	}
	var out indicators.Breakdown
	var scope string
	var g indicators.Group
	_, err = pgx.ForEachRow(rows, append([]any{&scope, &g.Code, &g.Name}, counterTargets(&g.Counters)...), func() error {
		switch scope {
		case "procedure":
			out.ByProcedure = append(out.ByProcedure, g)
		case "office":
			out.ByOffice = append(out.ByOffice, g)
		default:
			out.Total = g.Counters
		}
		g = indicators.Group{}
		return nil
	})
	if err != nil {
		return indicators.Breakdown{}, fmt.Errorf("stats: %w", err)
	}
	return out, nil
}
