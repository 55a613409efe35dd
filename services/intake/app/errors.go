// Package app holds intake's use cases: registering a dossier and signing staff in. It
// orchestrates the domain rules, the store, the outbox and the relay; it knows nothing of
// HTTP.
package app

import "errors"

// ErrForbidden is returned when the member of staff may not act for that office.
var ErrForbidden = errors.New("not allowed for this office")

// ErrBadCredentials is returned for a wrong username or password, without saying which.
var ErrBadCredentials = errors.New("wrong username or password")

// ErrNotFound is returned when there is no dossier with the code asked for.
var ErrNotFound = errors.New("no such dossier")

// ErrOutcomeUnknown is a write whose commit failed on the way, while whether it landed
// could not be learnt (the database is away): only a resend with the same
// Idempotency-Key is safe, and it gives the first answer if it did.
var ErrOutcomeUnknown = errors.New("the outcome of the write is unknown")
