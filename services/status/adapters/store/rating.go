package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/status/app/citizen"
)

var _ citizen.Ratings = (*Store)(nil)

// Rate stores the rating of dossier id, if its result has been returned and it has none
// yet. Both conditions are checked by the insert itself, so two submissions at once
// give one rating and one citizen.ErrAlreadyRated.
func (s *Store) Rate(ctx context.Context, id uuid.UUID, r citizen.Rating) (citizen.Rating, error) {
	if r.Criteria == nil {
		r.Criteria = map[string]int{}
	}
	criteria, err := json.Marshal(r.Criteria)
	if err != nil {
		return r, fmt.Errorf("rate: %w", err)
	}
	err = s.pool.QueryRow(ctx, `INSERT INTO ratings (dossier_id, score, criteria, comment)
		SELECT id, $2, $3, $4 FROM dossiers WHERE id = $1 AND status = 'returned'
		ON CONFLICT (dossier_id) DO NOTHING
		RETURNING created_at`, id, r.Score, criteria, r.Comment).Scan(&r.CreatedAt)
	if err == nil {
		return r, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return r, fmt.Errorf("rate: %w", err)
	}
	rated, err := s.Rated(ctx, id)
	if err != nil {
		return r, fmt.Errorf("rate: %w", err)
	}
	if rated {
		return r, citizen.ErrAlreadyRated
	}
	return r, citizen.ErrNotReturnedYet
}

// Rated reports whether dossier id has its rating already.
func (s *Store) Rated(ctx context.Context, id uuid.UUID) (bool, error) {
	var rated bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM ratings WHERE dossier_id = $1)`, id).Scan(&rated)
	return rated, err
}
