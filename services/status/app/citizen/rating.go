package citizen

import (
	"context"
	"errors"
	"time"
)

// The criteria a citizen may rate beside the overall score (the satisfaction survey of
// Decision 766/QĐ-TTg): each a score from 1 to 5, except trips, the number of times the
// citizen had to come (at least 1, at most MaxTrips).
var ScoredCriteria = []string{"on_time", "attitude", "guidance"}

// The bounds of a rating.
const (
	// CriterionTrips is the criterion counting the citizen's trips to the office.
	CriterionTrips = "trips"
	// MaxTrips is the most trips a rating may count.
	MaxTrips = 100
	// MaxCommentLength is the longest comment, in characters.
	MaxCommentLength = 1000
)

// Rating is a citizen's judgement of the service on one dossier.
type Rating struct {
	Score     int
	Criteria  map[string]int
	Comment   string
	CreatedAt time.Time
}

// The reasons a rating is refused.
var (
	// ErrNotReturnedYet: the result has not been handed back; there is nothing to rate.
	ErrNotReturnedYet = errors.New("the dossier's result has not been returned yet")
	// ErrAlreadyRated: the dossier has its one rating already.
	ErrAlreadyRated = errors.New("the dossier has been rated already")
)

// Rate stores the citizen's rating of dossier t (found by Find), once its result is
// returned and once per dossier: ErrNotReturnedYet and ErrAlreadyRated say why not. r
// must be valid already.
func (s *Service) Rate(ctx context.Context, t Tracked, r Rating) (Rating, error) {
	return s.ratings.Rate(ctx, t.ID, r)
}

// Rated reports whether dossier t (found by Find) has been rated already, so that the
// page thanks the citizen instead of offering the form again.
func (s *Service) Rated(ctx context.Context, t Tracked) (bool, error) {
	return s.ratings.Rated(ctx, t.ID)
}
