package app

import (
	"context"
	"regexp"
	"strings"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// Limits on a procedure.
const (
	// MaxTimeLimitHours is the longest legal time limit: 366 working days of 8 hours.
	MaxTimeLimitHours = 8 * 366
	// MaxFeeVND bounds a fee, to catch a slip of the keyboard.
	MaxFeeVND = 1_000_000_000
)

// procedureCode is the form of a procedure's code: the national one (1.001193) or a
// local one of letters, digits, '.', '_' and '-'.
var procedureCode = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$`)

// Procedures lets an administrator add and change procedures. A dossier keeps the
// time limit, appointment and fee it was registered with, so a change applies to
// dossiers registered after it; the status service has each dossier's procedure name
// from its own events, so nothing else needs to hear of the change.
type Procedures struct {
	Store CatalogStore
	// Cache, when set, is forgotten after each save.
	Cache *Catalog
}

// List returns every procedure by code.
func (a *Procedures) List(ctx context.Context) ([]catalog.Procedure, error) {
	return a.Store.Procedures(ctx)
}

// Save checks p and stores it with its documents, which replace those listed before:
// a new procedure when create, else a change of the existing procedure with p's code.
func (a *Procedures) Save(ctx context.Context, p catalog.Procedure, create bool) error {
	p.Code, p.Name = strings.TrimSpace(p.Code), textnorm.Clean(p.Name)
	p.Documents = cleanDocuments(p.Documents)
	all, err := a.Store.Procedures(ctx)
	if err != nil {
		return err
	}
	exists := false
	for _, x := range all {
		exists = exists || x.Code == p.Code
	}
	if !create && !exists {
		return ErrNoSuchEntry
	}
	bad := checkProcedure(p)
	if create && exists {
		bad["code"] = "code.taken"
	}
	if err := bad.orNil(); err != nil {
		return err
	}
	save := a.Store.SaveProcedure
	if create {
		save = a.Store.CreateProcedure // refuses a code taken since the check above
	}
	defer a.Cache.Forget()
	return saved("procedure", save(ctx, p))
}

// checkProcedure says what is wrong with p.
func checkProcedure(p catalog.Procedure) Invalid {
	bad := Invalid{}
	if !procedureCode.MatchString(p.Code) {
		bad["code"] = "code.procedure_format"
	}
	checkName(bad, "name", p.Name)
	switch {
	case !p.DecidedByKind.Valid():
		bad["decided_by_kind"] = "kind.unknown"
	case p.DecidedByKind == catalog.PostOffice:
		bad["decided_by_kind"] = "kind.post_decides"
	}
	if p.TimeLimitHours < 0 || p.TimeLimitHours > MaxTimeLimitHours {
		bad["time_limit"] = "limit.range"
	}
	switch {
	case p.FeeVND < 0:
		bad["fee_vnd"] = "fee.negative"
	case p.FeeVND > MaxFeeVND:
		bad["fee_vnd"] = "fee.large"
	}
	checkDocuments(bad, p.Documents)
	return bad
}
