package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/platform/auth"
)

// Load writes the demo offices and procedures (updating them to the demo's values) and
// creates the demo accounts that do not exist yet, leaving existing ones untouched.
func Load(ctx context.Context, st *store.Store) error {
	for _, o := range Offices() {
		if err := st.SaveOffice(ctx, o, time.Now()); err != nil {
			return fmt.Errorf("load demo: %w", err)
		}
	}
	for _, p := range Procedures() {
		if err := st.SaveProcedure(ctx, p); err != nil {
			return fmt.Errorf("load demo: %w", err)
		}
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
		if err := st.SaveAccount(ctx, store.Account{Username: a.Username, PasswordHash: hash, Role: a.Role, Offices: a.Offices}); err != nil {
			return fmt.Errorf("load demo: %w", err)
		}
	}
	return nil
}
