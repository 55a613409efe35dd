// Package rest is postal's HTTP API (chi): shipments, their steps and the run sheets,
// the pickups at home citizens ask for, the hand-over records between the post and the
// authorities, and the post offices' cash statements.
// Handlers translate between JSON and the app's use cases; errors become HTTP statuses
// in one place (errors.go).
package rest

import (
	"log/slog"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/postal/app"
)

// API holds what postal's handlers need.
type API struct {
	Log       *slog.Logger
	Shipments *app.Shipments
	// Handovers are the hand-over records between the post and the authorities.
	Handovers *app.Handovers
	// Audit tells administrators who read the citizens' addresses.
	Audit    *app.Audit
	Verifier *auth.Verifier
}

// Mount adds postal's routes to r. Paths are spelled out whole (no sub-router) so the
// all-in-one command can mount every service on one router.
func (a *API) Mount(r chi.Router) {
	r.With(auth.AuthenticateCitizen(a.Verifier, a.Log)).Post("/api/v1/public/pickups", a.askPickup)
	r.Group(func(r chi.Router) {
		r.Use(auth.Authenticate(a.Verifier, a.Log))
		staff := auth.RequireRole(a.Log, auth.RoleDesk, auth.RoleOfficer, auth.RolePostal, auth.RoleSupervisor, auth.RoleAdmin)
		r.With(auth.RequireRole(a.Log, auth.RoleDesk, auth.RoleOfficer)).Post("/api/v1/shipments", a.create)
		r.With(staff).Get("/api/v1/shipments", a.list)
		r.With(staff).Get("/api/v1/shipments/{tracking_number}", a.get)
		r.With(auth.RequireRole(a.Log, auth.RolePostal)).Post("/api/v1/shipments/{tracking_number}/events", a.record)
		r.With(auth.RequireRole(a.Log, auth.RolePostal)).Get("/api/v1/manifests", a.manifest)
		r.With(auth.RequireRole(a.Log, auth.RoleAdmin)).Get("/api/v1/audit/address-reads", a.addressReads)
		r.With(auth.RequireRole(a.Log, auth.RolePostal)).Post("/api/v1/handovers", a.give)
		r.With(staff).Get("/api/v1/handovers/{id}", a.handover)
		r.With(auth.RequireRole(a.Log, auth.RoleDesk, auth.RoleOfficer)).Post("/api/v1/handovers/{id}/confirm", a.confirm)
		r.With(staff).Get("/api/v1/handovers/{id}/form", a.handoverForm)
		r.With(auth.RequireRole(a.Log, auth.RolePostal)).Get("/api/v1/postal/cash", a.cash)
	})
}
