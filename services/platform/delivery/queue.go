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
	// Ordered says the table's items go in order per order key (its table then has an
	// index on (order_key, seq)); without it the order key is not looked at, and no item
	// waits for another.
	Ordered bool
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
				// Due now yet not claimed: another worker is claiming it; look again soon.
				wait = min(wait, max(next.Sub(q.Now()), 50*time.Millisecond))
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

// One sends the first due item, if any, and says whether there was one. The item is
// claimed in a short transaction that puts its next try a lease away (Timeout and ten
// seconds), tried with no transaction open (no connection is held while the party
// answers), and its outcome recorded in a second short transaction. A process that
// stops or dies during the try leaves the item to be tried again when the lease ends.
func (q *Queue) One(ctx context.Context) (bool, error) {
	q.defaults()
	it, ok, err := q.claim(ctx)
	if !ok || err != nil {
		return false, err
	}
	tryCtx, cancel := context.WithTimeout(ctx, q.Timeout)
	res := q.Send(tryCtx, it)
	cancel()
	if ctx.Err() != nil && res.Err != nil {
		return false, ctx.Err() // stopping: the try did not finish; the lease ends, it goes again
	}
	// The party has answered: what it answered is recorded even while stopping.
	return true, q.record(context.WithoutCancel(ctx), it, res)
}

// due is the condition of an item that may be tried at $1: pending, due, and, in an
// ordered queue, not behind an earlier item of its order key that is not sent (held by
// another worker, waiting for a retry, or dead).
func (q *Queue) due() string {
	ident := pgx.Identifier{q.Table}.Sanitize()
	if !q.Ordered {
		return "state = 'pending' AND next_at <= $1"
	}
	return `state = 'pending' AND next_at <= $1 AND NOT EXISTS (SELECT 1 FROM ` + ident + ` e
		WHERE e.order_key = t.order_key AND e.seq < t.seq AND e.state <> 'sent')`
}

// claim takes the first due item and leases it.
func (q *Queue) claim(ctx context.Context) (Item, bool, error) {
	ident := pgx.Identifier{q.Table}.Sanitize()
	var it Item
	err := pgx.BeginFunc(ctx, q.Pool, func(tx pgx.Tx) error {
		now := q.Now()
		err := tx.QueryRow(ctx, `SELECT id, order_key, payload, tries, created_at FROM `+ident+` t
			WHERE `+q.due()+` ORDER BY next_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED`, now).
			Scan(&it.ID, &it.OrderKey, &it.Payload, &it.Tries, &it.CreatedAt)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "UPDATE "+ident+" SET next_at = $2 WHERE id = $1", it.ID, now.Add(q.Timeout+10*time.Second))
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return it, false, nil
	}
	if err != nil {
		return it, false, fmt.Errorf("deliver %s: claim: %w", q.Table, err)
	}
	return it, true, nil
}

// record keeps the outcome of the try of it: sent, held, to be tried again, or dead.
func (q *Queue) record(ctx context.Context, it Item, res Result) error {
	ident := pgx.Identifier{q.Table}.Sanitize()
	now := q.Now()
	dead, held := false, !res.Hold.IsZero() && res.Err == nil
	err := pgx.BeginFunc(ctx, q.Pool, func(tx pgx.Tx) error {
		var err error
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
		if err != nil || q.Record == nil || held {
			return err
		}
		tried := it
		tried.Tries++
		return q.Record(ctx, tx, tried, res)
	})
	if err != nil {
		return fmt.Errorf("deliver %s: record: %w", q.Table, err)
	}
	if res.Err != nil {
		it.Tries++
		q.Log.Info("delivery failed", "table", q.Table, "id", it.ID, "tries", it.Tries, "dead", dead, "err", res.Err.Error())
		if q.Failed != nil {
			q.Failed(ctx, it, res, dead)
		}
	}
	return nil
}

// nextDue is when the soonest item that may be tried falls due: one held behind an
// earlier item of its order key is not counted, so a dossier waiting on a dead record
// does not keep the queue awake.
func (q *Queue) nextDue(ctx context.Context) (time.Time, bool, error) {
	var next *time.Time
	ident := pgx.Identifier{q.Table}.Sanitize()
	// greatest: an item due at once is stored due at -infinity, which time.Time cannot
	// hold (and greatest would make nothing due now: it passes over a NULL).
	err := q.Pool.QueryRow(ctx, "SELECT CASE WHEN min(next_at) IS NOT NULL THEN greatest(min(next_at), $2::timestamptz) END FROM "+ident+" t WHERE "+
		q.due(), infinity, q.Now()).Scan(&next)
	if err != nil || next == nil {
		return time.Time{}, false, err
	}
	return *next, true, nil
}

// infinity stands for no bound on an item's due time.
var infinity = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
