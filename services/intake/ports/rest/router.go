// Package rest is intake's HTTP API (chi): reference data, sign-in, and the desk's
// dossier endpoints. Handlers translate between JSON and the app's use cases; domain
// errors become HTTP statuses in one place (errors.go).
package rest

import (
	"log/slog"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/ratelimit"
	"github.com/motcua/motcua/services/worktime"
)

// API holds what intake's handlers need.
type API struct {
	Log *slog.Logger
	// Catalog lists the offices and procedures.
	Catalog   app.CatalogReader
	Registrar *app.Registrar
	Processor *app.Processor
	Reader    *app.Reader
	Calendars *app.Calendars
	// PublicURL is the address citizens reach the product at, for the receipt's QR
	// code (MOTCUA_PUBLIC_URL), never the address a request names.
	PublicURL string
	SignIn    *app.SignIn
	Verifier  *auth.Verifier
	Calendar  *worktime.Live
	// SignInGuard counts failed sign-ins (see NewSignInGuard).
	SignInGuard *ratelimit.Guard
	// Verifications prove a citizen's address; VerificationsAsked and VerificationsWrong
	// limit each client (see NewVerificationLimits).
	Verifications                          *app.Verifications
	VerificationsAsked, VerificationsWrong *ratelimit.Limiter
	// Online takes citizens' submissions; their files are spooled in SpoolDir while a
	// request is read (the system's temporary directory when empty).
	Online   *app.Online
	SpoolDir string
	// WrongPINs limits each client's wrong codes and PINs (see NewPINLimit).
	WrongPINs *ratelimit.Limiter
	// Results attach the results given electronically and give them to the citizens;
	// ResultGuard limits the downloads' wrong codes and PINs (see NewResultGuard).
	Results     *app.Results
	ResultGuard *ratelimit.Guard
	// Payments take the fees citizens pay online through the payment gateway.
	Payments *app.Payments
	// Audit tells administrators who read which citizen's personal data.
	Audit *app.Audit
	// Custody shows a dossier's custody chain to the staff of its offices.
	Custody *app.Custody
	// Accounts, Offices and Procedures are the administrator's use cases.
	Accounts   *app.Accounts
	Offices    *app.Offices
	Procedures *app.Procedures
	// Notices tell citizens what happens to their dossiers; a citizen stops them here.
	Notices *app.Notices
	// Webhooks subscribe other systems to the events; NationalSync tells how the
	// national portal is kept level.
	Webhooks     *app.Webhooks
	NationalSync *app.NationalSync
}

// Mount adds intake's routes to r. Paths are spelled out whole (no sub-router) so the
// all-in-one command can mount every service on one router.
func (a *API) Mount(r chi.Router) {
	r.Post("/api/v1/auth/token", a.token)
	r.Get("/api/v1/public/notices/unsubscribe", a.unsubscribe)
	r.Post("/api/v1/public/notices/unsubscribe", a.unsubscribe)
	r.Post("/api/v1/public/verifications", a.startVerification)
	r.Post("/api/v1/public/verifications/{verification_id}", a.confirmVerification)
	r.With(auth.AuthenticateCitizen(a.Verifier, a.Log)).Post("/api/v1/public/dossiers", a.submit)
	r.Post("/api/v1/public/dossiers/{code}/supplements", a.supplement)
	r.Get("/api/v1/track/{code}/result", a.downloadResult)
	r.Post("/api/v1/public/dossiers/{code}/payments", a.startPayment)
	r.Get(vnpayIPNPath, a.vnpayIPN)
	r.Get(VNPayReturnPath, a.vnpayReturn)
	r.Get("/api/v1/offices", a.offices)
	r.Get("/api/v1/procedures", a.procedures)
	r.Get("/api/v1/calendar/due", a.due)
	r.Get("/api/v1/calendar/{year}", a.calendarYear)
	r.Group(func(r chi.Router) {
		r.Use(auth.Authenticate(a.Verifier, a.Log))
		r.Post("/api/v1/auth/logout", a.logout)
		// A desk registers; a postal worker registers a dossier their post office takes.
		r.With(auth.RequireRole(a.Log, auth.RoleDesk, auth.RolePostal)).Post("/api/v1/dossiers", a.register)
		staff := auth.RequireRole(a.Log, auth.RoleDesk, auth.RoleOfficer, auth.RoleSupervisor)
		r.With(staff).Get("/api/v1/dossiers/search", a.search)
		r.With(staff).Get("/api/v1/dossiers/{code}", a.dossier)
		// A postal worker prints only the dispatch slip of a dossier their post office took.
		printers := auth.RequireRole(a.Log, auth.RoleDesk, auth.RoleOfficer, auth.RoleSupervisor, auth.RolePostal)
		r.With(printers).Get("/api/v1/dossiers/{code}/forms/{form}", a.form)
		r.With(staff).Get("/api/v1/dossiers/{code}/files/{file_id}", a.file)
		r.With(staff).Get("/api/v1/dossiers/{code}/custody", a.custody)
		admin := auth.RequireRole(a.Log, auth.RoleAdmin)
		r.With(admin).Put("/api/v1/calendar/{year}", a.setCalendarYear)
		r.With(admin).Get("/api/v1/audit/reads", a.auditReads)
		r.With(admin).Get("/api/v1/accounts", a.accounts)
		r.With(admin).Post("/api/v1/accounts", a.createAccount)
		r.With(admin).Patch("/api/v1/accounts/{username}", a.changeAccount)
		r.With(admin).Post("/api/v1/accounts/{username}/password", a.resetPassword)
		r.With(admin).Get("/api/v1/notices", a.notices)
		r.With(admin).Post("/api/v1/notices/{id}/retry", a.sendNoticeAgain)
		offices, procedures := a.officeEntries(), a.procedureEntries()
		r.With(admin).Post("/api/v1/offices", offices.create(a))
		r.With(admin).Patch("/api/v1/offices/{code}", offices.change(a))
		r.With(admin).Post("/api/v1/procedures", procedures.create(a))
		r.With(admin).Patch("/api/v1/procedures/{code}", procedures.change(a))
		r.With(admin).Post("/api/v1/webhooks", a.createWebhook)
		r.With(admin).Get("/api/v1/webhooks", a.webhooks)
		r.With(admin).Delete("/api/v1/webhooks/{id}", a.deleteWebhook)
		r.With(admin).Get("/api/v1/webhooks/{id}/deliveries", a.webhookDeliveries)
		r.With(admin).Post("/api/v1/webhooks/{id}/deliveries/{delivery_id}/retry", a.retryWebhookDelivery)
		r.With(admin).Post("/api/v1/webhooks/{id}/secret", a.rotateWebhookSecret)
		r.With(admin).Post("/api/v1/webhooks/{id}/test", a.testWebhook)
		r.With(auth.RequireRole(a.Log, auth.RoleAdmin, auth.RoleSupervisor)).Get("/api/v1/sync/status", a.syncStatus)
		actors := auth.RequireRole(a.Log, auth.RoleDesk, auth.RoleOfficer)
		r.With(actors).Post("/api/v1/dossiers/{code}/actions/{action}", a.act)
		r.With(actors).Post("/api/v1/dossiers/{code}/files", a.attachResult)
	})
}
