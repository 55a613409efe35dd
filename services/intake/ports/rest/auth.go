package rest

import (
	"net/http"

	"github.com/motcua/motcua/services/platform/httpapi"
)

type tokenRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// token answers POST /auth/token with a signed access token.
func (a *API) token(w http.ResponseWriter, r *http.Request) {
	var req tokenRequest
	if err := httpapi.DecodeJSON(w, r, &req, 4<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	switch {
	case req.Username == "":
		a.fail(w, r, httpapi.Invalid("username", "required", "Enter your username."))
		return
	case req.Password == "":
		a.fail(w, r, httpapi.Invalid("password", "required", "Enter your password."))
		return
	case len(req.Username) > 64 || len(req.Password) > 1024:
		a.fail(w, r, httpapi.Unauthorized("Wrong username or password."))
		return
	}
	tok, err := a.SignIn.Token(r.Context(), req.Username, req.Password)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, tok)
}
