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
)

// Offices lists every office by code.
func (s *Store) Offices(ctx context.Context) ([]catalog.Office, error) {
	rows, err := s.pool.Query(ctx, `SELECT code, name, kind, coalesce(parent_code, ''), address, coalesce(post_office_code, '')
		FROM offices ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("list offices: %w", err)
	}
	return pgx.CollectRows(rows, scanOffice)
}

func scanOffice(r pgx.CollectableRow) (catalog.Office, error) {
	var o catalog.Office
	var kind string
	err := r.Scan(&o.Code, &o.Name, &kind, &o.ParentCode, &o.Address, &o.PostOffice)
	o.Kind = catalog.OfficeKind(kind)
	return o, err
}

// SaveOffice creates or updates an office and, when anything changed, publishes it
// through the outbox (every service keeps a copy of the offices) with its next revision.
func (s *Store) SaveOffice(ctx context.Context, o catalog.Office, now time.Time) error {
	err := s.writeOffice(ctx, o, now, `ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
		parent_code = excluded.parent_code, address = excluded.address, post_office_code = excluded.post_office_code,
		revision = offices.revision + 1
		WHERE (offices.name, offices.kind, offices.parent_code, offices.address, offices.post_office_code)
			IS DISTINCT FROM (excluded.name, excluded.kind, excluded.parent_code, excluded.address, excluded.post_office_code)`,
		nil) // unchanged: nothing to tell
	if err != nil {
		return fmt.Errorf("save office %s: %w", o.Code, err)
	}
	return nil
}

// writeOffice inserts o, doing onConflict when its code is in use, and publishes the row
// it wrote through the outbox in the same transaction. When nothing was written it
// returns unwritten.
func (s *Store) writeOffice(ctx context.Context, o catalog.Office, now time.Time, onConflict string, unwritten error) error {
	o.Name, o.Address = textnorm.Clean(o.Name), textnorm.Clean(o.Address)
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var revision int64
		err := tx.QueryRow(ctx, `INSERT INTO offices (code, name, kind, parent_code, address, post_office_code, revision)
			VALUES ($1, $2, $3, nullif($4, ''), $5, nullif($6, ''), 1) `+onConflict+` RETURNING revision`,
			o.Code, o.Name, string(o.Kind), o.ParentCode, o.Address, o.PostOffice).Scan(&revision)
		if errors.Is(err, pgx.ErrNoRows) {
			return unwritten
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
}

const procedureColumns = "code, name, decided_by_kind, time_limit_hours, fee_vnd, fee_varies, online"

// Procedures lists every procedure by code, each with its documents.
func (s *Store) Procedures(ctx context.Context) ([]catalog.Procedure, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+procedureColumns+" FROM procedures ORDER BY code")
	if err != nil {
		return nil, fmt.Errorf("list procedures: %w", err)
	}
	procs, err := pgx.CollectRows(rows, scanProcedure)
	if err != nil {
		return nil, fmt.Errorf("list procedures: %w", err)
	}
	docs, err := s.procedureDocuments(ctx)
	if err != nil {
		return nil, fmt.Errorf("list procedures: %w", err)
	}
	for i := range procs {
		procs[i].Documents = docs[procs[i].Code]
	}
	return procs, nil
}

func scanProcedure(r pgx.CollectableRow) (catalog.Procedure, error) {
	var p catalog.Procedure
	var kind string
	err := r.Scan(&p.Code, &p.Name, &kind, &p.TimeLimitHours, &p.FeeVND, &p.FeeVaries, &p.Online)
	p.DecidedByKind = catalog.OfficeKind(kind)
	return p, err
}

// SaveProcedure creates or updates a procedure, its documents replaced by p's.
func (s *Store) SaveProcedure(ctx context.Context, p catalog.Procedure) error {
	_, err := s.writeProcedure(ctx, p, `ON CONFLICT (code) DO UPDATE SET name = excluded.name,
		decided_by_kind = excluded.decided_by_kind, time_limit_hours = excluded.time_limit_hours,
		fee_vnd = excluded.fee_vnd, fee_varies = excluded.fee_varies, online = excluded.online,
		name_folded = excluded.name_folded`)
	if err != nil {
		return fmt.Errorf("save procedure %s: %w", p.Code, err)
	}
	return nil
}

// writeProcedure inserts p, doing onConflict when its code is in use, and says whether
// a row was written; the documents of a procedure written are p's, in one transaction
// with it.
func (s *Store) writeProcedure(ctx context.Context, p catalog.Procedure, onConflict string) (written bool, err error) {
	name := textnorm.Clean(p.Name)
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO procedures (`+procedureColumns+`, name_folded)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) `+onConflict,
			p.Code, name, string(p.DecidedByKind), p.TimeLimitHours, p.FeeVND, p.FeeVaries, p.Online, textnorm.Fold(name))
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		written = true
		return replaceProcedureDocuments(ctx, tx, p.Code, p.Documents)
	})
	return written, err
}
