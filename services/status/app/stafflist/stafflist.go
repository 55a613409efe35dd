// Package stafflist is the staff's lists of the dossiers of their offices: by
// appointment, filtered by status, by appointment or by lateness, a page at a time.
// It speaks neither HTTP nor SQL: the dossiers are a port (Dossiers) the store
// implements.
package stafflist

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/status/domain/tracking"
)

// Filter selects a page of dossiers for staff.
type Filter struct {
	// Offices: dossiers that belonged to any of them; none when empty.
	Offices []string
	// Status, when set, keeps only dossiers in that status.
	Status string
	// DueBefore, when set, keeps dossiers due strictly before it.
	DueBefore *time.Time
	// Late keeps dossiers finished late, or open and overdue at Now (paused ones judged
	// when their clock stopped).
	Late bool
	Now  time.Time
	// After, when set, starts the page after this position of the order (due_at, id).
	After *Position
	Limit int
}

// Position is a place in the staff lists' order: by appointment, then id.
type Position struct {
	DueAt time.Time
	ID    uuid.UUID
}

// Dossier is one dossier of a staff list.
type Dossier struct {
	tracking.Summary
	// Channel is how the dossier was handed in: desk, post or online.
	Channel string
}

// Dossiers reads the lists from the read model.
type Dossiers interface {
	// List returns up to f.Limit dossiers matching f, by appointment then id.
	List(ctx context.Context, f Filter) ([]Dossier, error)
}

// Service answers the staff's lists.
type Service struct {
	dossiers Dossiers
}

// NewService returns the lists read from dossiers.
func NewService(dossiers Dossiers) *Service { return &Service{dossiers: dossiers} }

// Page is one page of a list, and where the next one starts (nil on the last).
type Page struct {
	Dossiers []Dossier
	Next     *Position
}

// Page returns the page of f. An account that belongs to no office sees no dossier.
func (s *Service) Page(ctx context.Context, f Filter) (Page, error) {
	if len(f.Offices) == 0 {
		return Page{}, nil
	}
	want := f.Limit
	f.Limit++ // one more tells whether there is a next page
	rows, err := s.dossiers.List(ctx, f)
	if err != nil {
		return Page{}, err
	}
	if len(rows) <= want {
		return Page{Dossiers: rows}, nil
	}
	rows = rows[:want]
	last := rows[len(rows)-1]
	return Page{Dossiers: rows, Next: &Position{DueAt: last.DueAt, ID: last.ID}}, nil
}
