package dashboard

import (
	"context"
	"slices"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/status/adapters/store"
	"github.com/motcua/motcua/services/status/app/indicators"
	"github.com/motcua/motcua/services/status/domain/tracking"
)

// group is a procedure's or an office's indicators.
type group struct {
	Code, Name string
	indicators.Figures
}

// overdue is an overdue dossier and how long it has been overdue.
type overdue struct {
	store.OverdueDossier
	// Hours are the working hours past its appointment (up to the moment its clock
	// stopped, while it waits for a supplement).
	Hours float64
}

// board is the figures of one filter: the whole and its breakdowns, the period's
// buckets with theirs, and the dossiers overdue now.
type board struct {
	Total       indicators.Figures
	ByProcedure []group
	ByOffice    []group
	Unit        indicators.Unit
	Buckets     []indicators.Bucket
	Series      []indicators.Figures
	Overdue     []overdue
	// OverdueTotal is how many are overdue, listed or not.
	OverdueTotal int64
}

// statsFilter is f over the dossiers of who's offices, judged at now.
func (p *Pages) statsFilter(who *auth.Principal, f filter, now time.Time) store.StatsFilter {
	from, to := f.Period.Bounds(p.Location)
	return store.StatsFilter{From: from, To: to, Office: f.Office, Procedure: f.Procedure,
		Within: slices.Clone(who.Offices), Now: now}
}

// load reads the indicators of f for who at now: the whole, its breakdowns and its
// buckets (not the overdue dossiers).
func (p *Pages) load(ctx context.Context, who *auth.Principal, f filter, now time.Time) (board, error) {
	var b board
	sf := p.statsFilter(who, f, now)
	st, err := p.Store.Stats(ctx, sf)
	if err != nil {
		return b, err
	}
	b.Total = indicators.Of(st.Total)
	b.ByProcedure, b.ByOffice = groups(st.ByProcedure), groups(st.ByOffice)
	b.Unit, b.Buckets = indicators.Buckets(f.Period)
	series, err := p.Store.Series(ctx, sf, indicators.Starts(b.Buckets, p.Location))
	if err != nil {
		return b, err
	}
	for _, c := range series {
		b.Series = append(b.Series, indicators.Of(c))
	}
	return b, nil
}

// overdue lists the dossiers of f's office and procedure (whatever their period)
// overdue at now.
func (p *Pages) overdue(ctx context.Context, who *auth.Principal, f filter, now time.Time, limit int) ([]overdue, int64, error) {
	rows, total, err := p.Store.Overdue(ctx, store.OverdueFilter{Within: slices.Clone(who.Offices), Office: f.Office,
		Procedure: f.Procedure, Now: now, Limit: limit})
	if err != nil {
		return nil, 0, err
	}
	cal := p.Calendar()
	out := make([]overdue, 0, len(rows))
	for _, d := range rows {
		s := tracking.Standing{Status: d.Status, DueAt: d.DueAt, PausedAt: d.PausedAt}
		out = append(out, overdue{OverdueDossier: d, Hours: -s.RemainingHours(now, cal)})
	}
	return out, total, nil
}

func groups(gs []store.Group) []group {
	out := make([]group, 0, len(gs))
	for _, g := range gs {
		out = append(out, group{Code: g.Code, Name: g.Name, Figures: indicators.Of(g.Counters)})
	}
	return out
}

// lateByOffice are the offices for the late-dossiers chart: the most late first, then
// by name.
func lateByOffice(offices []group) []barInput {
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
