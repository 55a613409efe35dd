package dossier

// ChecksFirst reports whether action a on a dossier in state s is the desk's first check
// of a dossier submitted online: its receipt, its guidance or its refusal before any
// guidance was given. The wait for that check is a figure of the desk's service.
func ChecksFirst(s State, a Action) bool {
	if s.Status != StatusSubmitted || s.SupplementRequests > 0 {
		return false
	}
	return a == ActReceive || a == ActRequestSupplement || a == ActRefuse
}
