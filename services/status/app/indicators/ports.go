package indicators

import (
	"context"
	"time"
)

// Counts counts dossiers in the read model, so that a figure is one scan whatever the
// number of dossiers.
type Counts interface {
	// Breakdown counts the dossiers of f, whole, by procedure and by handling office.
	Breakdown(ctx context.Context, f Filter) (Breakdown, error)
	// Series counts the dossiers of f received in each part of its period, the parts
	// beginning at starts (in order; the first at f.From, the last ending at f.To).
	Series(ctx context.Context, f Filter, starts []time.Time) ([]Counters, error)
}

// OverdueDossiers lists the dossiers overdue now.
type OverdueDossiers interface {
	// Overdue returns up to f.Limit open dossiers overdue at f.Now, the latest first,
	// and how many there are in all.
	Overdue(ctx context.Context, f OverdueFilter) ([]OverdueDossier, int64, error)
}

// AtRiskDossiers counts the dossiers at risk now.
type AtRiskDossiers interface {
	// CountAtRisk counts the open dossiers of f whose clock runs, due at or after f.Now
	// and no later than f.Until.
	CountAtRisk(ctx context.Context, f AtRiskFilter) (int64, error)
}

// Names names the offices and procedures a supervisor may choose among.
type Names interface {
	// Procedures lists the procedures of the dossiers status knows, by code.
	Procedures(ctx context.Context) ([]Named, error)
	// OfficeNames names the offices with codes, in their order (an office no dossier
	// names keeps its code as its name).
	OfficeNames(ctx context.Context, codes []string) ([]Named, error)
}
