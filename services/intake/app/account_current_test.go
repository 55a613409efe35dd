package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/auth"
)

// TestATokenHoldsWhileItsAccountIsUnchanged: a token speaks for its account until the
// account is disabled or its role or offices change; the state is read again after a
// few seconds, not on every request.
func TestATokenHoldsWhileItsAccountIsUnchanged(t *testing.T) {
	st, _ := adminDB(t)
	ctx := context.Background()
	accounts := &app.Accounts{Store: st}
	admin := &auth.Principal{Username: "admin.xuanloc", Role: auth.RoleAdmin}
	if err := accounts.Create(ctx, app.AccountInput{Username: "desk.new", Role: auth.RoleDesk,
		Offices: []string{demo.DistrictDesk, demo.LandOffice}, Password: "first-password"}); err != nil {
		t.Fatal(err)
	}
	at := fixedNow()
	current := &app.Current{Store: st, Now: func() time.Time { return at }}
	holds := func(p *auth.Principal) bool {
		t.Helper()
		ok, err := current.Holds(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	token := &auth.Principal{Username: "desk.new", Role: auth.RoleDesk, Offices: []string{demo.LandOffice, demo.DistrictDesk}}
	if !holds(token) {
		t.Fatal("a fresh token of an unchanged account is refused")
	}
	for name, p := range map[string]*auth.Principal{
		"another role":    {Username: "desk.new", Role: auth.RoleOfficer, Offices: token.Offices},
		"fewer offices":   {Username: "desk.new", Role: auth.RoleDesk, Offices: []string{demo.DistrictDesk}},
		"no such account": {Username: "nobody.here", Role: auth.RoleDesk, Offices: token.Offices},
		"not a username":  {Username: "desk\x00new", Role: auth.RoleDesk, Offices: token.Offices},
	} {
		if holds(p) {
			t.Errorf("%s: the token holds", name)
		}
	}
	if holds(nil) {
		t.Error("no principal holds")
	}

	if err := accounts.SetDisabled(ctx, admin, "desk.new", true); err != nil {
		t.Fatal(err)
	}
	if !holds(token) {
		t.Fatal("the state read a moment ago is used again within its few seconds")
	}
	at = at.Add(6 * time.Second)
	if holds(token) {
		t.Fatal("a disabled account's token still holds once its state is read again")
	}
	if err := accounts.SetDisabled(ctx, admin, "desk.new", false); err != nil {
		t.Fatal(err)
	}
	if err := accounts.Change(ctx, admin, "desk.new", auth.RoleDesk, []string{demo.DistrictDesk}); err != nil {
		t.Fatal(err)
	}
	at = at.Add(6 * time.Second)
	if holds(token) {
		t.Fatal("a token naming offices the account no longer has still holds")
	}
	if !holds(&auth.Principal{Username: "desk.new", Role: auth.RoleDesk, Offices: []string{demo.DistrictDesk}}) {
		t.Fatal("a token signed after the change is refused")
	}
}
