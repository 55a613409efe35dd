package servicetest

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/platform/web/session"
)

// TestADisabledAccountLosesTheAPIAndThePages: a desk signs in, then an administrator
// disables the account; the token it still holds no longer registers a dossier nor
// opens the desk's pages, which send it to sign in again and say why. An account given
// other offices, or whose password was reset, must sign in again too.
func TestADisabledAccountLosesTheAPIAndThePages(t *testing.T) {
	e := start(t)
	ctx := context.Background()
	accounts := store.New(e.DB)
	desk, officer, giaRay := e.token(t, "desk.xuanloc"), e.token(t, "officer.baohoa"), e.token(t, "desk.giaray")
	refused := func(what, token string) {
		t.Helper()
		waitfor.Until(t, what, func() bool {
			return e.call(t, "GET", "/api/v1/dossiers/search?name=nguyen", token, nil).Status == http.StatusUnauthorized
		})
	}

	if err := accounts.SetDisabled(ctx, "desk.xuanloc", true); err != nil {
		t.Fatal(err)
	}
	refused("the disabled desk's token refused", desk)
	e.register(t, desk, apitest.JSON(t, registration(demo.DistrictDesk))).ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
	if n := e.count(t, "SELECT count(*) FROM dossiers"); n != 0 {
		t.Fatalf("%d dossiers registered with a disabled account's token", n)
	}
	p := e.page(t, "desk.xuanloc", "/mot-cua", nil)
	if p.status != http.StatusSeeOther || !strings.Contains(p.location, session.EndedParam+"=1") {
		t.Fatalf("the desk's home for a disabled account: %d to %q", p.status, p.location)
	}
	signIn, err := http.Get(e.URL + p.location)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(signIn.Body)
	signIn.Body.Close()
	if err != nil || !strings.Contains(string(body), "Hãy đăng nhập lại") {
		t.Fatalf("the sign-in page does not say why (%v): %s", err, body)
	}

	if err := accounts.UpdateAccount(ctx, "officer.baohoa", auth.RoleOfficer, []string{demo.DistrictDesk}); err != nil {
		t.Fatal(err)
	}
	refused("a token naming offices its account no longer has refused", officer)
	// A new sign-in carries the new offices and is let through (once in a later second
	// than the change: tokens carry whole seconds, so one signed in the same second is
	// refused with the older ones).
	waitfor.Until(t, "a new sign-in let through", func() bool {
		fresh := e.call(t, "POST", "/api/v1/auth/token", "", []byte(`{"username":"officer.baohoa","password":"`+demo.Password+`"}`))
		if fresh.Status != http.StatusOK {
			t.Fatalf("sign in again: %d %s", fresh.Status, fresh.Body)
		}
		var tok struct {
			AccessToken string `json:"access_token"`
		}
		fresh.Decode(t, &tok)
		return e.call(t, "GET", "/api/v1/dossiers/search?name=nguyen", tok.AccessToken, nil).Status == http.StatusOK
	})

	hash, err := auth.HashPassword("a-new-password-2026")
	if err != nil {
		t.Fatal(err)
	}
	if err := accounts.SetPassword(ctx, "desk.giaray", hash); err != nil {
		t.Fatal(err)
	}
	refused("a token older than its password reset refused", giaRay)
}
