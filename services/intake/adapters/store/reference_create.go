package store

import (
	"context"
	"fmt"
	"time"

	"github.com/motcua/motcua/services/intake/domain/catalog"

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
	written, err := s.writeProcedure(ctx, p, "ON CONFLICT (code) DO NOTHING")
	if err == nil && !written {
		err = app.ErrCodeTaken
	}
	if err != nil {
		return fmt.Errorf("create procedure %s: %w", p.Code, err)
	}
	return nil
}
