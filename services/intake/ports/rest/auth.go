package rest

import (
	"errors"
	"net/http"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/ratelimit"

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
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "username", "required"))
		return
	case req.Password == "":
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "password", "required"))
		return
	case len(req.Username) > 64 || len(req.Password) > 1024:
		a.fail(w, r, httpapi.Unauthorized("bad_credentials"))
		return
	}
	now := time.Now()
	if wait := SignInWait(a.SignInGuard, r, req.Username, now); wait > 0 {
		a.fail(w, r, httpapi.TooMany("too_many_sign_ins", wait))
		return
	}
	tok, err := a.SignIn.Token(r.Context(), req.Username, req.Password)
	if errors.Is(err, app.ErrBadCredentials) {
		SignInFailed(a.SignInGuard, r, req.Username, now)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, tok)
}

// logout answers POST /auth/logout: the token the request came with ends, in every
// service within seconds (204).
func (a *API) logout(w http.ResponseWriter, r *http.Request) {
	if err := a.SignIn.SignOut(r.Context(), auth.FromContext(r.Context())); err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNoContent)
}

// NewSignInGuard returns the limits on failed sign-ins: 20 per client address, refilled
// one every 3 seconds; 10 per username, refilled one every 30 seconds, which slow down
// only the clients that failed on that username (ratelimit.Guard), so that nobody can
// lock a member of staff out. The API and the desk's sign-in page share one, so that
// neither is a way around the other.
func NewSignInGuard() *ratelimit.Guard {
	return ratelimit.NewGuard(ratelimit.New(20, 3*time.Second, 100_000), ratelimit.New(10, 30*time.Second, 100_000))
}

// SignInWait is how many whole seconds the client of r must wait before trying username
// again; 0 when it may try now.
func SignInWait(g *ratelimit.Guard, r *http.Request, username string, now time.Time) int {
	wait := g.Wait(httpapi.Client(r), app.NormalUsername(username), now)
	if wait <= 0 {
		return 0
	}
	return httpapi.RetryAfter(wait)
}

// SignInFailed counts a failed sign-in as username from the client of r.
func SignInFailed(g *ratelimit.Guard, r *http.Request, username string, now time.Time) {
	g.Fail(httpapi.Client(r), app.NormalUsername(username), now)
}
