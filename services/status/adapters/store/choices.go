package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/status/app/indicators"
)

var _ indicators.Names = (*Store)(nil)

// Procedures lists the procedures of the dossiers status knows, by code, each named as
// its newest dossier names it: a loose scan down the index on (procedure code, received
// at), one probe per procedure however many dossiers there are.
func (s *Store) Procedures(ctx context.Context) ([]indicators.Named, error) {
	return s.named(ctx, "procedures", `WITH RECURSIVE p AS (
		(SELECT procedure_code AS code, procedure_name AS name FROM dossiers
			ORDER BY procedure_code DESC, received_at DESC LIMIT 1)
		UNION ALL
		SELECT n.code, n.name FROM p CROSS JOIN LATERAL (
			SELECT procedure_code AS code, procedure_name AS name FROM dossiers WHERE procedure_code < p.code
			ORDER BY procedure_code DESC, received_at DESC LIMIT 1) n
	)
	SELECT code, name FROM p ORDER BY code`)
}

// OfficeNames names the offices with codes, in their order, as the newest dossier they
// handled names them; an office that handled none (a desk that only receives) as the
// newest dossier it received or held names it; one that no dossier names keeps its code
// as its name.
func (s *Store) OfficeNames(ctx context.Context, codes []string) ([]indicators.Named, error) {
	return s.named(ctx, "office names", `SELECT c.code, COALESCE(
		(SELECT handling_office_name FROM dossiers
			WHERE handling_office_code = c.code ORDER BY received_at DESC LIMIT 1),
		(SELECT CASE c.code WHEN receiving_office_code THEN receiving_office_name ELSE current_office_name END
			FROM dossiers WHERE offices @> ARRAY[c.code] AND c.code IN (receiving_office_code, current_office_code)
			ORDER BY received_at DESC LIMIT 1),
		c.code)
		FROM unnest($1::text[]) WITH ORDINALITY AS c(code, n) ORDER BY c.n`, codes)
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
