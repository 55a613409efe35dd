// Package auth is staff identity: password hashes, short-lived tokens signed with an
// Ed25519 key that every service verifies with the public half, and HTTP middleware that
// requires a token and a role.
package auth

import (
	"context"
	"slices"
	"time"
)

// Roles of staff accounts.
const (
	RoleDesk       = "desk"
	RoleOfficer    = "officer"
	RolePostal     = "postal"
	RoleSupervisor = "supervisor"
	RoleAdmin      = "admin"
)

// Roles lists every valid role.
var Roles = []string{RoleDesk, RoleOfficer, RolePostal, RoleSupervisor, RoleAdmin}

// ValidRole reports whether r is one of Roles.
func ValidRole(r string) bool { return slices.Contains(Roles, r) }

// Principal is the member of staff behind a request.
type Principal struct {
	Username string
	Role     string
	// Offices are the codes of the offices the account belongs to.
	Offices []string
	// TokenID names the token the principal came with (its jti), and TokenExpires is
	// when it expires: what signing out of it must say.
	TokenID      string
	TokenExpires time.Time
}

// InOffice reports whether the principal belongs to the office with code.
func (p *Principal) InOffice(code string) bool { return slices.Contains(p.Offices, code) }

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the principal of an authenticated request, or nil.
func FromContext(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}
