package store

import (
	"context"
	"fmt"
	"time"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/textnorm"

	"github.com/motcua/motcua/services/intake/app"
)

// CreateOffice adds a new office and publishes it through the outbox in the same
// transaction; app.ErrCodeTaken when the code is in use, however recently, so that two
// administrators adding one code at the same moment never overwrite each other.
func (s *Store) CreateOffice(ctx context.Context, o catalog.Office, now time.Time) error {
	if err := s.writeOffice(ctx, o, now, "ON CONFLICT (code) DO NOTHING", app.ErrCodeTaken); err != nil {
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
