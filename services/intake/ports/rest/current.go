package rest

import (
	"net/http"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// currentAccount refuses a token whose account has been disabled, removed or given
// another role or other offices since it was signed: its holder must sign in again.
func (a *API) currentAccount(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, err := a.Current.Holds(r.Context(), auth.FromContext(r.Context()))
		if err != nil {
			httpapi.WriteError(w, r, a.Log, err)
			return
		}
		if !ok {
			httpapi.WriteError(w, r, a.Log, httpapi.Unauthorized("account_changed"))
			return
		}
		next.ServeHTTP(w, r)
	})
}
