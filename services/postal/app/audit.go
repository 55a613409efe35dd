package app

import (
	"context"
	"time"
)

// AddressRead is one read of a citizen's address or a delivery's proof by a member of
// staff: who, when, of which shipment, and what for ("view", "list", "manifest", …).
type AddressRead struct {
	At             time.Time
	Username       string
	Purpose        string
	TrackingNumber string
}

// ReadStore finds the reads the post audited.
type ReadStore interface {
	// ReadsOfDossier are the reads of the shipments of the dossier with code, oldest
	// first; ok is false when the post knows no such dossier.
	ReadsOfDossier(ctx context.Context, code string, limit int) (reads []AddressRead, ok bool, err error)
}

// MaxReads bounds one answer of the audit.
const MaxReads = 10_000

// Audit answers who read the addresses and proofs of a dossier's shipments, for
// administrators (with intake's audit of the dossier itself, all a person may ask).
type Audit struct {
	Store ReadStore
}

// OfDossier are the reads of the shipments of the dossier with code (ErrNotFound when
// the post knows none).
func (a *Audit) OfDossier(ctx context.Context, code string) ([]AddressRead, error) {
	reads, ok, err := a.Store.ReadsOfDossier(ctx, code, MaxReads)
	if err == nil && !ok {
		err = ErrNotFound
	}
	return reads, err
}
