package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// MaxProcedureDocuments bounds the documents a procedure lists.
const MaxProcedureDocuments = 50

// cleanDocuments is docs with their names cleaned (NFC, single spaces) and their kinds
// in lower case; a document of no number of sets is one set.
func cleanDocuments(docs []catalog.Document) []catalog.Document {
	out := make([]catalog.Document, len(docs))
	for i, d := range docs {
		d.Name = textnorm.Clean(d.Name)
		d.Kind = dossier.DocumentKind(strings.ToLower(strings.TrimSpace(string(d.Kind))))
		if d.Copies == 0 {
			d.Copies = 1
		}
		out[i] = d
	}
	return out
}

// checkDocuments notes in bad what is wrong with a procedure's documents, each under
// its own field (documents[2].kind), and a name listed twice under the second.
func checkDocuments(bad Invalid, docs []catalog.Document) {
	if len(docs) > MaxProcedureDocuments {
		bad["documents"] = "documents.many"
		return
	}
	seen := map[string]bool{}
	for i, d := range docs {
		field := func(f string) string { return fmt.Sprintf("documents[%d].%s", i, f) }
		folded := textnorm.Fold(d.Name)
		switch n := utf8.RuneCountInString(d.Name); {
		case n == 0:
			bad[field("name")] = "document.no_name"
		case n > dossier.MaxDocNameRunes:
			bad[field("name")] = "document.name_long"
		case seen[folded]:
			bad[field("name")] = "document.twice"
		}
		seen[folded] = true
		switch d.Kind {
		case dossier.Original, dossier.CertifiedCopy, dossier.Copy:
		default:
			bad[field("kind")] = "document.kind"
		}
		if d.Copies < 1 || d.Copies > dossier.MaxCopies {
			bad[field("copies")] = "document.copies"
		}
	}
}
