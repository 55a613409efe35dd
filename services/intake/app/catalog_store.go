package app

import (
	"context"
	"errors"
	"time"

	"github.com/motcua/motcua/services/intake/domain/catalog"
)

// CatalogReader reads the reference data: what the catalogue's cache loads and the
// API lists.
type CatalogReader interface {
	// Offices returns every office.
	Offices(ctx context.Context) ([]catalog.Office, error)
	// Procedures returns every procedure.
	Procedures(ctx context.Context) ([]catalog.Procedure, error)
}

// CatalogStore keeps the reference data: offices and procedures. A saved office is
// published to the other services in the same transaction.
type CatalogStore interface {
	CatalogReader
	// CreateOffice adds a new office: ErrCodeTaken when its code is in use.
	CreateOffice(ctx context.Context, office catalog.Office, now time.Time) error
	// SaveOffice creates or replaces an office.
	SaveOffice(ctx context.Context, office catalog.Office, now time.Time) error
	// CreateProcedure adds a new procedure: ErrCodeTaken when its code is in use.
	CreateProcedure(ctx context.Context, procedure catalog.Procedure) error
	// SaveProcedure creates or replaces a procedure.
	SaveProcedure(ctx context.Context, procedure catalog.Procedure) error
}

// ErrCodeTaken is returned when a new office or procedure takes a code already in use,
// however recently.
var ErrCodeTaken = errors.New("code taken")
