package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// procedureDocuments is every procedure's documents by the procedure's code, each list
// in the procedure's order.
func (s *Store) procedureDocuments(ctx context.Context) (map[string][]catalog.Document, error) {
	rows, err := s.pool.Query(ctx, `SELECT procedure_code, name, kind, copies, required
		FROM procedure_documents ORDER BY procedure_code, position`)
	if err != nil {
		return nil, err
	}
	out := map[string][]catalog.Document{}
	var code, kind string
	var d catalog.Document
	_, err = pgx.ForEachRow(rows, []any{&code, &d.Name, &kind, &d.Copies, &d.Required}, func() error {
		d.Kind = dossier.DocumentKind(kind)
		out[code] = append(out[code], d)
		return nil
	})
	return out, err
}

// replaceProcedureDocuments makes docs the documents of the procedure with code, in
// their order, within tx.
func replaceProcedureDocuments(ctx context.Context, tx pgx.Tx, code string, docs []catalog.Document) error {
	if _, err := tx.Exec(ctx, `DELETE FROM procedure_documents WHERE procedure_code = $1`, code); err != nil {
		return err
	}
	if len(docs) == 0 {
		return nil
	}
	rows := make([][]any, len(docs))
	for i, d := range docs {
		rows[i] = []any{code, i, d.Name, string(d.Kind), d.Copies, d.Required}
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"procedure_documents"},
		[]string{"procedure_code", "position", "name", "kind", "copies", "required"}, pgx.CopyFromRows(rows))
	return err
}
