package service

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"log/slog"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/adapters/messenger"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/adapters/vnpay"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/custodian"
	"github.com/motcua/motcua/services/intake/ports/admin"
	"github.com/motcua/motcua/services/intake/ports/citizenweb"
	"github.com/motcua/motcua/services/intake/ports/rest"
	"github.com/motcua/motcua/services/intake/ports/web"
	"github.com/motcua/motcua/services/intake/shipments"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/calendarsync"
	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/filestore"
	"github.com/motcua/motcua/services/platform/infra"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/mail"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/sms"
	"github.com/motcua/motcua/services/platform/web/layout"
)

// Service is a running intake: its connections, relay and API.
type Service struct {
	// Infra is what intake stands on: its pool, broker, calendar and sessions (its
	// Checks are intake's readiness probes; Close releases it after the workers stopped).
	*infra.Infra
	Store *store.Store
	relay *outbox.Relay
	// shipments follows the post's deliveries of dossiers and results; custody keeps
	// every dossier's custody chain, from intake's events and the post's.
	shipments *messaging.Consumer
	custody   []*messaging.Consumer
	notices   noticeWork
	api       *rest.API
	pages     *web.Pages
	admin     *admin.Pages
	online    *citizenweb.Pages
	log       *slog.Logger

	// Warnings warns staff by mail (the officers' digest, the supervisors' late
	// warnings); its passes run each minute, and a test runs them at a clock of its own.
	Warnings *app.Warnings
	warnings warningWork

	// outward owes webhook endpoints and the national portal what they follow.
	outward *outwardParties
}

// New connects to the database and the broker (waiting for both), migrates the intake
// schema, ensures the streams and builds the use cases.
func New(ctx context.Context, cfg Config, log *slog.Logger) (*Service, error) {
	signing, err := auth.ParsePrivateKey(cfg.SigningKey)
	if err != nil {
		return nil, fmt.Errorf("intake: MOTCUA_AUTH_SIGNING_KEY: %w", err)
	}
	sealer, err := sealing.New(cfg.DataKey, cfg.EarlierDataKeys...)
	if err != nil {
		return nil, fmt.Errorf("intake: %w", err)
	}
	eventSealer, err := sealing.New(cfg.EventKey)
	if err != nil {
		return nil, fmt.Errorf("intake: MOTCUA_EVENT_KEY: %w", err)
	}
	msgr, err := newMessenger(cfg)
	if err != nil {
		return nil, fmt.Errorf("intake: %w", err)
	}
	// intake refuses the tokens of accounts changed since sign-in as status and postal
	// do, from the ends it records with each change (and hears from its other replicas);
	// its other instances put an administrator's calendar edit in force from the stream,
	// as status and postal do.
	others, err := auth.ParsePublicKeys(cfg.OtherAuthKeys)
	if err != nil {
		return nil, fmt.Errorf("intake: MOTCUA_AUTH_OTHER_PUBLIC_KEYS: %w", err)
	}
	verifier := auth.NewVerifier(signing.Public().(ed25519.PublicKey), others...)
	inf, err := infra.Open(ctx, infra.Options{Name: "intake", Common: cfg.Common, Schema: store.Schema,
		Migrations: store.Migrations(), Calendar: "intake-calendar", Verifier: verifier}, log)
	if err != nil {
		return nil, err
	}
	files, err := filestore.Open(ctx, cfg.Files)
	if err != nil {
		inf.Close()
		return nil, fmt.Errorf("intake: file store: %w", err)
	}
	cal := inf.Calendar
	st := store.New(inf.Pool)
	dossiers := store.NewDossiers(inf.Pool, sealer)
	relay := outbox.NewRelay(inf.Pool, inf.JS, log, outbox.RelayOptions{Schema: store.Schema})
	// Times are kept to the microsecond, as PostgreSQL keeps them, so an event carries
	// the very time its row holds and the order of steps reads the same everywhere.
	now := func() time.Time { return time.Now().Truncate(time.Microsecond) }
	issuer := auth.NewIssuer(signing, cfg.TokenTTL)
	signIn, err := app.NewSignIn(st, issuer, now)
	if err != nil {
		inf.Close()
		return nil, fmt.Errorf("intake: %w", err)
	}
	signInGuard := rest.NewSignInGuard()
	if cfg.AtRiskHours <= 0 { // a Config built in code rather than read
		cfg.AtRiskHours = config.DefaultAtRiskHours
	}
	atRiskHours := cfg.AtRiskHours
	cat := app.NewCatalog(st, 30*time.Second)
	api := &rest.API{
		SignInGuard: signInGuard,
		Log:         log,
		Catalog:     st,
		Registrar: &app.Registrar{Dossiers: dossiers, Catalog: cat, Calendar: cal,
			Sealer: sealer, EventSealer: eventSealer, PINKey: cfg.PINKey, Relay: relay, Now: now},
		Processor: &app.Processor{Dossiers: dossiers, Catalog: cat, Calendar: cal, Sealer: sealer, EventSealer: eventSealer,
			Relay: relay, Now: now},
		Reader: &app.Reader{Dossiers: dossiers, Files: files, Catalog: cat, Calendar: cal, Sealer: sealer, Now: now,
			AtRiskHours: atRiskHours},
		Calendars: &app.Calendars{Years: calendarsync.NewYears(inf.Pool), Live: cal, Relay: relay, Now: now},
		PublicURL: cfg.PublicURL,
		SignIn:    signIn,
		Verifier:  verifier,
		Calendar:  cal,
	}
	road := &app.Road{Calendar: cal, Log: log, OfficeName: cat.OfficeName}
	// The desk's pages use the API's use cases and its limits on failed sign-ins.
	pages := &web.Pages{Log: log, Catalog: st, Registrar: api.Registrar, Processor: api.Processor, Reader: api.Reader,
		SignIn: signIn, Verifier: api.Verifier, Calendar: cal, PublicURL: cfg.PublicURL,
		SignInGuard: signInGuard}
	// The administrator's pages edit the calendar through the API's use case.
	api.Verifications = &app.Verifications{Store: st, Send: msgr, Key: cfg.PINKey, Issuer: issuer, Now: now}
	api.VerificationsAsked, api.VerificationsWrong = rest.NewVerificationLimits()
	api.WrongPINs = rest.NewPINLimit()
	api.Results = &app.Results{Processor: api.Processor, Files: files, Records: dossiers, PINKey: cfg.PINKey}
	api.ResultGuard = rest.NewResultGuard(api.WrongPINs)
	api.Payments = &app.Payments{Store: dossiers, Processor: api.Processor, PINKey: cfg.PINKey,
		ReturnURL: cfg.PublicURL + rest.VNPayReturnPath}
	if cfg.VNPayURL != "" {
		gateway, err := vnpay.New(cfg.VNPayURL, cfg.VNPayTmnCode, cfg.VNPaySecret)
		if err != nil {
			inf.Close()
			return nil, fmt.Errorf("intake: %w", err)
		}
		api.Payments.Gateway = gateway
	}
	api.Online = &app.Online{Registrar: api.Registrar, Files: files}
	api.Processor.PublicURL = cfg.PublicURL
	api.Processor.Reader = api.Reader
	api.Audit = &app.Audit{Store: dossiers}
	// The custody chains (issue 13): read by staff through the API, appended by the
	// custodian's two consumers below.
	api.Custody = &app.Custody{Dossiers: dossiers, Chains: store.NewCustody(inf.Pool), Calendar: cal}
	api.Accounts = &app.Accounts{Store: st}
	api.Offices = &app.Offices{Store: st, Cache: cat, Relay: relay, Now: now}
	api.Procedures = &app.Procedures{Store: st, Cache: cat}
	out := newOutwardParties(cfg, inf, sealer, now, log)
	api.Webhooks, api.NationalSync = out.webhooks, out.national
	adminPages := &admin.Pages{Log: log, Verifier: api.Verifier, Calendar: cal, Calendars: api.Calendars,
		Offices: api.Offices, Procedures: api.Procedures, Accounts: api.Accounts,
		Webhooks: out.webhooks, NationalSync: out.national, SyncOn: cfg.NationalSyncURL != ""}
	// The citizen's online pages use the API's use cases and its limits per client.
	online := &citizenweb.Pages{Log: log, Catalog: st, Verifications: api.Verifications, Online: api.Online,
		Verifier: verifier, CodesAsked: api.VerificationsAsked, WrongCodes: api.VerificationsWrong,
		WrongPINs: api.WrongPINs, SpoolDir: api.SpoolDir, Payments: api.Payments}
	notices := newNotices(inf, cfg, msgr, st, cat, sealer, now, log)
	api.Notices, notices.app.Receipts = notices.app, api.Processor
	warnings := newWarnings(inf, cfg, msgr, st, cat, now, log)
	return &Service{Store: st, Infra: inf, relay: relay, api: api, pages: pages, admin: adminPages, online: online, log: log,
		Warnings: warnings.app, warnings: warnings,
		notices:   notices,
		outward:   out,
		shipments: messaging.NewConsumer(inf.Pool, inf.JS, log, shipments.Consumer, shipments.Handler(road)),
		custody: []*messaging.Consumer{
			messaging.NewConsumer(inf.Pool, inf.JS, log, custodian.Dossiers, custodian.DossierHandler(app.Custodian{})),
			messaging.NewConsumer(inf.Pool, inf.JS, log, custodian.Shipments, custodian.ShipmentHandler(app.Custodian{})),
		}}, nil
}

// Mount adds intake's API, the desk's pages, the administrator's pages and the
// citizen's online pages to r, with the base style sheet every kind of page shares.
func (s *Service) Mount(r chi.Router) {
	s.api.Mount(r)
	s.pages.Mount(r)
	s.admin.Mount(r)
	s.online.Mount(r)
	layout.MountBaseStyle(r, "intake")
}

// Workers are intake's background loops: the outbox relay, the follower of shipments,
// the keepers of the custody chains, housekeeping, the followers of calendar edits
// and of ended sessions, and what owes and sends the webhooks and the national sync.
func (s *Service) Workers() []lifecycle.Worker {
	w := append(s.Infra.Workers(), s.relay.Run, s.shipments.Run, housekeeping(s.Store, s.log))
	for _, c := range s.custody {
		w = append(w, c.Run)
	}
	w = append(w, s.warnings.workers()...)
	w = append(w, s.notices.workers()...)
	return append(w, s.outward.workers()...)
}

// newMessenger reaches citizens by mail and SMS as the settings say; a channel without
// its setting is off.
func newMessenger(cfg Config) (messenger.Messenger, error) {
	var m messenger.Messenger
	if cfg.SMTPURL != "" {
		smtp, err := mail.NewSMTP(cfg.SMTPURL, cfg.MailFrom)
		if err != nil {
			return m, err
		}
		m.Mail = smtp
	}
	if cfg.SMSURL != "" {
		m.SMS = sms.New(cfg.SMSURL, cfg.SMSToken)
	}
	return m, nil
}
