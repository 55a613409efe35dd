package citizen

import (
	"context"

	"github.com/google/uuid"
)

// Dossiers reads the dossiers citizens look up (the read model in the database).
type Dossiers interface {
	// ByCode returns the dossier with code, its timeline, shipments and postal steps as
	// of one moment; ErrNotFound when status does not know the code.
	ByCode(ctx context.Context, code string) (Tracked, error)
}

// Ratings keeps the citizens' ratings, one per dossier.
type Ratings interface {
	// Rate stores r as the rating of dossier id and returns it with its time, if the
	// dossier's result has been returned (else ErrNotReturnedYet) and it has no rating
	// yet (else ErrAlreadyRated), both judged at once so that two submissions give one
	// rating.
	Rate(ctx context.Context, id uuid.UUID, r Rating) (Rating, error)
	// Rated reports whether dossier id has its rating already.
	Rated(ctx context.Context, id uuid.UUID) (bool, error)
}

// Views keeps recent dossiers in memory, so that a repeated lookup costs no database
// round trip. It decides itself whether a dossier read may be kept (not when an event
// newer than the read was heard).
type Views interface {
	// Get returns the kept dossier with code, if any.
	Get(code string) (Tracked, bool)
	// Put offers t, just read from Dossiers, to be kept.
	Put(t Tracked)
}
