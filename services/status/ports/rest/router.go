// Package rest is status's HTTP API (chi): the citizen's lookup by dossier code and PIN
// and rating, the staff's lists of dossiers and the supervisors' statistics. It reads
// requests, asks the app (app/citizen, app/stafflist, app/indicators) and maps its
// answers and errors to the contract's bodies and status codes (fail, in errors.go).
package rest

import (
	"log/slog"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/status/app/citizen"
	"github.com/motcua/motcua/services/status/app/indicators"
	"github.com/motcua/motcua/services/status/app/stafflist"
)

// API holds what status's handlers need.
type API struct {
	Log      *slog.Logger
	Verifier *auth.Verifier
	// Location is the offices' time zone: answers show times in it, and a date in a
	// filter is a day in it.
	Location *time.Location
	Now      func() time.Time
	// Citizen looks dossiers up and rates them for citizens, as the pages do.
	Citizen *citizen.Service
	// Lists are the staff's lists of dossiers.
	Lists *stafflist.Service
	// Indicators are the supervisors' statistics, as the dashboard shows them.
	Indicators *indicators.Service
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
