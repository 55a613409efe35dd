package dashboard

import (
	"slices"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/status/app/indicators"
)

// board is the figures of one filter: the whole and its breakdowns, the period's
// buckets with theirs, the dossiers overdue now and how many are at risk.
type board struct {
	indicators.Board
	Overdue []indicators.Overdue
	// OverdueTotal is how many are overdue, listed or not.
	OverdueTotal int64
	// AtRisk is how many open dossiers are due within the warning's working hours.
	AtRisk indicators.AtRisk
}

// scope is what f asks of who's offices.
func scope(who *auth.Principal, f filter) indicators.Scope {
	return indicators.Scope{Period: f.Period, Within: who.Offices, Office: f.Office, Procedure: f.Procedure}
}

// lateByOffice are the offices for the late-dossiers chart: the most late first, then
// by name.
func lateByOffice(offices []indicators.GroupFigures) []barInput {
	out := make([]barInput, 0, len(offices))
	for _, g := range offices {
		out = append(out, barInput{Code: g.Code, Name: g.Name, Late: g.Late, Overdue: g.Overdue})
	}
	slices.SortStableFunc(out, func(a, b barInput) int {
		if d := (b.Late + b.Overdue) - (a.Late + a.Overdue); d != 0 {
			if d > 0 {
				return 1
			}
			return -1
		}
		if a.Name < b.Name {
			return -1
		}
		if a.Name > b.Name {
			return 1
		}
		return 0
	})
	return out
}
