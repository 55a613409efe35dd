package auth

import (
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"strings"

	"github.com/motcua/motcua/services/platform/httpapi"
)

// Authenticate requires a valid bearer token and puts its principal in the request
// context; without one the answer is 401.
func Authenticate(v *Verifier, log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := r.Header.Get("Authorization")
			token, ok := strings.CutPrefix(h, "Bearer ")
			if !ok || token == "" {
				w.Header().Set("WWW-Authenticate", `Bearer realm="motcua"`)
				httpapi.WriteError(w, r, log, httpapi.Unauthorized("no_token"))
				return
			}
			p, err := v.Verify(strings.TrimSpace(token))
			if err != nil {
				w.Header().Set("WWW-Authenticate", `Bearer realm="motcua", error="invalid_token"`)
				reason := "bad_token"
				switch {
				case errors.Is(err, ErrSessionEnded):
					reason = "account_changed"
				case errors.Is(err, ErrSignedOut):
					reason = "signed_out"
				}
				httpapi.WriteError(w, r, log, httpapi.Unauthorized(reason))
				return
			}
			next.ServeHTTP(w, r.WithContext(WithPrincipal(r.Context(), p)))
		})
	}
}

// RequireRole lets through only principals with one of roles; others get 403.
func RequireRole(log *slog.Logger, roles ...string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			p := FromContext(r.Context())
			if p == nil {
				httpapi.WriteError(w, r, log, httpapi.Unauthorized("not_signed_in"))
				return
			}
			if !slices.Contains(roles, p.Role) {
				httpapi.WriteError(w, r, log, httpapi.Forbidden("role_refused", p.Role, strings.Join(roles, ", ")))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
