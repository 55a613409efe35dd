package app_test

import (
	"context"
	"errors"
	"maps"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/intake/demo/demodb"
	"github.com/motcua/motcua/services/platform/auth"
)

// invalid is the field codes of err, or nil when err is not an app.Invalid.
func invalid(err error) map[string]string {
	var bad app.Invalid
	if errors.As(err, &bad) {
		return bad
	}
	return nil
}

func TestAccounts(t *testing.T) {
	st, _ := demodb.Open(t)
	ctx := context.Background()
	accounts := &app.Accounts{Store: st}
	signIn, err := app.NewSignIn(st, auth.NewIssuer(signingKey(t), time.Hour), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	admin := &auth.Principal{Username: "admin.xuanloc", Role: auth.RoleAdmin}

	for _, c := range []struct {
		in   app.AccountInput
		want map[string]string
	}{
		{app.AccountInput{Username: "a", Role: "desk", Offices: []string{demo.DistrictDesk}, Password: "long-enough-1"},
			map[string]string{"username": "username.format"}},
		{app.AccountInput{Username: "new.desk", Role: "boss", Offices: nil, Password: "short"},
			map[string]string{"role": "role.unknown", "offices": "offices.required", "password": "password.short"}},
		{app.AccountInput{Username: "new.desk", Role: "desk", Offices: []string{"999.99.99.X99"}, Password: "long-enough-1"},
			map[string]string{"offices": "offices.unknown"}},
		{app.AccountInput{Username: "desk.xuanloc", Role: "desk", Offices: []string{demo.DistrictDesk}, Password: "long-enough-1"},
			map[string]string{"username": "username.taken"}},
		{app.AccountInput{Username: "new.desk", Role: "desk", Offices: []string{"000.00.16.H19\x00", "\xff"}, Password: "long-enough-1"},
			map[string]string{"offices": "offices.unknown"}},
	} {
		if got := invalid(accounts.Create(ctx, c.in)); !maps.Equal(got, c.want) {
			t.Errorf("create %+v: %v, want %v", c.in, got, c.want)
		}
	}
	if err := accounts.Create(ctx, app.AccountInput{Username: " New.Desk ", Role: "desk",
		Offices: []string{demo.LandOffice, demo.DistrictDesk, demo.DistrictDesk}, Password: "first-password"}); err != nil {
		t.Fatal(err)
	}
	acc, ok, err := accounts.Get(ctx, "new.desk")
	if err != nil || !ok || acc.Role != "desk" || len(acc.Offices) != 2 || acc.PasswordHash != "" {
		t.Fatalf("the new account: %+v %v %v", acc, ok, err)
	}
	if _, err := signIn.Token(ctx, "new.desk", "first-password"); err != nil {
		t.Fatalf("the new account cannot sign in: %v", err)
	}

	// Role and offices change; the password stays.
	if err := accounts.Change(ctx, admin, "new.desk", "officer", []string{demo.LandOffice}); err != nil {
		t.Fatal(err)
	}
	if acc, _, _ := accounts.Get(ctx, "new.desk"); acc.Role != "officer" || len(acc.Offices) != 1 {
		t.Errorf("after the change: %+v", acc)
	}
	if _, err := signIn.Token(ctx, "new.desk", "first-password"); err != nil {
		t.Errorf("a change of role lost the password: %v", err)
	}
	if err := accounts.Change(ctx, admin, "nobody.here", "desk", []string{demo.DistrictDesk}); !errors.Is(err, app.ErrNoAccount) {
		t.Errorf("changing a missing account: %v", err)
	}

	// A disabled account cannot sign in; enabled again, it can.
	if err := accounts.SetDisabled(ctx, admin, "new.desk", true); err != nil {
		t.Fatal(err)
	}
	if _, err := signIn.Token(ctx, "new.desk", "first-password"); !errors.Is(err, app.ErrBadCredentials) {
		t.Errorf("a disabled account signs in: %v", err)
	}
	if err := accounts.SetDisabled(ctx, admin, "new.desk", false); err != nil {
		t.Fatal(err)
	}
	if _, err := signIn.Token(ctx, "new.desk", "first-password"); err != nil {
		t.Errorf("an enabled account cannot sign in: %v", err)
	}

	// A reset password replaces the old one.
	if got := invalid(accounts.ResetPassword(ctx, "new.desk", "short")); got["password"] != "password.short" {
		t.Errorf("a short password: %v", got)
	}
	if err := accounts.ResetPassword(ctx, "new.desk", "second-password"); err != nil {
		t.Fatal(err)
	}
	if _, err := signIn.Token(ctx, "new.desk", "first-password"); !errors.Is(err, app.ErrBadCredentials) {
		t.Errorf("the old password still works: %v", err)
	}
	if _, err := signIn.Token(ctx, "new.desk", "second-password"); err != nil {
		t.Errorf("the new password does not work: %v", err)
	}

	// An administrator keeps their own admin role and account.
	if got := invalid(accounts.Change(ctx, admin, admin.Username, "desk", []string{demo.DistrictDesk})); got["role"] != "role.self" {
		t.Errorf("taking one's own admin role: %v", got)
	}
	if got := invalid(accounts.SetDisabled(ctx, admin, admin.Username, true)); got["disabled"] != "disable.self" {
		t.Errorf("disabling oneself: %v", got)
	}
	list, err := accounts.List(ctx)
	if err != nil || len(list) != len(demo.Accounts())+1 {
		t.Errorf("list: %d accounts, %v", len(list), err)
	}
}
