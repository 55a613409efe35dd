package sessionsync

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/motcua/motcua/services/platform/messaging"
)

// Load puts every stored end in ends; call it at start, before serving.
func Load(ctx context.Context, pool *pgxpool.Pool, ends *Ends) error {
	rows, err := pool.Query(ctx, "SELECT username, not_before FROM session_ends")
	if err != nil {
		return fmt.Errorf("load session ends: %w", err)
	}
	type end struct {
		user string
		at   time.Time
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (e end, err error) {
		err = r.Scan(&e.user, &e.at)
		return e, err
	})
	if err != nil {
		return fmt.Errorf("load session ends: %w", err)
	}
	for _, e := range all {
		ends.Set(e.user, e.at)
	}
	return nil
}

// Handler keeps the newest end of each account in the service's table and in ends. An
// event that cannot be read is poison.
func Handler(ends *Ends) messaging.Handler {
	return func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		user, at, err := Decode(msg.Data())
		if err != nil {
			return messaging.Unreadable(msg, err)
		}
		if err := Record(ctx, tx, user, at); err != nil {
			return err
		}
		// In force at once: if the transaction fails the event comes again, and an end
		// in force early is the same end.
		ends.Set(user, at)
		return nil
	}
}

// Record keeps in tx that the sessions of username signed before notBefore ended; an
// older end than the one kept changes nothing.
func Record(ctx context.Context, tx pgx.Tx, username string, notBefore time.Time) error {
	if _, err := tx.Exec(ctx, `INSERT INTO session_ends (username, not_before) VALUES ($1, $2)
		ON CONFLICT (username) DO UPDATE SET not_before = EXCLUDED.not_before
		WHERE session_ends.not_before < EXCLUDED.not_before`, username, notBefore); err != nil {
		return fmt.Errorf("record session end: %w", err)
	}
	return nil
}

// Follow puts every end in force in this replica as soon as it is published (replicas
// share the durable consumer, so only one of them is handed each event), and reloads
// the table every so often for any missed while disconnected. It returns the
// subscription and the reload loop, a worker that runs until ctx ends.
func Follow(nc *nats.Conn, pool *pgxpool.Pool, ends *Ends, every time.Duration, log *slog.Logger) (*nats.Subscription, lifecycle.Worker, error) {
	sub, err := nc.Subscribe(Subjects, func(m *nats.Msg) {
		if user, at, err := Decode(m.Data); err == nil {
			ends.Set(user, at)
		}
	})
	if err != nil {
		return nil, nil, fmt.Errorf("follow session ends: %w", err)
	}
	reload := lifecycle.Every(every, "session ends reload", log, func(ctx context.Context) error { return Load(ctx, pool, ends) })
	return sub, reload, nil
}
