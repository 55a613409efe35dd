package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/auth"
)

// Load creates the demo offices, procedures and accounts that do not exist yet,
// leaving existing ones untouched, so that what an administrator changed in the demo
// stays changed when it is loaded again; a demo procedure loaded before procedures
// listed their documents gets the demo's list (see listDocuments), and a demo account
// loaded before accounts had e-mail addresses gets the demo's (see giveAddresses).
func Load(ctx context.Context, st *store.Store) error {
	for _, o := range Offices() {
		if err := st.CreateOffice(ctx, o, time.Now()); err != nil && !errors.Is(err, app.ErrCodeTaken) {
			return fmt.Errorf("load demo: %w", err)
		}
	}
	for _, p := range Procedures() {
		if err := st.CreateProcedure(ctx, p); err != nil && !errors.Is(err, app.ErrCodeTaken) {
			return fmt.Errorf("load demo: %w", err)
		}
	}
	if err := listDocuments(ctx, st); err != nil {
		return fmt.Errorf("load demo: %w", err)
	}
	for _, a := range Accounts() {
		exists, err := st.AccountExists(ctx, a.Username)
		if err != nil {
			return fmt.Errorf("load demo: %w", err)
		}
		if exists {
			continue
		}
		hash, err := auth.HashPassword(Password)
		if err != nil {
			return fmt.Errorf("load demo: %w", err)
		}
		if err := st.SaveAccount(ctx, app.Account{Username: a.Username, PasswordHash: hash, Role: a.Role, Offices: a.Offices,
			Email: a.Email()}); err != nil {
			return fmt.Errorf("load demo: %w", err)
		}
	}
	if err := giveAddresses(ctx, st); err != nil {
		return fmt.Errorf("load demo: %w", err)
	}
	return nil
}

// giveAddresses gives its demo address to each demo account that has none: one kept
// from before accounts had addresses. The rest of the account stays as it is.
func giveAddresses(ctx context.Context, st *store.Store) error {
	for _, a := range Accounts() {
		acc, ok, err := st.Account(ctx, a.Username)
		if err != nil {
			return err
		}
		if !ok || acc.Email != "" {
			continue
		}
		if err := st.SetEmail(ctx, a.Username, a.Email()); err != nil {
			return err
		}
	}
	return nil
}

// listDocuments gives the demo's documents to each demo procedure that lists none: one
// kept from before procedures had documents. The rest of the procedure stays as it is.
func listDocuments(ctx context.Context, st *store.Store) error {
	kept, err := st.Procedures(ctx)
	if err != nil {
		return err
	}
	demo := map[string]catalog.Procedure{}
	for _, p := range Procedures() {
		demo[p.Code] = p
	}
	for _, p := range kept {
		d, ok := demo[p.Code]
		if !ok || len(p.Documents) > 0 {
			continue
		}
		p.Documents = d.Documents
		if err := st.SaveProcedure(ctx, p); err != nil {
			return err
		}
	}
	return nil
}
