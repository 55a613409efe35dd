package outward

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/adapters/outcall"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/delivery"
)

// The retries of both queues: from the base delay (MOTCUA_WEBHOOK_RETRY_BASE, 30 s by
// default) doubling up to MaxDelay, MaxTries tries in all. With the default base the
// tries come at 0, 30 s, 1.5 min, 3.5 min, … 8.5 h, then every 6 h: the 14th and last
// try falls about 26.5 hours after the first, so a receiver down for a day still gets
// every call, and an endpoint that failed all that day is disabled before its calls
// die.
const (
	MaxTries = 14
	MaxDelay = 6 * time.Hour
)

// tryTimeout bounds a try in the queue: the call's own timeout and the time to read its
// endpoint.
const tryTimeout = outcall.Timeout + 5*time.Second

// Queues are how the calls and records are sent: the retries' base delay, the clock,
// the log.
type Queues struct {
	Pool *pgxpool.Pool
	Base time.Duration
	Now  func() time.Time
	Log  *slog.Logger
}

// Webhooks is the queue of the calls owed to endpoints, made with client (the guard's).
// Each try's answer is recorded with its outcome, and how the endpoint stands with it:
// a success ends its failing, a failure starts it; an endpoint failing since more than
// app.DisableAfter is disabled at its next failure, its calls dying at their next try.
func (q Queues) Webhooks(hooks *store.Webhooks, client *http.Client) *delivery.Queue {
	log := q.Log.With("queue", store.WebhookDeliveries)
	return &delivery.Queue{Pool: q.Pool, Table: store.WebhookDeliveries, Base: q.Base, MaxDelay: MaxDelay, MaxTries: MaxTries,
		Timeout: tryTimeout, Now: q.Now, Log: log,
		Send: (&outcall.Webhooks{Endpoints: hooks, Client: client, Now: q.Now}).Send,
		Record: func(ctx context.Context, tx pgx.Tx, it delivery.Item, res delivery.Result) error {
			return store.RecordTry(ctx, tx, it.ID, res.Status, q.Now(), res.Err == nil)
		},
		Failed: func(ctx context.Context, it delivery.Item, _ delivery.Result, _ bool) {
			now := q.Now()
			disabled, err := hooks.DisableFailing(ctx, it.ID, now, now.Add(-app.DisableAfter))
			switch {
			case err != nil:
				log.Warn("webhook: could not judge a failing endpoint", "delivery", it.ID, "err", err.Error())
			case disabled:
				log.Warn("webhook: endpoint disabled after a day of failures", "delivery", it.ID)
			}
		}}
}

// National is the queue of the records owed to the portal at url, sent in order per
// dossier.
func (q Queues) National(url string) *delivery.Queue {
	return &delivery.Queue{Pool: q.Pool, Table: store.NationalSyncRecords, Ordered: true, Base: q.Base, MaxDelay: MaxDelay, MaxTries: MaxTries,
		Timeout: tryTimeout, Now: q.Now, Log: q.Log.With("queue", store.NationalSyncRecords),
		Send: outcall.NewPortal(url).Send}
}
