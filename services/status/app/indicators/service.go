package indicators

import (
	"context"
	"slices"
	"time"

	"github.com/motcua/motcua/services/worktime"
)

// Service computes the indicators a supervisor asks for, from the counts of the read
// model: the JSON API's statistics and the dashboard both ask it, so that they never
// disagree.
type Service struct {
	counts   Counts
	legs     PostLegs
	overdue  OverdueDossiers
	atRisk   AtRiskDossiers
	names    Names
	location *time.Location
	calendar func() *worktime.Calendar
	// atRiskHours is how many working hours ahead a dossier's appointment puts it at
	// risk.
	atRiskHours int
}

// Options are what a Service is built from.
type Options struct {
	Counts Counts
	// Legs reads the post's legs.
	Legs    PostLegs
	Overdue OverdueDossiers
	AtRisk  AtRiskDossiers
	Names   Names
	// Location is the offices' time zone: periods are whole days in it.
	Location *time.Location
	// Calendar counts the working hours a dossier is overdue, and those ahead that put it
	// at risk.
	Calendar func() *worktime.Calendar
	// AtRiskHours is how many working hours ahead a dossier is at risk
	// (MOTCUA_AT_RISK_HOURS), as on the officers' lists.
	AtRiskHours int
}

// NewService returns the service of o.
func NewService(o Options) *Service {
	return &Service{counts: o.Counts, legs: o.Legs, overdue: o.Overdue, atRisk: o.AtRisk, names: o.Names,
		location: o.Location, calendar: o.Calendar, atRiskHours: o.AtRiskHours}
}

// Scope is what a supervisor asks figures of: the dossiers received in a period that
// passed through their own offices, narrowed to one office and one procedure when
// chosen.
type Scope struct {
	Period Period
	// Within are the supervisor's offices.
	Within    []string
	Office    string
	Procedure string
}

// filter is the scope's dossiers, judged at now.
func (s *Service) filter(sc Scope, now time.Time) Filter {
	from, to := sc.Period.Bounds(s.location)
	return Filter{From: from, To: to, Office: sc.Office, Procedure: sc.Procedure, Within: slices.Clone(sc.Within),
		Now: now}
}

// GroupFigures are the figures of one procedure or one office.
type GroupFigures struct {
	Code, Name string
	Figures
}

// Table is the figures of a scope: the whole and by procedure and by handling office,
// and the post's legs per post office.
type Table struct {
	Total       Figures
	ByProcedure []GroupFigures
	ByOffice    []GroupFigures
	// PostLegs are the legs of the post delivered in the scope's period, of its
	// dossiers, per post office.
	PostLegs []PostLeg
}

// Table computes the figures of sc at now.
func (s *Service) Table(ctx context.Context, sc Scope, now time.Time) (Table, error) {
	f := s.filter(sc, now)
	b, err := s.counts.Breakdown(ctx, f)
	if err != nil {
		return Table{}, err
	}
	legs, err := s.legs.PostLegs(ctx, f)
	if err != nil {
		return Table{}, err
	}
	return Table{Total: Of(b.Total), ByProcedure: groupFigures(b.ByProcedure), ByOffice: groupFigures(b.ByOffice),
		PostLegs: legs}, nil
}

func groupFigures(gs []Group) []GroupFigures {
	out := make([]GroupFigures, 0, len(gs))
	for _, g := range gs {
		out = append(out, GroupFigures{Code: g.Code, Name: g.Name, Figures: Of(g.Counters)})
	}
	return out
}

// Board is a scope's table and its figures over time: its period's buckets, each with
// the figures of the dossiers received in it.
type Board struct {
	Table
	Unit    Unit
	Buckets []Bucket
	Series  []Figures
}

// Board computes the table of sc at now and its series over the weeks or months of its
// period.
func (s *Service) Board(ctx context.Context, sc Scope, now time.Time) (Board, error) {
	table, err := s.Table(ctx, sc, now)
	if err != nil {
		return Board{}, err
	}
	b := Board{Table: table}
	b.Unit, b.Buckets = Buckets(sc.Period)
	series, err := s.counts.Series(ctx, s.filter(sc, now), Starts(b.Buckets, s.location))
	if err != nil {
		return Board{}, err
	}
	for _, c := range series {
		b.Series = append(b.Series, Of(c))
	}
	return b, nil
}

// Overdue is an overdue dossier and how long it has been overdue.
type Overdue struct {
	OverdueDossier
	// Hours are the working hours past its appointment (up to the moment its clock
	// stopped, while it waits for a supplement).
	Hours float64
}

// Overdue lists up to limit dossiers of sc's offices, office and procedure (whatever
// their period) overdue at now, the latest first, and how many there are in all.
func (s *Service) Overdue(ctx context.Context, sc Scope, now time.Time, limit int) ([]Overdue, int64, error) {
	rows, total, err := s.overdue.Overdue(ctx, OverdueFilter{Within: slices.Clone(sc.Within), Office: sc.Office,
		Procedure: sc.Procedure, Now: now, Limit: limit})
	if err != nil {
		return nil, 0, err
	}
	cal := s.calendar()
	out := make([]Overdue, 0, len(rows))
	for _, d := range rows {
		out = append(out, Overdue{OverdueDossier: d, Hours: -d.Standing.RemainingHours(now, cal)})
	}
	return out, total, nil
}

// AtRisk is how many open dossiers are at risk at a moment, and what that means.
type AtRisk struct {
	Count int64
	// Hours are the working hours of the warning, and Until the cut-off they give: a
	// dossier due from the moment until then is at risk.
	Hours int
	Until time.Time
}

// AtRisk counts the dossiers of sc's offices, office and procedure (whatever their
// period) at risk at now: the same dossiers as the staff list's at_risk=true of those
// offices.
func (s *Service) AtRisk(ctx context.Context, sc Scope, now time.Time) (AtRisk, error) {
	until := s.calendar().AtRiskUntil(now, s.atRiskHours)
	n, err := s.atRisk.CountAtRisk(ctx, AtRiskFilter{Within: slices.Clone(sc.Within), Office: sc.Office,
		Procedure: sc.Procedure, Now: now, Until: until})
	if err != nil {
		return AtRisk{}, err
	}
	return AtRisk{Count: n, Hours: s.atRiskHours, Until: until}, nil
}

// Choices are the offices (of codes, the supervisor's) and the procedures a
// supervisor may narrow the figures to, each with its name.
func (s *Service) Choices(ctx context.Context, codes []string) (offices, procedures []Named, err error) {
	if offices, err = s.names.OfficeNames(ctx, codes); err != nil {
		return nil, nil, err
	}
	if procedures, err = s.names.Procedures(ctx); err != nil {
		return nil, nil, err
	}
	return offices, procedures, nil
}
