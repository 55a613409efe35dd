package messaging

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/database"
	"github.com/motcua/motcua/services/platform/lifecycle"
)

// Handler applies one event inside tx. Returning an error rolls the effect back; wrap it
// with Poison when retrying cannot help.
type Handler func(ctx context.Context, tx pgx.Tx, msg jetstream.Msg) error

// ConsumerOptions name and tune a durable consumer; zero values take the defaults.
type ConsumerOptions struct {
	Stream         string
	Durable        string
	FilterSubjects []string
	// MaxDeliver bounds redelivery before a message goes to the dead-letter subject (default 8).
	MaxDeliver int
	// BackOff is the delay before each redelivery; the last value repeats
	// (default 1s, 2s, 5s, 10s, 30s, 60s).
	BackOff []time.Duration
	// Batch is the most events applied in one transaction (default 64).
	Batch int
	// AckWait is how long the broker waits for an acknowledgement before it delivers a
	// message again, e.g. one whose acknowledgement was lost with the connection, or one
	// handed to a replica that was killed (default 4s: a batch takes milliseconds, and a
	// killed consumer's messages must come back within the 5 s a service has to be level
	// again; a slow batch delivered twice is recognised by the inbox).
	AckWait time.Duration
}

// Consumer applies the events of a durable pull consumer exactly once each: the inbox
// row and the effect commit together, and the message is acknowledged after the commit.
type Consumer struct {
	pool    *pgxpool.Pool
	js      jetstream.JetStream
	log     *slog.Logger
	opt     ConsumerOptions
	handler Handler
}

// NewConsumer builds a consumer; Run starts it.
func NewConsumer(pool *pgxpool.Pool, js jetstream.JetStream, log *slog.Logger, opt ConsumerOptions, h Handler) *Consumer {
	if opt.MaxDeliver <= 0 {
		opt.MaxDeliver = 8
	}
	if len(opt.BackOff) == 0 {
		opt.BackOff = []time.Duration{time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 30 * time.Second, time.Minute}
	}
	if opt.Batch <= 0 {
		opt.Batch = 64
	}
	if opt.AckWait <= 0 {
		opt.AckWait = 4 * time.Second
	}
	return &Consumer{pool: pool, js: js, log: log.With("consumer", opt.Durable), opt: opt, handler: h}
}

func (c *Consumer) config() jetstream.ConsumerConfig {
	return jetstream.ConsumerConfig{
		Durable:        c.opt.Durable,
		FilterSubjects: c.opt.FilterSubjects,
		AckPolicy:      jetstream.AckExplicitPolicy,
		AckWait:        c.opt.AckWait,
		// The consumer counts deliveries itself (see fail): were the broker to stop at
		// MaxDeliver, a last attempt whose dead-letter publish failed would leave the
		// message neither applied nor dead-lettered, and never delivered again. A message
		// delivered past the limit is handled as usual: applied if it now succeeds (or is
		// recognised by the inbox), dead-lettered if it fails.
		MaxDeliver:    -1,
		MaxAckPending: 4 * c.opt.Batch,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	}
}

// Run consumes until ctx ends. It never gives up on the broker: the consumer is created
// or updated again after any loss, with back-off. The batch in hand when ctx ends is
// applied and acknowledged before Run returns.
func (c *Consumer) Run(ctx context.Context) {
	wait := 100 * time.Millisecond
	prune := time.NewTicker(time.Hour)
	defer prune.Stop()
	for ctx.Err() == nil {
		err := c.consume(ctx, prune.C)
		if ctx.Err() != nil {
			return
		}
		c.log.Warn("consumer interrupted", "err", err.Error(), "retry_in", wait.String())
		if !lifecycle.Wait(ctx, wait) {
			return
		}
		wait = min(2*wait, 5*time.Second)
	}
}

func (c *Consumer) consume(ctx context.Context, prune <-chan time.Time) error {
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	cons, err := c.js.CreateOrUpdateConsumer(cctx, c.opt.Stream, c.config())
	cancel()
	if err != nil {
		return fmt.Errorf("create consumer: %w", err)
	}
	// Messages come through Consume, whose subscription queues what the broker sends
	// however fast it comes (after a pause the broker answers old and new pulls at once,
	// and redelivers what waited past its ack deadline), where a pull iterator's buffer
	// of fixed size would drop the excess as a "slow consumer". The callback hands each
	// message over, up to a batch ahead, and waits while the batch in hand is applied.
	msgs, stopping, gone := make(chan jetstream.Msg, c.opt.Batch), make(chan struct{}), make(chan struct{})
	cc, err := cons.Consume(func(m jetstream.Msg) {
		select {
		case <-stopping:
			_ = m.Nak()
			return
		default:
		}
		select {
		case msgs <- m:
		case <-stopping:
			_ = m.Nak() // not applied: back at once, not after the ack deadline
		}
	}, jetstream.PullMaxMessages(2*c.opt.Batch), jetstream.PullHeartbeat(2*time.Second),
		jetstream.ConsumeErrHandler(func(_ jetstream.ConsumeContext, err error) {
			c.log.Warn("pull interrupted", "err", err.Error())
		}))
	if err != nil {
		return fmt.Errorf("pull messages: %w", err)
	}
	go func() { <-cc.Closed(); close(gone) }()
	defer func() {
		close(stopping)
		cc.Stop()
		for {
			select {
			case m := <-msgs:
				_ = m.Nak()
			default:
				return
			}
		}
	}()
	for {
		var msg jetstream.Msg
		select {
		case <-prune:
			c.pruneInbox(ctx)
			continue
		case <-ctx.Done():
			return ctx.Err()
		case <-gone:
			return errors.New("the consumer stopped (deleted on the broker?)")
		case msg = <-msgs:
		}
		batch := []jetstream.Msg{msg}
	more:
		for len(batch) < c.opt.Batch {
			select {
			case m := <-msgs:
				batch = append(batch, m)
			default:
				break more
			}
		}
		// Finish the batch in hand even while shutting down.
		c.apply(context.WithoutCancel(ctx), batch)
	}
}

// apply tries the whole batch in one transaction; if any event fails it falls back to
// one transaction per event, so one bad event cannot hold up the others.
func (c *Consumer) apply(ctx context.Context, batch []jetstream.Msg) {
	start := time.Now()
	if len(batch) > 1 {
		applied, err := c.applyTx(ctx, batch)
		if err == nil {
			c.ackAll(batch, applied)
			applySeconds.WithLabelValues(c.opt.Durable).Observe(time.Since(start).Seconds())
			return
		}
	}
	for _, m := range batch {
		one := []jetstream.Msg{m}
		applied, err := c.applyTx(ctx, one)
		if err != nil {
			c.fail(ctx, m, err)
			continue
		}
		c.ackAll(one, applied)
	}
	applySeconds.WithLabelValues(c.opt.Durable).Observe(time.Since(start).Seconds())
}

// applyTx applies msgs in one transaction and reports, per message, whether it was new.
// The inbox rows of the whole batch are written by one statement.
func (c *Consumer) applyTx(ctx context.Context, msgs []jetstream.Msg) ([]bool, error) {
	ids := make([]uuid.UUID, len(msgs))
	subjects := make([]string, len(msgs))
	for i, m := range msgs {
		id, err := uuid.Parse(m.Headers().Get(jetstream.MsgIDHeader))
		if err != nil {
			return nil, Poison(fmt.Errorf("message id %q is not a UUID", m.Headers().Get(jetstream.MsgIDHeader)))
		}
		ids[i], subjects[i] = id, m.Subject()
	}
	applied := make([]bool, len(msgs))
	err := pgx.BeginFunc(ctx, c.pool, func(tx pgx.Tx) error {
		fresh, err := recordInbox(ctx, tx, c.opt.Durable, ids, subjects)
		if err != nil {
			return err
		}
		for i, m := range msgs {
			if !fresh[ids[i]] {
				continue
			}
			delete(fresh, ids[i]) // a copy later in the batch is a duplicate
			if err := c.handler(ctx, tx, m); err != nil {
				return err
			}
			applied[i] = true
		}
		return nil
	})
	return applied, err
}

func (c *Consumer) ackAll(msgs []jetstream.Msg, applied []bool) {
	for i, m := range msgs {
		outcome := "applied"
		if !applied[i] {
			outcome = "duplicate"
		}
		consumed.WithLabelValues(c.opt.Durable, outcome).Inc()
		if err := m.Ack(); err != nil {
			// The effect is committed; a redelivery will be recognised by the inbox.
			c.log.Warn("ack failed", "subject", m.Subject(), "err", err.Error())
		}
	}
}

// fail schedules a redelivery with back-off, or dead-letters the message when it is
// poison or has used up its deliveries.
func (c *Consumer) fail(ctx context.Context, m jetstream.Msg, cause error) {
	delivered := uint64(1)
	if meta, err := m.Metadata(); err == nil {
		delivered = meta.NumDelivered
	}
	if database.Unavailable(cause) || IsLater(cause) {
		// The database is down, or the event waits for another: neither is the event's
		// fault, so wait however long it takes, and never dead-letter for it.
		delay := c.opt.BackOff[min(int(delivered)-1, len(c.opt.BackOff)-1)]
		c.log.Warn("event will be retried", "subject", m.Subject(), "retry_in", delay.String(), "err", cause.Error())
		consumed.WithLabelValues(c.opt.Durable, "retried").Inc()
		_ = m.NakWithDelay(delay)
		return
	}
	if !IsPoison(cause) && delivered < uint64(c.opt.MaxDeliver) {
		delay := c.opt.BackOff[min(int(delivered)-1, len(c.opt.BackOff)-1)]
		c.log.Warn("event failed, will retry", "subject", m.Subject(), "attempt", delivered, "retry_in", delay.String(), "err", cause.Error())
		consumed.WithLabelValues(c.opt.Durable, "retried").Inc()
		_ = m.NakWithDelay(delay)
		return
	}
	if err := c.deadLetter(ctx, m, cause); err != nil {
		c.log.Error("dead-letter publish failed, will retry", "subject", m.Subject(), "err", err.Error())
		_ = m.NakWithDelay(c.opt.BackOff[0])
		return
	}
	c.log.Error("event dead-lettered", "subject", m.Subject(), "attempts", delivered, "err", cause.Error())
	consumed.WithLabelValues(c.opt.Durable, "dead_lettered").Inc()
	_ = m.Term()
}

// deadLetter copies m to deadletter.<durable> with the reason in headers.
func (c *Consumer) deadLetter(ctx context.Context, m jetstream.Msg, cause error) error {
	h := nats.Header{}
	for k, v := range m.Headers() {
		h[k] = v
	}
	h.Del(jetstream.MsgIDHeader)
	h.Set("Motcua-Original-Subject", m.Subject())
	h.Set("Motcua-Consumer", c.opt.Durable)
	h.Set("Motcua-Error", cause.Error())
	if meta, err := m.Metadata(); err == nil {
		h.Set("Motcua-Stream", meta.Stream)
		h.Set("Motcua-Stream-Sequence", fmt.Sprint(meta.Sequence.Stream))
		h.Set(jetstream.MsgIDHeader, fmt.Sprintf("%s.%s.%d", c.opt.Durable, meta.Stream, meta.Sequence.Stream))
	}
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, err := c.js.PublishMsg(pctx, &nats.Msg{Subject: DeadLetterPrefix + c.opt.Durable, Data: m.Data(), Header: h})
	return err
}

func (c *Consumer) pruneInbox(ctx context.Context) {
	if _, err := c.pool.Exec(ctx, "DELETE FROM inbox WHERE consumer = $1 AND processed_at < now() - interval '30 days'", c.opt.Durable); err != nil && ctx.Err() == nil {
		c.log.Warn("inbox prune failed", "err", err.Error())
	}
}
