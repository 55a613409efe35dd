package calendarsync

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"

	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/worktime"
)

// Follow keeps every replica's calendar current. A service's replicas share its durable
// consumer, so only one of them applies each edit from the stream (and writes it to the
// service's table); each replica also hears the edits on core NATS and puts them in force
// in its own memory, and reloads the table now and then for any it missed while
// disconnected. It returns the subscription and the reload loop, a worker that runs
// until ctx ends.
func Follow(nc *nats.Conn, pool *pgxpool.Pool, live *worktime.Live, every time.Duration, log *slog.Logger) (*nats.Subscription, lifecycle.Worker, error) {
	sub, err := nc.Subscribe("reference.v1.calendar.>", func(m *nats.Msg) {
		y, revision, err := Decode(m.Data)
		if err != nil {
			return // the durable consumer dead-letters what cannot be read
		}
		if _, err := live.Set(y, revision); err != nil {
			log.Warn("calendar edit not put in force", "year", y.Year, "err", err.Error())
		}
	})
	if err != nil {
		return nil, nil, fmt.Errorf("follow calendar edits: %w", err)
	}
	reload := lifecycle.Every(every, "calendar reload", log, func(ctx context.Context) error { return Load(ctx, pool, live) })
	return sub, reload, nil
}
