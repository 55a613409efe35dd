package session

import (
	"net/http"
	"slices"

	"github.com/motcua/motcua/services/platform/auth"
)

// RequireRole is Require for pages that only some roles use: a member of staff of
// one of roles goes on; one of another role is answered by refuse, the page package's
// page saying why not and where their own pages are.
func RequireRole(v *auth.Verifier, refuse func(http.ResponseWriter, *http.Request, *auth.Principal), roles ...string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return Require(v)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			who := auth.FromContext(r.Context())
			if !slices.Contains(roles, who.Role) {
				refuse(w, r, who)
				return
			}
			next.ServeHTTP(w, r)
		}))
	}
}
