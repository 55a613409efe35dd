package servicetest

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
)

// TestADisabledAccountLosesTheAPIAndThePages: a desk signs in, then an administrator
// disables the account; the token it still holds no longer registers a dossier nor
// opens the desk's pages, whose session is ended. An account given other offices must
// sign in again too.
func TestADisabledAccountLosesTheAPIAndThePages(t *testing.T) {
	e := start(t)
	ctx := context.Background()
	desk, officer := e.token(t, "desk.xuanloc"), e.token(t, "officer.baohoa")
	if _, err := e.DB.Exec(ctx, "UPDATE staff_accounts SET disabled = true WHERE username = 'desk.xuanloc'"); err != nil {
		t.Fatal(err)
	}
	e.register(t, desk, apitest.JSON(t, registration(demo.DistrictDesk))).ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
	if n := e.count(t, "SELECT count(*) FROM dossiers"); n != 0 {
		t.Fatalf("%d dossiers registered with a disabled account's token", n)
	}
	p := e.page(t, "desk.xuanloc", "/mot-cua", nil)
	if p.status != http.StatusForbidden || !strings.Contains(p.body, "Hãy đăng nhập lại") {
		t.Fatalf("the desk's home for a disabled account: %d %s", p.status, p.body)
	}

	if _, err := e.DB.Exec(ctx, "DELETE FROM staff_offices WHERE username = 'officer.baohoa'"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.DB.Exec(ctx, "INSERT INTO staff_offices (username, office_code) VALUES ('officer.baohoa', $1)", demo.DistrictDesk); err != nil {
		t.Fatal(err)
	}
	if r := e.call(t, "GET", "/api/v1/dossiers/search?name=nguyen", officer, nil); r.Status != http.StatusUnauthorized {
		t.Fatalf("a token naming offices its account no longer has: %d %s", r.Status, r.Body)
	}
	// A new sign-in carries the new offices and is let through.
	fresh := e.call(t, "POST", "/api/v1/auth/token", "", []byte(`{"username":"officer.baohoa","password":"`+demo.Password+`"}`))
	if fresh.Status != http.StatusOK {
		t.Fatalf("sign in again: %d %s", fresh.Status, fresh.Body)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	fresh.Decode(t, &tok)
	if r := e.call(t, "GET", "/api/v1/dossiers/search?name=nguyen", tok.AccessToken, nil); r.Status != http.StatusOK {
		t.Fatalf("the new token: %d %s", r.Status, r.Body)
	}
}
