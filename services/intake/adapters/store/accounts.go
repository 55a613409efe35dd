package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
)

// SaveAccount creates the account, or replaces its password, role and offices (and its
// e-mail address when a has one: without, the address stays) and ends its open
// sessions.
func (s *Store) SaveAccount(ctx context.Context, a app.Account) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var created bool
		if err := tx.QueryRow(ctx, `INSERT INTO staff_accounts (username, password_hash, role, email) VALUES ($1, $2, $3, nullif($4, ''))
			ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, disabled = false,
				email = coalesce(excluded.email, staff_accounts.email)
			RETURNING xmax = 0`,
			a.Username, a.PasswordHash, a.Role, a.Email).Scan(&created); err != nil {
			return fmt.Errorf("save account: %w", err)
		}
		if err := setOffices(ctx, tx, a.Username, a.Offices); err != nil {
			return err
		}
		if created {
			return nil
		}
		return endSessions(ctx, tx, a.Username) // a replaced password, role or offices
	})
}

// AccountExists reports whether an account with username exists.
func (s *Store) AccountExists(ctx context.Context, username string) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM staff_accounts WHERE username = $1)", username).Scan(&ok)
	return ok, err
}

// Account returns the account with username; ok is false when there is none.
func (s *Store) Account(ctx context.Context, username string) (a app.Account, ok bool, err error) {
	err = s.pool.QueryRow(ctx, `SELECT a.username, a.password_hash, a.role, a.disabled,
		coalesce(array_agg(o.office_code ORDER BY o.office_code) FILTER (WHERE o.office_code IS NOT NULL), '{}'),
		coalesce(a.email, '')
		FROM staff_accounts a LEFT JOIN staff_offices o USING (username)
		WHERE a.username = $1 GROUP BY a.username`, username).
		Scan(&a.Username, &a.PasswordHash, &a.Role, &a.Disabled, &a.Offices, &a.Email)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("get account: %w", err)
	}
	return a, true, nil
}
