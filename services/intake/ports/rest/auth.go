package rest

import (
	"errors"
	"math"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/motcua/motcua/services/intake/app"
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
	client, user := clientKey(r), strings.ToLower(strings.TrimSpace(req.Username))
	for _, l := range []struct {
		lim *ratelimit.Limiter
		key string
	}{{a.SignInByClient, client}, {a.SignInByUser, user}} {
		if blocked, wait := l.lim.Blocked(l.key, now); blocked {
			a.fail(w, r, httpapi.TooMany("too_many_sign_ins", max(int(math.Ceil(wait.Seconds())), 1)))
			return
		}
	}
	tok, err := a.SignIn.Token(r.Context(), req.Username, req.Password)
	if errors.Is(err, app.ErrBadCredentials) {
		a.SignInByClient.Fail(client, now)
		a.SignInByUser.Fail(user, now)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, tok)
}

// NewSignInLimiters returns the limits on failed sign-ins: 20 per client address,
// refilled one every 3 seconds; 10 per username, refilled one every 30 seconds.
func NewSignInLimiters() (byClient, byUser *ratelimit.Limiter) {
	return ratelimit.New(20, 3*time.Second, 100_000), ratelimit.New(10, 30*time.Second, 100_000)
}

// clientKey is the client's address as the server sees it.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
