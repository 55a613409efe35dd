package dossier

import "time"

// ChecksFirst reports whether action a on a dossier in state s is the desk's first check
// of a dossier submitted online: its receipt, its guidance or its refusal before any
// guidance was given. The wait for that check is a figure of the desk's service.
func ChecksFirst(s State, a Action) bool {
	if s.Status != StatusSubmitted || s.SupplementRequests > 0 {
		return false
	}
	return a == ActReceive || a == ActRequestSupplement || a == ActRefuse
}

// AwaitsCheckSince is when a dossier not yet received began to wait for the desk's
// check: the citizen's answer to the desk's guidance (supplementedAt, zero without one);
// else, for one a post office took, the delivery of its papers at the desk (zero while
// they are on the road: the desk has nothing to check); else its submission online.
func AwaitsCheckSince(s State, submittedAt, supplementedAt time.Time) time.Time {
	switch {
	case !supplementedAt.IsZero():
		return supplementedAt
	case s.PickupTracking != "":
		return s.PapersAt
	}
	return submittedAt
}

// CheckBy is when the desk must have checked a dossier that came to it online at since
// (submitted, or back with what its guidance asked for): the close of that working day,
// or of the next one when it came outside office hours (domain §9: checking is expected
// the same working day).
func CheckBy(clock Clock, since time.Time) time.Time { return clock.AddWorkingHours(since, 0) }
