package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
)

// PostOffice is a post office as a dossier event names it: the one that took the
// dossier at its counter, or the one where the citizen collects the result.
type PostOffice struct {
	Code string
	Name string
}

// namePostOffices remembers the names events give post offices, for the figures of
// their legs: shipment events name them by code only. A name already known as it is
// is not written again, so that the dossiers of one post office, folded one after
// another, do not all lock its row.
func namePostOffices(ctx context.Context, tx pgx.Tx, offices ...PostOffice) error {
	// In the order of their codes, so that two transactions naming the same two post
	// offices lock their rows in the same order and never wait on each other.
	offices = slices.Clone(offices)
	slices.SortFunc(offices, func(a, b PostOffice) int { return strings.Compare(a.Code, b.Code) })
	var codes, names []string
	seen := map[string]bool{}
	for _, o := range offices {
		if o.Code == "" || o.Name == "" || seen[o.Code] {
			continue
		}
		seen[o.Code] = true
		codes, names = append(codes, o.Code), append(names, o.Name)
	}
	if len(codes) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO post_offices (code, name)
		SELECT o.code, o.name FROM unnest($1::text[], $2::text[]) AS o(code, name)
		WHERE NOT EXISTS (SELECT 1 FROM post_offices p WHERE p.code = o.code AND p.name = o.name)
		ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`, codes, names)
	if err != nil {
		return fmt.Errorf("name post offices: %w", err)
	}
	return nil
}
