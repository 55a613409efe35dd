package service

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/adapters/outcall"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/outward"
	"github.com/motcua/motcua/services/platform/delivery"
	"github.com/motcua/motcua/services/platform/infra"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/webhook"
)

// outwardParties is what intake owes the parties outside (issue 14): the endpoints
// administrators subscribe by webhook and, when MOTCUA_NATIONAL_SYNC_URL is set, the
// national portal. Its use cases serve the API and the pages; its followers of the
// events owe the calls and records, which its queues send, woken by each commit.
type outwardParties struct {
	webhooks  *app.Webhooks
	national  *app.NationalSync
	consumers []*messaging.Consumer
	queues    []*delivery.Queue
	pool      *pgxpool.Pool
	log       *slog.Logger
}

func newOutwardParties(cfg Config, inf *infra.Infra, sealer *sealing.Sealer, now func() time.Time, log *slog.Logger) *outwardParties {
	guard := webhook.Guard{AllowPrivate: cfg.WebhookAllowPrivate}
	hooks := store.NewWebhooks(inf.Pool, sealer)
	o := &outwardParties{pool: inf.Pool, log: log,
		webhooks: &app.Webhooks{Store: hooks, Guard: guard, Now: now},
		national: &app.NationalSync{Store: store.NewNationalSync(inf.Pool)}}
	queues := outward.Queues{Pool: inf.Pool, Base: cfg.WebhookRetryBase, Now: now, Log: log}
	o.queues = append(o.queues, queues.Webhooks(hooks, guard.Client(outcall.Timeout)))
	o.consumers = append(o.consumers,
		messaging.NewConsumer(inf.Pool, inf.JS, log, outward.WebhookDossiers, outward.WebhookDossierHandler(app.Announcer{})),
		messaging.NewConsumer(inf.Pool, inf.JS, log, outward.WebhookShipments, outward.WebhookShipmentHandler(app.Announcer{})))
	// Without a portal to send to, nothing follows for it: its durable consumer, made
	// once the URL is set, starts from the stream's first event and owes the portal
	// every status change there was.
	if cfg.NationalSyncURL != "" {
		o.queues = append(o.queues, queues.National(cfg.NationalSyncURL))
		o.consumers = append(o.consumers,
			messaging.NewConsumer(inf.Pool, inf.JS, log, outward.NationalDossiers, outward.NationalHandler(o.national)))
	}
	return o
}

// workers are the followers, the queues and what wakes the queues.
func (o *outwardParties) workers() []lifecycle.Worker {
	var w []lifecycle.Worker
	for _, c := range o.consumers {
		w = append(w, c.Run)
	}
	for _, q := range o.queues {
		w = append(w, q.Run)
	}
	return append(w, func(ctx context.Context) { delivery.Listen(ctx, o.pool, o.log, o.queues...) })
}
