package app

import (
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// CheckOnline says what keeps reg from being submitted online as a dossier of proc,
// received at recv: a procedure not offered online, a desk that does not receive it,
// or a document the procedure requires with no file for it (the documents are matched
// by name, accents and case aside). Nil when nothing does.
func CheckOnline(proc catalog.Procedure, recv catalog.Office, reg dossier.Registration) *dossier.FieldError {
	if !proc.Online {
		return dossier.Invalid("procedure_code", "not_online")
	}
	if !proc.ReceivedAt(recv) {
		return dossier.Invalid("receiving_office", "not_offered")
	}
	attached := map[string]bool{}
	for _, d := range reg.Documents {
		if d.File != "" {
			attached[textnorm.Fold(d.Name)] = true
		}
	}
	for _, d := range proc.Documents {
		if d.Required && !attached[textnorm.Fold(d.Name)] {
			return dossier.Invalid("documents", "document_missing", d.Name)
		}
	}
	return nil
}
