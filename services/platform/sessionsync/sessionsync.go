// Package sessionsync ends staff sessions in every service. A staff token is signed once,
// at sign-in, with the account's role and offices; intake, which keeps the accounts,
// publishes a SessionsEnded event on the REFERENCE stream when an account is disabled,
// changed or has its password reset. Every other service keeps the newest end of each
// account in its own table (through a durable consumer), holds them in memory in every
// replica (from core NATS, reloaded now and then) and refuses the tokens signed before
// them (auth.Verifier.RefuseEnded).
package sessionsync

import (
	"embed"
	"sync"
	"time"

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

// Ends holds, for each account, the moment before which its tokens no longer count.
// Its zero value is empty and ready.
type Ends struct {
	mu        sync.RWMutex
	notBefore map[string]time.Time
}

// Ended reports whether a token of username signed at issuedAt has ended. Token times
// have whole seconds, so a token signed in the same second as the change is refused
// too, whether it came just before or just after: signing in again a second later gives
// one that holds.
func (e *Ends) Ended(username string, issuedAt time.Time) bool {
	e.mu.RLock()
	nb, ok := e.notBefore[username]
	e.mu.RUnlock()
	return ok && issuedAt.Before(nb)
}

// Set records that the sessions of username signed before notBefore ended; an older
// end than the one held changes nothing.
func (e *Ends) Set(username string, notBefore time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.notBefore == nil {
		e.notBefore = map[string]time.Time{}
	}
	if nb, ok := e.notBefore[username]; !ok || notBefore.After(nb) {
		e.notBefore[username] = notBefore
	}
}
