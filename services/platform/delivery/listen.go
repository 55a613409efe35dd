package delivery

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Listen wakes each of queues when an item is added to its table, by any process, until
// ctx ends: it holds one connection listening on the channel "delivery", and takes a new
// one when it is lost (the queues' polls cover the gap).
func Listen(ctx context.Context, pool *pgxpool.Pool, log *slog.Logger, queues ...*Queue) {
	byTable := make(map[string][]*Queue, len(queues))
	for _, q := range queues {
		byTable[q.Table] = append(byTable[q.Table], q)
	}
	for ctx.Err() == nil {
		err := listen(ctx, pool, byTable)
		if ctx.Err() != nil {
			return
		}
		log.Warn("delivery: listening for new items failed", "err", err.Error())
		sleep(ctx, time.Second, nil)
	}
}

func listen(ctx context.Context, pool *pgxpool.Pool, byTable map[string][]*Queue) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer func() {
		// The connection still listens: close it rather than give it back.
		_ = conn.Conn().Close(context.WithoutCancel(ctx))
		conn.Release()
	}()
	if _, err := conn.Exec(ctx, "LISTEN delivery"); err != nil {
		return err
	}
	for _, qs := range byTable { // items added while nobody listened
		for _, q := range qs {
			q.Kick()
		}
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		if err != nil {
			return err
		}
		for _, q := range byTable[n.Payload] {
			q.Kick()
		}
	}
}
