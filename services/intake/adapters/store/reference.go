package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// Offices lists every office by code.
func (s *Store) Offices(ctx context.Context) ([]catalog.Office, error) {
	rows, err := s.pool.Query(ctx, "SELECT code, name, kind, coalesce(parent_code, '') FROM offices ORDER BY code")
	if err != nil {
		return nil, fmt.Errorf("list offices: %w", err)
	}
	return pgx.CollectRows(rows, scanOffice)
}

func scanOffice(r pgx.CollectableRow) (catalog.Office, error) {
	var o catalog.Office
	var kind string
	err := r.Scan(&o.Code, &o.Name, &kind, &o.ParentCode)
	o.Kind = catalog.OfficeKind(kind)
	return o, err
}

// SaveOffice creates or updates an office.
func (s *Store) SaveOffice(ctx context.Context, o catalog.Office) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO offices (code, name, kind, parent_code) VALUES ($1, $2, $3, nullif($4, ''))
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_code = excluded.parent_code`,
		o.Code, textnorm.Clean(o.Name), string(o.Kind), o.ParentCode)
	if err != nil {
		return fmt.Errorf("save office %s: %w", o.Code, err)
	}
	return nil
}

const procedureColumns = "code, name, decided_by_kind, time_limit_hours, fee_vnd, fee_varies"

// Procedures lists every procedure by code.
func (s *Store) Procedures(ctx context.Context) ([]catalog.Procedure, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+procedureColumns+" FROM procedures ORDER BY code")
	if err != nil {
		return nil, fmt.Errorf("list procedures: %w", err)
	}
	return pgx.CollectRows(rows, scanProcedure)
}

func scanProcedure(r pgx.CollectableRow) (catalog.Procedure, error) {
	var p catalog.Procedure
	var kind string
	err := r.Scan(&p.Code, &p.Name, &kind, &p.TimeLimitHours, &p.FeeVND, &p.FeeVaries)
	p.DecidedByKind = catalog.OfficeKind(kind)
	return p, err
}

// SaveProcedure creates or updates a procedure.
func (s *Store) SaveProcedure(ctx context.Context, p catalog.Procedure) error {
	name := textnorm.Clean(p.Name)
	_, err := s.pool.Exec(ctx, `INSERT INTO procedures (`+procedureColumns+`, name_folded) VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, decided_by_kind = excluded.decided_by_kind,
		time_limit_hours = excluded.time_limit_hours, fee_vnd = excluded.fee_vnd, fee_varies = excluded.fee_varies,
		name_folded = excluded.name_folded`,
		p.Code, name, string(p.DecidedByKind), p.TimeLimitHours, p.FeeVND, p.FeeVaries, textnorm.Fold(name))
	if err != nil {
		return fmt.Errorf("save procedure %s: %w", p.Code, err)
	}
	return nil
}
