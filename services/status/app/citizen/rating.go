package citizen

import (
	"context"

	"github.com/motcua/motcua/services/status/adapters/store"
)

// The criteria a citizen may rate beside the overall score (the satisfaction survey of
// Decision 766/QĐ-TTg): each a score from 1 to 5, except trips, the number of times the
// citizen had to come (at least 1, at most MaxTrips).
var ScoredCriteria = []string{"on_time", "attitude", "guidance"}

// The bounds of a rating.
const (
	CriterionTrips   = "trips"
	MaxTrips         = 100
	MaxCommentLength = 1000
)

// Rate stores the citizen's rating of dossier t (found by Find), once its result is
// returned and once per dossier: store.ErrNotReturnedYet and store.ErrAlreadyRated say
// why not. r must be valid already.
func (d *Desk) Rate(ctx context.Context, t store.Tracked, r store.Rating) (store.Rating, error) {
	return d.Store.Rate(ctx, t.ID, r)
}

// Rated reports whether dossier t (found by Find) has been rated already, so that the
// page thanks the citizen instead of offering the form again.
func (d *Desk) Rated(ctx context.Context, t store.Tracked) (bool, error) {
	return d.Store.Rated(ctx, t.ID)
}
