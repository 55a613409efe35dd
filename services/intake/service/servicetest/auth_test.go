package servicetest

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
)

func testSignIn(t *testing.T, e *env) {
	signIn := func(t *testing.T, body string) apitest.Reply {
		return e.call(t, "POST", "/api/v1/auth/token", "", []byte(body))
	}

	t.Run("good credentials", func(t *testing.T) {
		for _, user := range []string{"desk.xuanloc", " Desk.XuanLoc "} {
			r := signIn(t, `{"username":"`+user+`","password":"`+demo.Password+`"}`)
			if r.Status != http.StatusOK {
				t.Fatalf("%q: %d %s", user, r.Status, r.Body)
			}
			var tok struct {
				AccessToken string `json:"access_token"`
				TokenType   string `json:"token_type"`
				ExpiresIn   int    `json:"expires_in"`
			}
			r.Decode(t, &tok)
			if tok.AccessToken == "" || tok.TokenType != "Bearer" || tok.ExpiresIn != 3600 {
				t.Fatalf("%q: token %+v", user, tok)
			}
			if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", cc)
			}
		}
	})

	t.Run("bad credentials look alike", func(t *testing.T) {
		wrong := signIn(t, `{"username":"desk.xuanloc","password":"not-the-password"}`)
		unknown := signIn(t, `{"username":"nobody.xuanloc","password":"not-the-password"}`)
		tooLong := signIn(t, `{"username":"`+strings.Repeat("a", 65)+`","password":"x"}`)
		nul := signIn(t, `{"username":"desk.xuanloc\u0000","password":"x"}`)
		for _, r := range []apitest.Reply{wrong, unknown, tooLong, nul} {
			r.ExpectError(t, http.StatusUnauthorized, "unauthorized", "")
		}
		if !bytes.Equal(wrong.Body, unknown.Body) {
			t.Fatalf("wrong password and unknown user differ:\n%s\n%s", wrong.Body, unknown.Body)
		}
	})

	t.Run("missing fields", func(t *testing.T) {
		signIn(t, `{"password":"x"}`).ExpectError(t, http.StatusUnprocessableEntity, "required", "username")
		signIn(t, `{"username":"desk.xuanloc"}`).ExpectError(t, http.StatusUnprocessableEntity, "required", "password")
		signIn(t, `{"username":"","password":""}`).ExpectError(t, http.StatusUnprocessableEntity, "required", "username")
	})

	t.Run("malformed", func(t *testing.T) {
		signIn(t, `{"username":`).ExpectError(t, http.StatusBadRequest, "malformed_json", "")
		signIn(t, `{"username":5,"password":"x"}`).ExpectError(t, http.StatusUnprocessableEntity, "wrong_type", "username")
		e.call(t, "POST", "/api/v1/auth/token", "", nil).ExpectError(t, http.StatusBadRequest, "empty_body", "")
	})
}
