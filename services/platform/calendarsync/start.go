package calendarsync

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/worktime"
)

// Start puts the administrators' calendar in force in a service: the shipped days with
// the edits the service keeps, loaded now; each new edit applied by the durable consumer
// named durable (which keeps the service's table) and heard by every replica; and the
// table reloaded every minute for what a replica missed. It returns the calendar in
// force and the workers to run.
func Start(ctx context.Context, pool *pgxpool.Pool, nc *nats.Conn, js jetstream.JetStream, durable string,
	log *slog.Logger) (*worktime.Live, []lifecycle.Worker, error) {
	live := worktime.NewLive()
	if err := Load(ctx, pool, live); err != nil {
		return nil, nil, err
	}
	_, reload, err := Follow(nc, pool, live, time.Minute, log)
	if err != nil {
		return nil, nil, err
	}
	consumer := messaging.NewConsumer(pool, js, log, Consumer(durable), Handler(live))
	return live, []lifecycle.Worker{consumer.Run, reload}, nil
}
