package app

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
)

// currentFor is how long an account's state is trusted once read: a disabled account,
// or one whose role or offices changed, loses intake's pages and API within this time,
// not when its token expires.
const currentFor = 5 * time.Second

// Current tells whether a staff token still speaks for its account. A token is
// signed once, at sign-in, with the role and offices of that moment; intake, which
// keeps the accounts, checks on each request that the account still exists, is not
// disabled and has the same role and offices, reading each account at most once per
// currentFor.
type Current struct {
	Store AccountStore
	// Now is the clock; time.Now when nil.
	Now func() time.Time

	mu   sync.Mutex
	seen map[string]seenAccount
}

type seenAccount struct {
	acc    Account
	exists bool
	at     time.Time
}

// Holds reports whether who is still what its account says.
func (c *Current) Holds(ctx context.Context, who *auth.Principal) (bool, error) {
	if who == nil || !storable(who.Username) {
		return false, nil
	}
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	t := now()
	c.mu.Lock()
	s, ok := c.seen[who.Username]
	c.mu.Unlock()
	if !ok || t.Sub(s.at) >= currentFor || t.Before(s.at) {
		acc, exists, err := c.Store.Account(ctx, who.Username)
		if err != nil {
			return false, err
		}
		acc.PasswordHash = ""
		s = seenAccount{acc: acc, exists: exists, at: t}
		c.mu.Lock()
		if c.seen == nil || len(c.seen) > 10000 {
			c.seen = map[string]seenAccount{}
		}
		c.seen[who.Username] = s
		c.mu.Unlock()
	}
	return s.exists && !s.acc.Disabled && s.acc.Role == who.Role && sameOffices(s.acc.Offices, who.Offices), nil
}

// sameOffices reports whether a and b hold the same offices, in any order.
func sameOffices(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}
