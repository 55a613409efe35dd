package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/contact"
)

var _ app.VerificationStore = (*Store)(nil)

// SentSince is when the codes sent to address since were sent, oldest first.
func (s *Store) SentSince(ctx context.Context, address contact.Address, since time.Time) ([]time.Time, error) {
	rows, err := s.pool.Query(ctx, `SELECT created_at FROM contact_verifications
		WHERE channel = $1 AND address = $2 AND created_at >= $3 ORDER BY created_at`,
		string(address.Channel), address.Value, since)
	if err != nil {
		return nil, fmt.Errorf("codes sent: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[time.Time])
}

// CreateVerification keeps v.
func (s *Store) CreateVerification(ctx context.Context, v app.Verification) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO contact_verifications (id, channel, address, code_hash, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, v.ID, string(v.Address.Channel), v.Address.Value, v.CodeHash, v.CreatedAt, v.ExpiresAt)
	if err != nil {
		return fmt.Errorf("keep verification: %w", err)
	}
	return nil
}

// UpdateVerification locks the verification id, calls decide and keeps what it returns,
// whether decide refuses or not (a wrong code counts).
func (s *Store) UpdateVerification(ctx context.Context, id uuid.UUID, decide func(app.Verification) (app.Verification, error)) (bool, error) {
	found := true
	var refusal error
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var v app.Verification
		var channel string
		err := tx.QueryRow(ctx, `SELECT id, channel, address, code_hash, created_at, expires_at, wrong_codes, verified
			FROM contact_verifications WHERE id = $1 FOR UPDATE`, id).
			Scan(&v.ID, &channel, &v.Address.Value, &v.CodeHash, &v.CreatedAt, &v.ExpiresAt, &v.WrongCodes, &v.Verified)
		if errors.Is(err, pgx.ErrNoRows) {
			found = false
			return nil
		}
		if err != nil {
			return err
		}
		v.Address.Channel = contact.Channel(channel)
		v, refusal = decide(v)
		_, err = tx.Exec(ctx, "UPDATE contact_verifications SET wrong_codes = $2, verified = $3 WHERE id = $1",
			id, v.WrongCodes, v.Verified)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("verification: %w", err)
	}
	return found, refusal
}
