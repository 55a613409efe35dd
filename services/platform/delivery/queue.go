package delivery

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Sender tries to hand one item to its party.
type Sender func(ctx context.Context, it Item) Result

// Queue sends the items of one table.
type Queue struct {
	Pool  *pgxpool.Pool
	Table string
	Send  Sender
	// Base is the delay after the first failure, doubled after each next one up to
	// MaxDelay (default 30 s and 6 h).
	Base     time.Duration
	MaxDelay time.Duration
	// MaxTries is how many tries an item gets before it is dead (default 8).
	MaxTries int
	// Workers is how many items are sent at once (default 4).
	Workers int
	// Poll is how often the table is looked at when nothing woke the queue (default 5 s).
	Poll time.Duration
	// Timeout bounds one try (default 30 s).
	Timeout time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
	Log *slog.Logger
	// OnSent, when set, runs in the transaction that records an item sent: what the
	// owner keeps or publishes of it commits with the record, once.
	OnSent func(ctx context.Context, tx pgx.Tx, it Item, at time.Time) error
	// Failed, when set, is told of each failed try after it is recorded, with the item's
	// tries so far (a webhook endpoint counts its failures).
	Failed func(ctx context.Context, it Item, res Result, dead bool)
	// Record, when set, writes what the owner keeps of each try in its own columns (the
	// party's answer, when it was tried) in the transaction that records the outcome, so
	// both commit together, with the item's tries counting this one; its error leaves
	// the item as it was, to be tried again. A held item was not tried: no Record.
	Record func(ctx context.Context, tx pgx.Tx, it Item, res Result) error

	once sync.Once
	wake chan struct{}
}

func (q *Queue) defaults() {
	q.once.Do(func() {
		if q.Base <= 0 {
			q.Base = 30 * time.Second
		}
		if q.MaxDelay <= 0 {
			q.MaxDelay = 6 * time.Hour
		}
		if q.MaxTries <= 0 {
			q.MaxTries = 8
		}
		if q.Workers <= 0 {
			q.Workers = 4
		}
		if q.Poll <= 0 {
			q.Poll = 5 * time.Second
		}
		if q.Timeout <= 0 {
			q.Timeout = 30 * time.Second
		}
		if q.Now == nil {
			q.Now = time.Now
		}
		if q.Log == nil {
			q.Log = slog.Default()
		}
		q.wake = make(chan struct{}, 1)
	})
}

// Kick wakes the queue: items may be due.
func (q *Queue) Kick() {
	q.defaults()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// Delay is how long an item waits after its tries-th failed try.
func (q *Queue) Delay(tries int) time.Duration {
	q.defaults()
	d := q.Base
	for i := 1; i < tries && d < q.MaxDelay; i++ {
		d *= 2
	}
	return min(d, q.MaxDelay)
}

// Run sends due items until ctx ends, with Workers goroutines.
func (q *Queue) Run(ctx context.Context) {
	q.defaults()
	var wg sync.WaitGroup
	for range q.Workers {
		wg.Go(func() { q.work(ctx) })
	}
	wg.Wait()
}

func (q *Queue) work(ctx context.Context) {
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		sent, err := q.One(ctx)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			q.Log.Warn("delivery queue pass failed", "table", q.Table, "err", err.Error())
			sleep(ctx, backoff, nil)
			backoff = min(2*backoff, 5*time.Second)
		case sent:
			backoff = 100 * time.Millisecond
		default:
			wait := q.Poll
			if next, ok, err := q.nextDue(ctx); err == nil && ok {
				wait = min(wait, max(next.Sub(q.Now()), time.Millisecond))
			}
			sleep(ctx, wait, q.wake)
		}
	}
}

func sleep(ctx context.Context, d time.Duration, wake <-chan struct{}) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	case <-wake:
	}
}

// One sends the first due item, if any, and says whether there was one.
func (q *Queue) One(ctx context.Context) (bool, error) {
	q.defaults()
	ident := pgx.Identifier{q.Table}.Sanitize()
	tx, err := q.Pool.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("deliver %s: %w", q.Table, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck
	// An item waits while an earlier one of its order key is not sent; that earlier one
	// may be held by another worker (SKIP LOCKED skips it, NOT EXISTS still sees it).
	var it Item
	err = tx.QueryRow(ctx, `SELECT id, order_key, payload, tries, created_at FROM `+ident+` t
		WHERE state = 'pending' AND next_at <= $1
		  AND (order_key = '' OR NOT EXISTS (SELECT 1 FROM `+ident+` e
		       WHERE e.order_key = t.order_key AND e.seq < t.seq AND e.state <> 'sent'))
		ORDER BY next_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED`, q.Now()).
		Scan(&it.ID, &it.OrderKey, &it.Payload, &it.Tries, &it.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("deliver %s: claim: %w", q.Table, err)
	}
	tryCtx, cancel := context.WithTimeout(ctx, q.Timeout)
	res := q.Send(tryCtx, it)
	cancel()
	if ctx.Err() != nil && res.Err != nil {
		return false, ctx.Err() // stopping: the try did not finish, the row stays pending
	}
	now := q.Now()
	dead, held := false, !res.Hold.IsZero() && res.Err == nil
	switch {
	case held:
		_, err = tx.Exec(ctx, "UPDATE "+ident+" SET next_at = $2 WHERE id = $1", it.ID, res.Hold)
	case res.Err == nil:
		_, err = tx.Exec(ctx, "UPDATE "+ident+" SET state = 'sent', sent_at = $2, tries = tries + 1, last_error = '' WHERE id = $1", it.ID, now)
		if err == nil && q.OnSent != nil {
			err = q.OnSent(ctx, tx, it, now)
		}
	default:
		tries := it.Tries + 1
		dead = res.Permanent || tries >= q.MaxTries
		state := Pending
		if dead {
			state = Dead
		}
		_, err = tx.Exec(ctx, "UPDATE "+ident+" SET state = $2, tries = $3, next_at = $4, last_error = $5 WHERE id = $1",
			it.ID, state, tries, now.Add(q.Delay(tries)), truncate(res.Err.Error(), 500))
	}
	if err != nil {
		return false, fmt.Errorf("deliver %s: record: %w", q.Table, err)
	}
	if q.Record != nil && !held {
		tried := it
		tried.Tries++
		if err := q.Record(context.WithoutCancel(ctx), tx, tried, res); err != nil {
			return false, fmt.Errorf("deliver %s: record the try: %w", q.Table, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fmt.Errorf("deliver %s: commit: %w", q.Table, err)
	}
	if res.Err != nil {
		it.Tries++
		q.Log.Info("delivery failed", "table", q.Table, "id", it.ID, "tries", it.Tries, "dead", dead, "err", res.Err.Error())
		if q.Failed != nil {
			q.Failed(ctx, it, res, dead)
		}
	}
	return true, nil
}

// nextDue is when the soonest pending item falls due.
func (q *Queue) nextDue(ctx context.Context) (time.Time, bool, error) {
	var next *time.Time
	now := q.Now()
	err := q.Pool.QueryRow(ctx, "SELECT greatest(min(next_at), $1) FROM "+pgx.Identifier{q.Table}.Sanitize()+
		" WHERE state = 'pending'", now).Scan(&next)
	if err != nil || next == nil {
		return time.Time{}, false, err
	}
	return *next, true, nil // an item due now but held behind an earlier one waits for a poll or a wake
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
