package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/allinone/benchkit"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/mail"
	"github.com/motcua/motcua/services/platform/mailpit"
)

// noticeResult is figure (f): the notifier's throughput and lag beside the SMTP
// server's own rate, all against one Mailpit in the same run.
type noticeResult struct {
	// Notices: events folded into mails and taken by the SMTP server, from the moment
	// the notifier may start to the last acceptance.
	Notices rate `json:"notices"`
	// SMTPBaseline: the same server taking mails straight from a client with as many
	// connections at once as the notifier's mail queue has workers.
	SMTPBaseline rate    `json:"smtp_baseline"`
	Ratio        float64 `json:"ratio"`
	// Lag: from the event (the registration's commit) to the SMTP server's acceptance,
	// at a steady LagRate registrations per second.
	LagRate int     `json:"lag_rate_per_second"`
	LagP50  float64 `json:"lag_p50_ms"`
	LagP99  float64 `json:"lag_p99_ms"`
}

// queueWorkers is how many mails the notifier's queue sends at once (delivery's
// default).
const queueWorkers = 4

// registerWithEmail registers one dossier whose citizen gave an e-mail address, so that
// its receipt is mailed.
func (b *bench) registerWithEmail(ctx context.Context, i int) error {
	var body map[string]any
	if err := json.Unmarshal(apiclient.Registration(b.offices[i%len(b.offices)], "2.000720", 900000+i), &body); err != nil {
		return err
	}
	body["applicant"].(map[string]any)["email"] = fmt.Sprintf("cong.dan.%d@example.vn", i)
	raw, _ := json.Marshal(body)
	_, status, err := b.client.Register(ctx, b.c.Intake.Addr, b.token, "", raw)
	if err == nil && status != http.StatusCreated {
		err = fmt.Errorf("registration answered %d", status)
	}
	return err
}

// noticeThroughput registers n dossiers with e-mail addresses while the notifier is held
// (the mail queue's table locked), then lets it go and times it to the n-th mail taken.
func (b *bench) noticeThroughput(ctx context.Context, mp *mailpit.Server, n int) (rate, error) {
	tx, err := b.db.Begin(ctx)
	if err != nil {
		return rate{}, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck
	if _, err := tx.Exec(ctx, "LOCK TABLE intake.notice_mail IN EXCLUSIVE MODE"); err != nil {
		return rate{}, err
	}
	before, err := mp.Count(ctx)
	if err != nil {
		return rate{}, err
	}
	if err := benchkit.Parallel(ctx, n, b.s.concurrency, func(ctx context.Context, i int) error { return b.registerWithEmail(ctx, i) }); err != nil {
		return rate{}, err
	}
	start := time.Now()
	if err := tx.Rollback(ctx); err != nil {
		return rate{}, err
	}
	for {
		got, err := mp.Count(ctx)
		if err != nil {
			return rate{}, err
		}
		if got >= before+n {
			return newRate(n, time.Since(start)), nil
		}
		if time.Since(start) > 10*time.Minute {
			return rate{}, fmt.Errorf("%d of %d notices mailed after 10 minutes", got-before, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// smtpBaseline sends n mails straight to the server, queueWorkers at a time.
func smtpBaseline(ctx context.Context, mp *mailpit.Server, n int) (rate, error) {
	client, err := mail.NewSMTP(mp.SMTPURL, "motcua@localhost")
	if err != nil {
		return rate{}, err
	}
	start := time.Now()
	err = benchkit.Parallel(ctx, n, queueWorkers, func(ctx context.Context, i int) error {
		return client.Send(ctx, mail.Message{To: fmt.Sprintf("baseline.%d@example.vn", i),
			Subject: "Hồ sơ 000.00.16.H19-261207-0001 đã được tiếp nhận", Text: "Ngày hẹn trả kết quả: 16:30 15/12/2026.",
			HTML: "<p>Ngày hẹn trả kết quả: <b>16:30 15/12/2026</b>.</p>", ID: fmt.Sprintf("baseline-%d", i)})
	})
	return newRate(n, time.Since(start)), err
}

// noticeLag registers with e-mail addresses at perSecond for d and reads, for each
// notice, the time from its event to the SMTP server's acceptance (the queue records it
// sent right after the server's answer).
func (b *bench) noticeLag(ctx context.Context, perSecond int, d time.Duration) (p50, p99 float64, err error) {
	every := time.Second / time.Duration(perSecond)
	n := int(d / every)
	started := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	tick := time.NewTicker(every)
	defer tick.Stop()
	for i := 0; i < n; i++ {
		<-tick.C
		wg.Go(func() {
			if e := b.registerWithEmail(ctx, 500000+i); e != nil {
				mu.Lock()
				err = e
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if err != nil {
		return 0, 0, err
	}
	var ms []float64
	for wait := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		rows, err := b.db.Query(ctx, `SELECT extract(epoch FROM n.sent_at - (n.payload->'facts'->>'at')::timestamptz) * 1000
			FROM intake.notice_mail n WHERE n.created_at >= $1 AND n.state = 'sent'`, started)
		if err != nil {
			return 0, 0, err
		}
		if ms, err = pgx.CollectRows(rows, pgx.RowTo[float64]); err != nil {
			return 0, 0, err
		}
		if len(ms) >= n {
			break
		}
		if time.Since(wait) > 2*time.Minute {
			return 0, 0, fmt.Errorf("%d of %d notices sent after 2 minutes", len(ms), n)
		}
	}
	sort.Float64s(ms)
	return benchkit.Percentile(ms, 0.50), benchkit.Percentile(ms, 0.99), nil
}

// notices is figure (f).
func (b *bench) notices(ctx context.Context, mp *mailpit.Server) (noticeResult, error) {
	var r noticeResult
	var err error
	step(fmt.Sprintf("(f) %d notices mailed by the notifier", b.s.notices))
	if r.Notices, err = b.noticeThroughput(ctx, mp, b.s.notices); err != nil {
		return r, err
	}
	step(fmt.Sprintf("(f) baseline: %d mails straight to the same SMTP server, %d at once", b.s.notices/4, queueWorkers))
	if r.SMTPBaseline, err = smtpBaseline(ctx, mp, b.s.notices/4); err != nil {
		return r, err
	}
	r.Ratio = r.Notices.PerSec / r.SMTPBaseline.PerSec
	r.LagRate = 20
	step(fmt.Sprintf("(f) event → SMTP acceptance at %d registrations per second", r.LagRate))
	r.LagP50, r.LagP99, err = b.noticeLag(ctx, r.LagRate, 10*time.Second)
	return r, err
}
