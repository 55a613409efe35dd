package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Office is an office as intake publishes it.
type Office struct {
	Code       string
	Name       string
	Kind       string
	ParentCode string
	Address    string
	// PostOffice is the code of the post office that serves the office.
	PostOffice string
	Revision   int64
}

// FoldOffice keeps o unless a revision at least as new is already kept.
func FoldOffice(ctx context.Context, tx pgx.Tx, o Office) error {
	_, err := tx.Exec(ctx, `INSERT INTO offices (code, name, kind, parent_code, address, post_office_code, revision)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_code = excluded.parent_code,
			address = excluded.address, post_office_code = excluded.post_office_code, revision = excluded.revision
		WHERE offices.revision < excluded.revision`,
		o.Code, o.Name, o.Kind, o.ParentCode, o.Address, o.PostOffice, o.Revision)
	if err != nil {
		return fmt.Errorf("fold office %s: %w", o.Code, err)
	}
	return nil
}

// Querier is a pool or a transaction.
type Querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// OfficeOf returns the office with code; ok is false when the post does not know it.
func OfficeOf(ctx context.Context, q Querier, code string) (o Office, ok bool, err error) {
	err = q.QueryRow(ctx, `SELECT code, name, kind, parent_code, address, post_office_code, revision
		FROM offices WHERE code = $1`, code).
		Scan(&o.Code, &o.Name, &o.Kind, &o.ParentCode, &o.Address, &o.PostOffice, &o.Revision)
	if errors.Is(err, pgx.ErrNoRows) {
		return o, false, nil
	}
	if err != nil {
		return o, false, fmt.Errorf("read office %s: %w", code, err)
	}
	return o, true, nil
}

// Office returns the office with code (see OfficeOf).
func (s *Store) Office(ctx context.Context, code string) (Office, bool, error) {
	return OfficeOf(ctx, s.pool, code)
}
