package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/textnorm"

	"github.com/motcua/motcua/services/intake/app"
)

// CreateOffice adds a new office and publishes it through the outbox in the same
// transaction; app.ErrCodeTaken when the code is in use, however recently, so that two
// administrators adding one code at the same moment never overwrite each other.
func (s *Store) CreateOffice(ctx context.Context, o catalog.Office, now time.Time) error {
	o.Name, o.Address = textnorm.Clean(o.Name), textnorm.Clean(o.Address)
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var revision int64
		err := tx.QueryRow(ctx, `INSERT INTO offices (code, name, kind, parent_code, address, post_office_code, revision)
			VALUES ($1, $2, $3, nullif($4, ''), $5, nullif($6, ''), 1)
			ON CONFLICT (code) DO NOTHING
			RETURNING revision`,
			o.Code, o.Name, string(o.Kind), o.ParentCode, o.Address, o.PostOffice).Scan(&revision)
		if errors.Is(err, pgx.ErrNoRows) {
			return app.ErrCodeTaken
		}
		if err != nil {
			return err
		}
		msg, err := events.OfficeSaved(o, revision, now)
		if err != nil {
			return err
		}
		return outbox.Add(ctx, tx, msg)
	})
	if err != nil {
		return fmt.Errorf("create office %s: %w", o.Code, err)
	}
	return nil
}

// CreateProcedure adds a new procedure; app.ErrCodeTaken when the code is in use.
func (s *Store) CreateProcedure(ctx context.Context, p catalog.Procedure) error {
	name := textnorm.Clean(p.Name)
	tag, err := s.pool.Exec(ctx, `INSERT INTO procedures (`+procedureColumns+`, name_folded) VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (code) DO NOTHING`,
		p.Code, name, string(p.DecidedByKind), p.TimeLimitHours, p.FeeVND, p.FeeVaries, textnorm.Fold(name))
	if err != nil {
		return fmt.Errorf("create procedure %s: %w", p.Code, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("create procedure %s: %w", p.Code, app.ErrCodeTaken)
	}
	return nil
}
