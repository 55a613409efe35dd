// Package rest is status's HTTP API (chi): the citizen's lookup by dossier code and PIN
// and rating, the staff's lists of dossiers and the supervisors' statistics.
package rest

import (
	"log/slog"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/status/adapters/store"
	"github.com/motcua/motcua/services/status/app/citizen"
	"github.com/motcua/motcua/services/worktime"
)

// API holds what status's handlers need.
type API struct {
	Log      *slog.Logger
	Store    *store.Store
	Verifier *auth.Verifier
	Location *time.Location
	Now      func() time.Time
	// Calendar is the working-time clock the answers count with; a function, so that an
	// administrator's edits of the calendar can be taken up without a restart.
	Calendar func() *worktime.Calendar
	// Citizen looks dossiers up and rates them for citizens, as the pages do.
	Citizen *citizen.Desk
}

// Mount adds status's routes to r. Paths are spelled out whole (no sub-router) so the
// all-in-one command can mount every service on one router.
func (a *API) Mount(r chi.Router) {
	r.Get("/api/v1/track/{code}", a.track)
	r.Post("/api/v1/track/{code}/rating", a.rate)
	r.Group(func(r chi.Router) {
		r.Use(auth.Authenticate(a.Verifier, a.Log))
		r.With(auth.RequireRole(a.Log, auth.Roles...)).Get("/api/v1/dossiers", a.list)
		r.With(auth.RequireRole(a.Log, auth.RoleSupervisor, auth.RoleAdmin)).Get("/api/v1/stats", a.stats)
	})
}
