package dossier

import "github.com/motcua/motcua/proto/vocabulary"

// message is what a field error says in English, or "" when the catalogue of words has
// nothing for it (a bare code would read as itself).
func message(fe *FieldError) string {
	if !vocabulary.ProblemKnown(fe.Field, fe.Code) {
		return ""
	}
	return fe.Words().EN
}
