package indicators

import "context"

// PostLeg is how long the post took, per post office, over the legs it finished in a
// period (domain.md §5, issue 13): the dossiers it took in (pickups, from when it took
// the papers in to their delivery at the desk), and the results it delivered to the
// citizen's home or handed over at its counter (from the shipment's opening, when the
// result was ready, to that delivery). Times are the post's own, in hours on the clock,
// not the offices' working hours.
type PostLeg struct {
	// PostOffice is the post office: a pickup's origin, a result's destination.
	PostOffice Named
	Pickups    LegTimes
	Results    LegTimes
}

// LegTimes are the legs of one kind through one post office.
type LegTimes struct {
	Count int64
	// AvgSeconds is their average duration; nil when there is none.
	AvgSeconds *float64
}

// AvgHours is the legs' average duration in hours with one decimal; nil when there is
// none.
func (l LegTimes) AvgHours() *float64 { return scaled(l.AvgSeconds, 3600) }

// PostLegs reads the legs of the post in the read model.
type PostLegs interface {
	// PostLegs are the pickups and results of the dossiers of f (but for its period)
	// delivered in [f.From, f.To), per post office, by code; a post office with
	// neither is left out.
	PostLegs(ctx context.Context, f Filter) ([]PostLeg, error)
}
