// Package sessionsync ends staff sessions in every service. A staff token is signed once,
// at sign-in, with the account's role and offices; intake, which keeps the accounts,
// publishes a SessionsEnded event on the REFERENCE stream when an account is disabled,
// changed or has its password reset, and when a member of staff signs out of a token. Every other service keeps the newest end of each
// account in its own table (through a durable consumer), holds them in memory in every
// replica (from core NATS, reloaded now and then) and refuses the tokens signed before
// them (auth.Verifier.RefuseEnded).
package sessionsync

import (
	"embed"
	"sync"
	"time"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/messaging"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations are the steps of the session_ends table, for a service's own schema.
func Migrations() []database.Migration {
	return database.Embedded(migrationFS, "migrations", "platform_sessions_")
}

// Subjects are the subjects of every account's ends.
const Subjects = "reference.v1.session.>"

// Subject is where the ends of the sessions of username are published.
func Subject(username string) string { return "reference.v1.session." + username }

// Consumer is the durable consumer of session ends for the service named durable.
func Consumer(durable string) messaging.ConsumerOptions {
	return messaging.Durable(messaging.ReferenceStream, durable, Subjects)
}

// End is an end of sessions: every token of Account signed before NotBefore or, when
// TokenID is set, that one token alone (its holder signed out), which would have
// expired at Expires.
type End struct {
	Account   string
	NotBefore time.Time
	TokenID   string
	Expires   time.Time
}

// Ends holds, for each account, the moment before which its tokens no longer count, and
// the tokens signed out of until they expire. Its zero value is empty and ready.
type Ends struct {
	mu        sync.RWMutex
	notBefore map[string]time.Time
	signedOut map[string]time.Time // token id -> when it expires
}

// Ended tells whether a token of username signed at issuedAt, with id tokenID, has
// ended: auth.ErrSessionEnded or auth.ErrSignedOut, or nil while it holds. Token times
// have whole seconds, so a token signed in the same second as an account's change is
// refused too, whether it came just before or just after: signing in again a second
// later gives one that holds.
func (e *Ends) Ended(username string, issuedAt time.Time, tokenID string) error {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if nb, ok := e.notBefore[username]; ok && issuedAt.Before(nb) {
		return auth.ErrSessionEnded
	}
	if _, ok := e.signedOut[tokenID]; ok && tokenID != "" {
		return auth.ErrSignedOut
	}
	return nil
}

// Apply puts end in force; an account's end older than the one held changes nothing,
// and a signed-out token is forgotten once it has expired.
func (e *Ends) Apply(end End) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if end.TokenID != "" {
		if e.signedOut == nil {
			e.signedOut = map[string]time.Time{}
		}
		now := time.Now()
		if !end.Expires.After(now) {
			return
		}
		e.signedOut[end.TokenID] = end.Expires
		for id, exp := range e.signedOut {
			if !exp.After(now) {
				delete(e.signedOut, id)
			}
		}
		return
	}
	if e.notBefore == nil {
		e.notBefore = map[string]time.Time{}
	}
	if nb, ok := e.notBefore[end.Account]; !ok || end.NotBefore.After(nb) {
		e.notBefore[end.Account] = end.NotBefore
	}
}
