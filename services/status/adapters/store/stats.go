package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// StatsFilter selects the dossiers statistics are computed over.
type StatsFilter struct {
	// Received in [From, To).
	From, To time.Time
	// Office, when set, keeps the dossiers that belonged to that office.
	Office string
	// Procedure, when set, keeps the dossiers of that procedure.
	Procedure string
	// Within, when not empty, keeps the dossiers that belonged to any of these offices:
	// those of a supervisor's offices.
	Within []string
	// Now judges open dossiers: overdue when their appointment has passed at Now (or at
	// the moment their clock stopped, while paused).
	Now time.Time
}

// Counters are the raw figures of a set of dossiers; rates are derived from them.
type Counters struct {
	Received       int64
	Early          int64
	OnTime         int64
	Late           int64
	WithinDeadline int64
	Overdue        int64
	Withdrawn      int64
	Desk           int64
	Post           int64
	Online         int64
	// AvgProcessingSeconds is over finished dossiers with a timing; nil when none.
	AvgProcessingSeconds *float64
	Ratings              int64
	// AvgScore is the average overall rating; nil when none.
	AvgScore *float64
	// Dislikes are ratings with a score of 2 or less.
	Dislikes int64
}

// Group is the counters of one procedure or one office.
type Group struct {
	Code string
	Name string
	Counters
}

// Stats is the whole and its breakdowns, each sorted by code.
type Stats struct {
	Total       Counters
	ByProcedure []Group
	ByOffice    []Group
}

// Stats computes the counters of the dossiers matching f in one aggregate query: the
// total, per procedure and per handling office (grouping sets over one scan).
func (s *Store) Stats(ctx context.Context, f StatsFilter) (Stats, error) {
	rows, err := s.pool.Query(ctx, `WITH d AS (
		SELECT d.procedure_code, d.procedure_name, d.handling_office_code, d.handling_office_name,
			d.channel, d.processing_seconds, r.score,
			`+standingSQL+` AS standing
		FROM dossiers d LEFT JOIN ratings r ON r.dossier_id = d.id
		WHERE `+statsWhereSQL+`
	)
	SELECT
		CASE WHEN GROUPING(procedure_code) = 0 THEN 'procedure'
			WHEN GROUPING(handling_office_code) = 0 THEN 'office' ELSE 'total' END,
		COALESCE(procedure_code, handling_office_code, ''),
		CASE WHEN GROUPING(procedure_code) = 0 THEN max(procedure_name)
			WHEN GROUPING(handling_office_code) = 0 THEN max(handling_office_name) ELSE '' END,
		`+countersSQL+`
	FROM d
	GROUP BY GROUPING SETS ((), (procedure_code), (handling_office_code))
	ORDER BY 1, 2`, f.From, f.To, f.Now, f.Office, f.Procedure, f.Within)
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	var out Stats
	var scope string
	var g Group
	_, err = pgx.ForEachRow(rows, append([]any{&scope, &g.Code, &g.Name}, g.Counters.targets()...), func() error {
		switch scope {
		case "procedure":
			out.ByProcedure = append(out.ByProcedure, g)
		case "office":
			out.ByOffice = append(out.ByOffice, g)
		default:
			out.Total = g.Counters
		}
		g = Group{}
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return out, nil
}
