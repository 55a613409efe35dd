package app

import (
	"context"
	"time"
)

// Read is one read of a citizen's personal data by a member of staff: who, when, of
// which dossier, and what for ("view", "list", "print receipt", …).
type Read struct {
	At          time.Time
	Username    string
	Purpose     string
	DossierCode string
}

// ReadStore finds the reads the store audited.
type ReadStore interface {
	// ReadsOfDossier are the reads of the dossier with code, oldest first; ok is false
	// when there is no such dossier.
	ReadsOfDossier(ctx context.Context, code string, limit int) (reads []Read, ok bool, err error)
	// ReadsBy are the reads by username from since, oldest first.
	ReadsBy(ctx context.Context, username string, since time.Time, limit int) ([]Read, error)
}

// MaxReads bounds one answer of the audit.
const MaxReads = 10_000

// Audit answers who read a citizen's personal data (Law 91/2025: a person may ask who
// processed their data), and what a member of staff read.
type Audit struct {
	Store ReadStore
}

// OfDossier are the reads of the dossier with code (ErrNotFound when there is none).
func (a *Audit) OfDossier(ctx context.Context, code string) ([]Read, error) {
	reads, ok, err := a.Store.ReadsOfDossier(ctx, code, MaxReads)
	if err == nil && !ok {
		err = ErrNotFound
	}
	return reads, err
}

// By are the reads by username since since.
func (a *Audit) By(ctx context.Context, username string, since time.Time) ([]Read, error) {
	return a.Store.ReadsBy(ctx, NormalUsername(username), since, MaxReads)
}
