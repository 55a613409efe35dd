package service

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/adapters/messenger"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/notice"
	"github.com/motcua/motcua/services/intake/notifier"
	"github.com/motcua/motcua/services/platform/delivery"
	"github.com/motcua/motcua/services/platform/infra"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/zns"
)

// noticeWork is what tells citizens: the notifier's two consumers, which queue
// notices, and a queue per channel that is on, which sends them.
type noticeWork struct {
	app       *app.Notices
	consumers []*messaging.Consumer
	queues    []*delivery.Queue
	pool      *infra.Infra
	log       *slog.Logger
}

// newNotices builds the notices through the channels the settings turn on: mail with
// an SMTP server, SMS with a gateway, Zalo with its API (then in place of SMS).
func newNotices(inf *infra.Infra, cfg Config, msgr messenger.Messenger, st *store.Store, cat *app.Catalog,
	sealer *sealing.Sealer, now func() time.Time, log *slog.Logger) noticeWork {
	send := messenger.Notices{Messenger: msgr}
	if cfg.ZNSURL != "" {
		send.Zalo = zns.New(cfg.ZNSURL, cfg.ZNSToken)
	}
	ns := &app.Notices{Store: st, Catalog: cat, Sealer: sealer, Send: send, PublicURL: cfg.PublicURL,
		Location: inf.Calendar.Calendar().Location(), Now: now,
		Channels: notice.Channels{Mail: msgr.Mail != nil, SMS: msgr.SMS != nil, ZNS: send.Zalo != nil}}
	w := noticeWork{app: ns, pool: inf, log: log, consumers: []*messaging.Consumer{
		messaging.NewConsumer(inf.Pool, inf.JS, log, notifier.Dossiers, notifier.DossierHandler(ns)),
		messaging.NewConsumer(inf.Pool, inf.JS, log, notifier.Shipments, notifier.ShipmentHandler(ns)),
	}}
	for ch, on := range map[notice.Channel]bool{notice.Mail: ns.Channels.Mail, notice.SMS: ns.Channels.SMS, notice.ZNS: ns.Channels.ZNS} {
		if !on {
			continue
		}
		w.queues = append(w.queues, &delivery.Queue{Pool: inf.Pool, Table: store.NoticeTable(ch), Log: log,
			Now: now, // retries: delivery's defaults (30 s doubling, 8 tries)
			Send: func(ctx context.Context, it delivery.Item) delivery.Result {
				d := ns.Deliver(ctx, ch, it.ID, it.Payload)
				return delivery.Result{Err: d.Err, Permanent: d.Permanent, Hold: d.Hold}
			},
			// The lookup shows what was sent: the event commits with the record.
			OnSent: func(ctx context.Context, tx pgx.Tx, it delivery.Item, at time.Time) error {
				msg, err := ns.Announced(ch, it.ID, it.Payload, at)
				if err != nil {
					return err
				}
				return outbox.Add(ctx, tx, msg)
			}})
	}
	return w
}

// workers are the consumers, the queues and the listener that wakes the queues.
func (w noticeWork) workers() []lifecycle.Worker {
	var out []lifecycle.Worker
	for _, c := range w.consumers {
		out = append(out, c.Run)
	}
	for _, q := range w.queues {
		out = append(out, q.Run)
	}
	if len(w.queues) > 0 {
		out = append(out, func(ctx context.Context) { delivery.Listen(ctx, w.pool.Pool, w.log, w.queues...) })
	}
	return out
}
