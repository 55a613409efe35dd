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

// Load puts every stored end in ends; call it at start, before serving. Signed-out
// tokens that have expired are forgotten on the way.
func Load(ctx context.Context, pool *pgxpool.Pool, ends *Ends) error {
	if _, err := pool.Exec(ctx, "DELETE FROM signed_out_tokens WHERE expires_at < now()"); err != nil {
		return fmt.Errorf("forget expired tokens: %w", err)
	}
	rows, err := pool.Query(ctx, `SELECT username, not_before, '', not_before FROM session_ends
		UNION ALL SELECT username, signed_out_at, token_id, expires_at FROM signed_out_tokens`)
	if err != nil {
		return fmt.Errorf("load session ends: %w", err)
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (e End, err error) {
		err = r.Scan(&e.Account, &e.NotBefore, &e.TokenID, &e.Expires)
		return e, err
	})
	if err != nil {
		return fmt.Errorf("load session ends: %w", err)
	}
	for _, e := range all {
		ends.Apply(e)
	}
	return nil
}

// Handler keeps each end in the service's table and in ends. An event that cannot be
// read is poison.
func Handler(ends *Ends) messaging.Handler {
	return func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error {
		end, err := Decode(msg.Data())
		if err != nil {
			return messaging.Unreadable(msg, err)
		}
		if err := Record(ctx, tx, end); err != nil {
			return err
		}
		// In force at once: if the transaction fails the event comes again, and an end
		// in force early is the same end.
		ends.Apply(end)
		return nil
	}
}

// Record keeps end in tx: for an account, an older end than the one kept changes
// nothing; a signed-out token is kept until it expires.
func Record(ctx context.Context, tx pgx.Tx, end End) error {
	var err error
	if end.TokenID != "" {
		_, err = tx.Exec(ctx, `INSERT INTO signed_out_tokens (token_id, username, signed_out_at, expires_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT (token_id) DO NOTHING`, end.TokenID, end.Account, end.NotBefore, end.Expires)
	} else {
		_, err = tx.Exec(ctx, `INSERT INTO session_ends (username, not_before) VALUES ($1, $2)
			ON CONFLICT (username) DO UPDATE SET not_before = EXCLUDED.not_before
			WHERE session_ends.not_before < EXCLUDED.not_before`, end.Account, end.NotBefore)
	}
	if err != nil {
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
		if end, err := Decode(m.Data); err == nil {
			ends.Apply(end)
		}
	})
	if err != nil {
		return nil, nil, fmt.Errorf("follow session ends: %w", err)
	}
	reload := lifecycle.Every(every, "session ends reload", log, func(ctx context.Context) error { return Load(ctx, pool, ends) })
	return sub, reload, nil
}
