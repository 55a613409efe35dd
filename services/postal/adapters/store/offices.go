package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/postal/app"
)

// KeepOffice keeps o unless a revision at least as new is already kept.
func (t *Tx) KeepOffice(ctx context.Context, o app.Office) error {
	_, err := t.tx.Exec(ctx, `INSERT INTO offices (code, name, kind, parent_code, address, post_office_code, revision)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_code = excluded.parent_code,
			address = excluded.address, post_office_code = excluded.post_office_code, revision = excluded.revision
		WHERE offices.revision < excluded.revision`,
		o.Code, o.Name, o.Kind, o.ParentCode, o.Address, o.PostOffice, o.Revision)
	if err != nil {
		return fmt.Errorf("keep office %s: %w", o.Code, err)
	}
	return nil
}

// Office returns the office with code; ok is false when the post does not know it.
func (r queries) Office(ctx context.Context, code string) (o app.Office, ok bool, err error) {
	err = r.db.QueryRow(ctx, `SELECT code, name, kind, parent_code, address, post_office_code, revision
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
