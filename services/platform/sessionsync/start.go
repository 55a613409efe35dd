package sessionsync

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/messaging"
)

// Start makes verifier refuse the tokens whose sessions ended, in a service that learns
// of the ends from the stream: it loads the ends the service keeps, follows new ones in
// this replica, and returns the workers to run: the durable consumer named durable,
// which keeps the service's table, and the reload.
func Start(ctx context.Context, pool *pgxpool.Pool, nc *nats.Conn, js jetstream.JetStream, durable string,
	verifier *auth.Verifier, log *slog.Logger) ([]lifecycle.Worker, error) {
	ends, reload, err := Keep(ctx, pool, nc, verifier, log)
	if err != nil {
		return nil, err
	}
	consumer := messaging.NewConsumer(pool, js, log, Consumer(durable), Handler(ends))
	return []lifecycle.Worker{consumer.Run, reload}, nil
}

// Keep makes verifier refuse the tokens whose sessions ended, as kept in the service's
// table: loaded now, followed in this replica as they are published, and reloaded every
// minute by the returned worker. The service that keeps the accounts (intake) records
// each end in its table itself (Record), in the transaction of the change; the others
// use Start.
func Keep(ctx context.Context, pool *pgxpool.Pool, nc *nats.Conn, verifier *auth.Verifier, log *slog.Logger) (*Ends, lifecycle.Worker, error) {
	ends := &Ends{}
	if err := Load(ctx, pool, ends); err != nil {
		return nil, nil, err
	}
	_, reload, err := Follow(nc, pool, ends, time.Minute, log)
	if err != nil {
		return nil, nil, err
	}
	verifier.RefuseEnded(ends)
	return ends, reload, nil
}
