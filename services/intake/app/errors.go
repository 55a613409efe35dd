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
