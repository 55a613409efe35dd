package servicetest

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// TestSignOutEndsTheTokenItself: after POST /api/v1/auth/logout the token it came with is
// refused, while another sign-in of the same account (another device) still holds; the
// desk's sign-out page ends the session's token too.
func TestSignOutEndsTheTokenItself(t *testing.T) {
	e := start(t)
	signIn := func() string {
		t.Helper()
		var tok struct {
			AccessToken string `json:"access_token"`
		}
		e.call(t, "POST", "/api/v1/auth/token", "", apitest.JSON(t, map[string]string{"username": "desk.xuanloc", "password": demo.Password})).
			Expect(t, http.StatusOK).Decode(t, &tok)
		return tok.AccessToken
	}
	search := func(token string) apitest.Reply {
		return e.call(t, "GET", "/api/v1/dossiers/search?name=nguyen", token, nil)
	}
	phone, laptop := signIn(), signIn()
	search(phone).Expect(t, http.StatusOK)

	e.call(t, "POST", "/api/v1/auth/logout", phone, nil).Expect(t, http.StatusNoContent)
	waitfor.Until(t, "the signed-out token refused", func() bool { return search(phone).Status == http.StatusUnauthorized })
	search(phone).ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
	if msg := search(phone).APIError(t).Error.Message; msg != "Bạn đã đăng xuất khỏi phiên này; hãy đăng nhập lại." {
		t.Errorf("the refusal says %q", msg)
	}
	search(laptop).Expect(t, http.StatusOK)
	e.call(t, "POST", "/api/v1/auth/logout", phone, nil).ExpectError(t, http.StatusUnauthorized, "unauthorized", "")

	// The desk's pages: signing out ends the cookie's token, not only the cookie.
	desk := e.token(t, "desk.xuanloc")
	if p := e.page(t, "desk.xuanloc", "/dang-xuat", url.Values{}); p.status != http.StatusSeeOther {
		t.Fatalf("sign-out page: %d %s", p.status, p.body)
	}
	waitfor.Until(t, "the page's token refused", func() bool { return search(desk).Status == http.StatusUnauthorized })
	search(laptop).Expect(t, http.StatusOK)
}
