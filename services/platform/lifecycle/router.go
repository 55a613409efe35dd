package lifecycle

import (
	"log/slog"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// Router is the router a service's address serves, as its binary and the all-in-one
// command build it: the base middleware, the client and the scheme as the trusted
// proxies tell them, and the security headers of every answer.
func Router(name string, c config.Common, log *slog.Logger) chi.Router {
	r := httpapi.NewRouter(name, log)
	r.Use(httpapi.Clients(c.TrustedProxies), httpapi.Secure(c.PublicURL, c.TrustedProxies))
	return r
}
