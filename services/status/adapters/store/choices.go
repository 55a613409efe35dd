package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/status/app/indicators"
)

var _ indicators.Names = (*Store)(nil)

// Procedures lists the procedures of the dossiers status knows, by code, each named as
// their dossiers name it (procedure_names, which the folds keep: a dossier received
// later that gives another name renames it).
func (s *Store) Procedures(ctx context.Context) ([]indicators.Named, error) {
	return s.named(ctx, "procedures", `SELECT code, name FROM procedure_names ORDER BY code`)
}

// OfficeNames names the offices with codes, in their order, as the dossiers they handled
// name them; an office that handled none (a desk that only receives) as the dossiers it
// received or held name it; one that no dossier names keeps its code as its name
// (office_names, which the folds keep as procedure_names).
func (s *Store) OfficeNames(ctx context.Context, codes []string) ([]indicators.Named, error) {
	return s.named(ctx, "office names", `SELECT c.code, COALESCE(n.handled_name, n.held_name, c.code)
		FROM unnest($1::text[]) WITH ORDINALITY AS c (code, n) LEFT JOIN office_names n ON n.code = c.code
		ORDER BY c.n`, codes)
}

// named runs query, whose rows are a code and a name, and reads them; what names the
// query in an error.
func (s *Store) named(ctx context.Context, what, query string, args ...any) ([]indicators.Named, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByPos[indicators.Named])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}
