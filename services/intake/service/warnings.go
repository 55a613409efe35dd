package service

import (
	"context"
	"log/slog"
	"time"

	"github.com/motcua/motcua/services/intake/adapters/messenger"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/delivery"
	"github.com/motcua/motcua/services/platform/infra"
	"github.com/motcua/motcua/services/platform/lifecycle"
)

// warningWork is what warns staff: a pass each minute that makes the day's digest when
// it is due, another that tells the supervisors of the dossiers gone late, and, with an
// SMTP server, the queue that sends their mail.
type warningWork struct {
	app   *app.Warnings
	queue *delivery.Queue
	log   *slog.Logger
}

// warningPass is how often the passes look: each minute, so that a digest goes at 07:30
// and a dossier is told within a minute of going late.
const warningPass = time.Minute

// newWarnings builds the staff warnings; their mail goes through the SMTP server of
// the settings, and none is made without one.
func newWarnings(inf *infra.Infra, cfg Config, msgr messenger.Messenger, st *store.Store, cat *app.Catalog,
	now func() time.Time, log *slog.Logger) warningWork {
	w := warningWork{log: log, app: &app.Warnings{Store: st, Calendar: inf.Calendar, Catalog: cat, AtRiskHours: cfg.AtRiskHours,
		Mail: msgr.Mail != nil, Send: msgr, PublicURL: cfg.PublicURL, Now: now}}
	if w.app.Mail {
		w.queue = &delivery.Queue{Pool: inf.Pool, Table: store.StaffMailTable, Log: log, Now: now, // retries: delivery's defaults
			Send: func(ctx context.Context, it delivery.Item) delivery.Result {
				d := w.app.Deliver(ctx, it.ID, it.Payload)
				return delivery.Result{Err: d.Err, Permanent: d.Permanent}
			}}
	}
	return w
}

// workers are the two passes and the queue. A pass that queued mail wakes the queue of
// its process (another replica's finds it at its next poll).
func (w warningWork) workers() []lifecycle.Worker {
	kick := func(n int, err error) error {
		if n > 0 && w.queue != nil {
			w.queue.Kick()
		}
		return err
	}
	out := []lifecycle.Worker{
		lifecycle.Every(warningPass, "staff digest", w.log, func(ctx context.Context) error { return kick(w.app.Digest(ctx)) }),
		lifecycle.Every(warningPass, "late warnings", w.log, func(ctx context.Context) error { return kick(w.app.TellLate(ctx)) }),
	}
	if w.queue != nil {
		out = append(out, w.queue.Run)
	}
	return out
}
