package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/motcua/motcua/services/platform/lifecycle"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// RelayOptions tune a Relay; zero values take the defaults.
type RelayOptions struct {
	// Schema names the service's schema, for metrics and the leader lock.
	Schema string
	// Batch is the most events published in one pass (default 256).
	Batch int
	// PollInterval is how often the relay looks for rows when nobody woke it (default 500ms).
	PollInterval time.Duration
	// Retention is how long sent rows are kept as a replay source (default 7 days).
	Retention time.Duration
	// AckTimeout bounds the wait for JetStream's acknowledgements (default 3s: they come
	// in milliseconds, and a batch sent while a stream's leader changed is better sent
	// again soon than waited for; the Nats-Msg-Id drops copies).
	AckTimeout time.Duration
}

// Relay publishes committed outbox rows to JetStream in commit-safe order and marks them
// sent once JetStream has acknowledged them. Several relays may run against one schema:
// a session-level advisory lock lets one of them lead at a time.
type Relay struct {
	pool *pgxpool.Pool
	js   jetstream.JetStream
	log  *slog.Logger
	opt  RelayOptions
	wake chan struct{}
	// leader is the connection holding the leader lock while this relay leads; only the
	// goroutine running Run or Flush uses it.
	leader *pgxpool.Conn
}

// NewRelay builds a relay over the outbox of the pool's schema.
func NewRelay(pool *pgxpool.Pool, js jetstream.JetStream, log *slog.Logger, opt RelayOptions) *Relay {
	if opt.Batch <= 0 {
		opt.Batch = 256
	}
	if opt.PollInterval <= 0 {
		opt.PollInterval = 500 * time.Millisecond
	}
	if opt.Retention <= 0 {
		opt.Retention = 7 * 24 * time.Hour
	}
	if opt.AckTimeout <= 0 {
		opt.AckTimeout = 3 * time.Second
	}
	return &Relay{pool: pool, js: js, log: log, opt: opt, wake: make(chan struct{}, 1)}
}

// Notify wakes the relay after a commit that added rows; it never blocks.
func (r *Relay) Notify() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run publishes until ctx ends, then flushes what is already committed (for up to ten
// seconds) so a graceful stop leaves nothing behind that it could have sent.
func (r *Relay) Run(ctx context.Context) {
	poll := time.NewTicker(r.opt.PollInterval)
	defer poll.Stop()
	prune := time.NewTicker(time.Hour)
	defer prune.Stop()
	r.prune(ctx)
	// While the broker is away nothing is tried (every publish would fail at once); the
	// relay waits for the connection to come back and goes on at that moment.
	nc := r.js.Conn()
	connected := nc.StatusChanged(nats.CONNECTED)
	defer nc.RemoveStatusListener(connected)
	away := false
	backoff := 50 * time.Millisecond
	wait := time.Millisecond // while committed rows wait for an older transaction
	var waitingSince time.Time
	for ctx.Err() == nil {
		select {
		case <-prune.C:
			r.prune(ctx)
		default:
		}
		if !nc.IsConnected() {
			if !away {
				r.log.Warn("outbox relay waiting for the broker to come back")
				away = true
			}
			select {
			case <-ctx.Done():
			case <-connected:
			case <-time.After(time.Second): // a status change missed is noticed anyway
			}
			continue
		}
		if away {
			r.log.Info("outbox relay: the broker is back")
			away, backoff = false, 50*time.Millisecond
		}
		res, err := r.pass(ctx)
		if !res.waiting || res.published > 0 {
			wait, waitingSince = time.Millisecond, time.Time{}
		}
		switch {
		case ctx.Err() != nil:
		case err != nil:
			publishErrors.WithLabelValues(r.opt.Schema).Inc()
			r.log.Warn("outbox relay pass failed", "err", err.Error(), "retry_in", backoff.String())
			select {
			case <-ctx.Done():
			case <-connected: // the broker came back: no need to wait out the back-off
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, 5*time.Second)
		case res.published == r.opt.Batch:
			backoff = 50 * time.Millisecond // more rows wait: go on at once
		case res.waiting:
			// Committed rows exist whose transactions are newer than the oldest one still
			// running, anywhere on the PostgreSQL server; they become safe to send as soon
			// as it ends. Look again soon, then less often, and say so if it lasts.
			backoff = 50 * time.Millisecond
			if waitingSince.IsZero() {
				waitingSince = time.Now()
			} else if time.Since(waitingSince) > 10*time.Second {
				r.log.Warn("outbox rows held back by a long transaction on the database server",
					"waiting_for", time.Since(waitingSince).Round(time.Second).String())
				waitingSince = time.Now()
			}
			lifecycle.Wait(ctx, wait)
			wait = min(2*wait, r.opt.PollInterval)
		default:
			backoff = 50 * time.Millisecond
			select {
			case <-ctx.Done():
			case <-r.wake:
			case <-poll.C:
			}
		}
	}
	flushCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := r.Flush(flushCtx); err != nil {
		r.log.Warn("outbox flush at shutdown incomplete", "err", err.Error())
	}
}

// busyGrace is how long Flush waits for the leader lock before it leaves the rows to the
// relay holding it. The lock may be held by the connection of a pass cut short by a
// cancelled context, until PostgreSQL notices that connection is gone.
const busyGrace = 2 * time.Second

// Flush publishes every row that is safe to send now, and returns when none is left, or
// when another relay has held the leader lock for busyGrace (that relay sends them). It
// then gives up leadership. Run calls it when it stops; call it only when Run is not
// running.
func (r *Relay) Flush(ctx context.Context) error {
	defer r.resign()
	var busySince time.Time
	for {
		res, err := r.pass(ctx)
		if err != nil {
			return err
		}
		if res.busy {
			if busySince.IsZero() {
				busySince = time.Now()
			} else if time.Since(busySince) > busyGrace {
				return nil
			}
		} else {
			busySince = time.Time{}
		}
		if res.published == 0 && !res.waiting && !res.busy {
			return nil
		}
		if res.published == 0 && !lifecycle.Wait(ctx, 2*time.Millisecond) {
			return ctx.Err()
		}
	}
}

type passResult struct {
	published int
	waiting   bool
	busy      bool // another session holds the leader lock
}

type outboxRow struct {
	id        int64
	eventID   uuid.UUID
	subject   string
	payload   []byte
	createdAt time.Time
	safe      bool
}

// lockSQL takes the session-level leader lock of the schema's outbox.
const lockSQL = "SELECT pg_try_advisory_lock(hashtext('motcua.outbox.' || current_schema()))"

// lead makes this relay the schema's leader if no other session is: it keeps a pooled
// connection holding a session-level advisory lock, so passes need no transaction of
// their own. It reports false while another session holds the lock.
func (r *Relay) lead(ctx context.Context) (bool, error) {
	if r.leader != nil {
		return true, nil
	}
	conn, err := r.pool.Acquire(ctx)
	if err != nil {
		return false, fmt.Errorf("leader connection: %w", err)
	}
	var ok bool
	if err := conn.QueryRow(ctx, lockSQL).Scan(&ok); err != nil {
		conn.Release()
		return false, fmt.Errorf("leader lock: %w", err)
	}
	if !ok {
		conn.Release()
		return false, nil
	}
	r.leader = conn
	return true, nil
}

// resign gives up leadership by closing the leader connection, which releases its lock
// (whatever state the connection is in), and lets the pool open a fresh one.
func (r *Relay) resign() {
	if r.leader == nil {
		return
	}
	conn := r.leader.Hijack()
	r.leader = nil
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = conn.Close(ctx)
}

// pass publishes one batch. Rows are read in id order, and only up to the first whose
// transaction is not older than every transaction still running (txid below the
// snapshot's xmin): a row that committed ahead of an older, slower transaction waits for
// it, and every row after it waits too, so events never overtake ones committed before
// them. Any error gives up leadership, so a broken connection never keeps the lock.
func (r *Relay) pass(ctx context.Context) (res passResult, err error) {
	leader, err := r.lead(ctx)
	if err != nil || !leader {
		res.busy = !leader
		return res, err
	}
	defer func() {
		if err != nil {
			r.resign()
		}
	}()
	rows, err := r.leader.Query(ctx, `SELECT id, event_id, subject, payload, created_at,
		txid < pg_snapshot_xmin(pg_current_snapshot())
		FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1`, r.opt.Batch)
	if err != nil {
		return res, fmt.Errorf("read outbox: %w", err)
	}
	batch, err := pgx.CollectRows(rows, func(cr pgx.CollectableRow) (outboxRow, error) {
		var x outboxRow
		err := cr.Scan(&x.id, &x.eventID, &x.subject, &x.payload, &x.createdAt, &x.safe)
		return x, err
	})
	if err != nil {
		return res, fmt.Errorf("read outbox: %w", err)
	}
	// Publish the prefix of safe rows only: a safe row after one that must wait would
	// overtake it (its transaction may have committed after the waiting row's did).
	safe := batch
	for i, x := range batch {
		if !x.safe {
			safe = batch[:i]
			res.waiting = true
			break
		}
	}
	if len(safe) == 0 {
		return res, nil
	}
	acked, pubErr := r.publish(ctx, safe)
	if len(acked) > 0 {
		if _, err := r.leader.Exec(ctx, "UPDATE outbox SET sent_at = clock_timestamp() WHERE id = ANY($1)", acked); err != nil {
			return res, fmt.Errorf("mark sent: %w", err)
		}
		publishedTotal.WithLabelValues(r.opt.Schema).Add(float64(len(acked)))
		now := time.Now()
		for _, x := range safe[:len(acked)] {
			relayLag.WithLabelValues(r.opt.Schema).Observe(now.Sub(x.createdAt).Seconds())
		}
	}
	res.published = len(acked)
	return res, pubErr
}

// publish sends rows asynchronously, in order, and returns the ids of the longest prefix
// JetStream acknowledged. Rows after a failure are sent again on the next pass; the
// Nats-Msg-Id header makes JetStream drop any copy it already stored.
func (r *Relay) publish(ctx context.Context, rows []outboxRow) ([]int64, error) {
	futures := make([]jetstream.PubAckFuture, 0, len(rows))
	var sendErr error
	for _, x := range rows {
		msg := &nats.Msg{Subject: x.subject, Data: x.payload, Header: nats.Header{}}
		msg.Header.Set(jetstream.MsgIDHeader, x.eventID.String())
		f, err := r.js.PublishMsgAsync(msg)
		if err != nil {
			sendErr = fmt.Errorf("publish %s: %w", x.subject, err)
			break
		}
		futures = append(futures, f)
	}
	timeout := time.NewTimer(r.opt.AckTimeout)
	defer timeout.Stop()
	acked := make([]int64, 0, len(futures))
	for i, f := range futures {
		select {
		case <-f.Ok():
			acked = append(acked, rows[i].id)
			continue
		case err := <-f.Err():
			return acked, errors.Join(fmt.Errorf("publish %s: %w", rows[i].subject, err), sendErr)
		case <-timeout.C:
			return acked, errors.New("publish: timed out waiting for acknowledgements")
		case <-ctx.Done():
			return acked, ctx.Err()
		}
	}
	return acked, sendErr
}

// prune deletes sent rows older than the retention period.
func (r *Relay) prune(ctx context.Context) {
	_, err := r.pool.Exec(ctx, "DELETE FROM outbox WHERE sent_at < now() - make_interval(secs => $1)",
		r.opt.Retention.Seconds())
	if err != nil && ctx.Err() == nil {
		r.log.Warn("outbox prune failed", "err", err.Error())
	}
}
