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

// Start makes verifier refuse the tokens whose sessions ended: it loads the ends the
// service keeps, follows new ones in this replica, and returns the workers to run: the
// durable consumer named durable, which keeps the service's table, and the reload.
func Start(ctx context.Context, pool *pgxpool.Pool, nc *nats.Conn, js jetstream.JetStream, durable string,
	verifier *auth.Verifier, log *slog.Logger) ([]lifecycle.Worker, error) {
	ends := &Ends{}
	if err := Load(ctx, pool, ends); err != nil {
		return nil, err
	}
	_, reload, err := Follow(nc, pool, ends, time.Minute, log)
	if err != nil {
		return nil, err
	}
	verifier.RefuseEnded(ends)
	consumer := messaging.NewConsumer(pool, js, log, Consumer(durable), Handler(ends))
	return []lifecycle.Worker{consumer.Run, reload}, nil
}
