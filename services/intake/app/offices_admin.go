package app

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// Limits on the words of reference data.
const (
	MaxNameRunes    = 300
	MaxAddressRunes = 300
)

// ErrNoSuchEntry is returned when the office or procedure to change does not exist.
var ErrNoSuchEntry = errors.New("no such entry")

// Offices lets an administrator add and change offices. Each change goes through the
// store's SaveOffice, which publishes it on the REFERENCE stream (the post keeps a copy
// of the offices); offices are never deleted, since dossiers name them.
type Offices struct {
	Store CatalogStore
	// Cache, when set, is forgotten after each save.
	Cache *Catalog
	Relay Notifier
	Now   func() time.Time
}

// List returns every office by code.
func (a *Offices) List(ctx context.Context) ([]catalog.Office, error) { return a.Store.Offices(ctx) }

// Save checks o against the other offices and stores it: a new office when create,
// else a change of the existing office with o's code.
func (a *Offices) Save(ctx context.Context, o catalog.Office, create bool) error {
	o.Code = strings.TrimSpace(o.Code)
	o.Name, o.Address = textnorm.Clean(o.Name), textnorm.Clean(o.Address)
	o.ParentCode, o.PostOffice = strings.TrimSpace(o.ParentCode), strings.TrimSpace(o.PostOffice)
	all, err := a.Store.Offices(ctx)
	if err != nil {
		return err
	}
	byCode := make(map[string]catalog.Office, len(all))
	for _, x := range all {
		byCode[x.Code] = x
	}
	old, exists := byCode[o.Code]
	if !create && !exists {
		return ErrNoSuchEntry
	}
	bad := checkOffice(o, byCode)
	if create && exists {
		bad["code"] = "code.taken"
	}
	if exists && old.Kind == catalog.PostOffice && o.Kind != catalog.PostOffice {
		for _, x := range all {
			if x.PostOffice == o.Code {
				bad["kind"] = "kind.serves"
				break
			}
		}
	}
	if err := bad.orNil(); err != nil {
		return err
	}
	save := a.Store.SaveOffice
	if create {
		save = a.Store.CreateOffice // refuses a code taken since the check above
	}
	if err := saved("office", save(ctx, o, a.Now())); err != nil {
		return err
	}
	a.Cache.Forget()
	if a.Relay != nil {
		a.Relay.Notify()
	}
	return nil
}

// checkOffice says what is wrong with o, given the offices by code.
func checkOffice(o catalog.Office, byCode map[string]catalog.Office) Invalid {
	bad := Invalid{}
	if !catalog.ValidAgencyCode(o.Code) {
		bad["code"] = "code.agency_format"
	}
	checkName(bad, "name", o.Name)
	if utf8.RuneCountInString(o.Address) > MaxAddressRunes {
		bad["address"] = "address.long"
	}
	if !o.Kind.Valid() {
		bad["kind"] = "kind.unknown"
	}
	if o.ParentCode != "" {
		if _, ok := byCode[o.ParentCode]; !ok {
			bad["parent"] = "parent.unknown"
		} else if cyclic(o, byCode) {
			bad["parent"] = "parent.cycle"
		}
	}
	if o.PostOffice != "" {
		post, ok := byCode[o.PostOffice]
		switch {
		case o.Kind == catalog.PostOffice:
			bad["post_office"] = "post.for_post"
		case !ok:
			bad["post_office"] = "post.unknown"
		case post.Kind != catalog.PostOffice:
			bad["post_office"] = "post.not_post"
		}
	}
	return bad
}

// cyclic reports whether o's parent chain leads back to o.
func cyclic(o catalog.Office, byCode map[string]catalog.Office) bool {
	seen := map[string]bool{o.Code: true}
	for p := o.ParentCode; p != ""; p = byCode[p].ParentCode {
		if seen[p] {
			return true
		}
		seen[p] = true
	}
	return false
}

// checkName notes in bad when name, the entry of field, is empty or too long.
func checkName(bad Invalid, field, name string) {
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		bad[field] = "name.required"
	case n > MaxNameRunes:
		bad[field] = "name.long"
	}
}
