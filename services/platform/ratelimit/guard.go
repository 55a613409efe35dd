package ratelimit

import "time"

// Guard limits failed attempts at a secret (a lookup PIN, a password) per client and per
// target (a dossier code, an account). A client that fails too often waits, whatever it
// tries. A target failed too often, by one client or by many together, makes wait only
// the clients that failed on it lately: the right secret from another client still gets
// through, so nobody can lock a citizen or a member of staff out of their own.
type Guard struct {
	ByClient *Limiter
	ByTarget *Limiter
	// tried holds the pairs of client and target that failed within the time the target
	// takes to refill from empty.
	tried *Limiter
}

// NewGuard returns a guard counting failures with byClient and byTarget.
func NewGuard(byClient, byTarget *Limiter) *Guard {
	memory := time.Duration(byTarget.Burst) * byTarget.Per
	return &Guard{ByClient: byClient, ByTarget: byTarget, tried: New(1, memory, byTarget.MaxKeys)}
}

// Wait is how long client must wait before trying target again; 0 when it may try now.
func (g *Guard) Wait(client, target string, now time.Time) time.Duration {
	if blocked, wait := g.ByClient.Blocked(client, now); blocked {
		return wait
	}
	if blocked, wait := g.ByTarget.Blocked(target, now); blocked {
		if failedHere, _ := g.tried.Blocked(pair(client, target), now); failedHere {
			return wait
		}
	}
	return 0
}

// Fail counts a failed attempt of client at target.
func (g *Guard) Fail(client, target string, now time.Time) {
	g.ByClient.Fail(client, now)
	g.ByTarget.Fail(target, now)
	g.tried.Fail(pair(client, target), now)
}

// FailClient counts a failure against client alone, for an attempt at no possible target.
func (g *Guard) FailClient(client string, now time.Time) { g.ByClient.Fail(client, now) }

func pair(client, target string) string { return client + "\x00" + target }
