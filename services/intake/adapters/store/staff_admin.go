package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/sessionsync"

	"github.com/motcua/motcua/services/intake/app"
)

// Accounts lists every staff account by username, without password hashes.
func (s *Store) Accounts(ctx context.Context) ([]app.Account, error) {
	rows, err := s.pool.Query(ctx, `SELECT a.username, a.role, a.disabled,
		coalesce(array_agg(o.office_code ORDER BY o.office_code) FILTER (WHERE o.office_code IS NOT NULL), '{}'),
		coalesce(a.email, '')
		FROM staff_accounts a LEFT JOIN staff_offices o USING (username)
		GROUP BY a.username ORDER BY a.username`)
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (app.Account, error) {
		var a app.Account
		err := r.Scan(&a.Username, &a.Role, &a.Disabled, &a.Offices, &a.Email)
		return a, err
	})
}

// CreateAccount adds a new account; app.ErrAccountExists when the username is taken, and
// app.ErrUnknownOffice when an office does not exist.
func (s *Store) CreateAccount(ctx context.Context, a app.Account) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO staff_accounts (username, password_hash, role, email) VALUES ($1, $2, $3, nullif($4, ''))
			ON CONFLICT (username) DO NOTHING`, a.Username, a.PasswordHash, a.Role, a.Email)
		if err != nil {
			return fmt.Errorf("create account: %w", err)
		}
		if tag.RowsAffected() == 0 {
			return app.ErrAccountExists
		}
		return setOffices(ctx, tx, a.Username, a.Offices)
	})
}

// UpdateAccount changes the role and offices of an existing account, leaving its
// password and whether it is disabled as they are.
func (s *Store) UpdateAccount(ctx context.Context, username, role string, offices []string) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, "UPDATE staff_accounts SET role = $2 WHERE username = $1", username, role)
		if err != nil {
			return fmt.Errorf("update account: %w", err)
		}
		if tag.RowsAffected() == 0 {
			return app.ErrNoAccount
		}
		if err := setOffices(ctx, tx, username, offices); err != nil {
			return err
		}
		return endSessions(ctx, tx, username)
	})
}

// SetPassword replaces the password hash of an existing account; the sessions open
// with the old password end.
func (s *Store) SetPassword(ctx context.Context, username, hash string) error {
	return s.updateOne(ctx, "UPDATE staff_accounts SET password_hash = $2 WHERE username = $1", username, hash, true)
}

// SetDisabled disables or enables an existing account; a disabled account cannot sign in
// and its open sessions end.
func (s *Store) SetDisabled(ctx context.Context, username string, disabled bool) error {
	return s.updateOne(ctx, "UPDATE staff_accounts SET disabled = $2 WHERE username = $1", username, disabled, disabled)
}

// SetEmail gives an existing account the e-mail address email, or none when it is "";
// its sessions go on.
func (s *Store) SetEmail(ctx context.Context, username, email string) error {
	return s.updateOne(ctx, "UPDATE staff_accounts SET email = nullif($2, '') WHERE username = $1", username, email, false)
}

// updateOne runs sql on the account username, ending its sessions when end is set.
func (s *Store) updateOne(ctx context.Context, sql, username string, value any, end bool) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, sql, username, value)
		if err != nil {
			return fmt.Errorf("update account %s: %w", username, err)
		}
		if tag.RowsAffected() == 0 {
			return app.ErrNoAccount
		}
		if !end {
			return nil
		}
		return endSessions(ctx, tx, username)
	})
}

// endSessions records and publishes, in tx, that the tokens username was given before
// now no longer speak for it: every service's verifier refuses them (intake's from its
// own table and from the published end, status's and postal's from the published end).
func endSessions(ctx context.Context, tx pgx.Tx, username string) error {
	now := time.Now()
	msg, err := sessionsync.Message(username, "", now)
	if err != nil {
		return err
	}
	if err := sessionsync.Record(ctx, tx, sessionsync.End{Account: username, NotBefore: now}); err != nil {
		return err
	}
	return outbox.Add(ctx, tx, msg)
}

// setOffices replaces the offices of username within tx.
func setOffices(ctx context.Context, tx pgx.Tx, username string, offices []string) error {
	if _, err := tx.Exec(ctx, "DELETE FROM staff_offices WHERE username = $1", username); err != nil {
		return fmt.Errorf("set account offices: %w", err)
	}
	for _, o := range offices {
		if _, err := tx.Exec(ctx, "INSERT INTO staff_offices (username, office_code) VALUES ($1, $2) ON CONFLICT DO NOTHING", username, o); err != nil {
			var pgErr *pgconn.PgError
			if errors.As(err, &pgErr) && pgErr.Code == "23503" {
				return fmt.Errorf("%w: %s", app.ErrUnknownOffice, o)
			}
			return fmt.Errorf("set account offices: %w", err)
		}
	}
	return nil
}

// SignOut records and publishes that the token tokenID of username, which expires at
// expires, ended now: every service refuses it, and only it.
func (s *Store) SignOut(ctx context.Context, username, tokenID string, expires time.Time) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		now := time.Now()
		msg, err := sessionsync.SignOutMessage(username, tokenID, expires, now)
		if err != nil {
			return err
		}
		end := sessionsync.End{Account: username, NotBefore: now, TokenID: tokenID, Expires: expires}
		if err := sessionsync.Record(ctx, tx, end); err != nil {
			return err
		}
		return outbox.Add(ctx, tx, msg)
	})
}

// EndSessions records and publishes that every token username was given before now
// ended.
func (s *Store) EndSessions(ctx context.Context, username string) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return endSessions(ctx, tx, username) })
}
