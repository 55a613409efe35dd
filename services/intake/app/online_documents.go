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
	if fe := offeredOnline(proc, recv); fe != nil {
		return fe
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

// offeredOnline says what keeps a dossier of proc from being submitted online at recv at
// all: a procedure not offered online, a desk that does not receive it. The API holds
// a submission to it; whether every required paper came is the desk's check (it gives
// its guidance), while the pages ask for each before they submit (CheckOnline).
func offeredOnline(proc catalog.Procedure, recv catalog.Office) *dossier.FieldError {
	if !proc.Online {
		return dossier.Invalid("procedure_code", "not_online")
	}
	if !proc.ReceivedAt(recv) {
		return dossier.Invalid("receiving_office", "not_offered")
	}
	return nil
}
