package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/notice"
	"github.com/motcua/motcua/services/platform/delivery"
)

// NoticeTable is the queue table of channel ch.
func NoticeTable(ch notice.Channel) string { return "notice_" + string(ch) }

// NoticeQueueTx queues notices in a consumer's transaction (app.NoticeQueue).
type NoticeQueueTx struct{ tx pgx.Tx }

// NoticesIn is the notice queues within tx.
func NoticesIn(tx pgx.Tx) NoticeQueueTx { return NoticeQueueTx{tx: tx} }

var _ app.NoticeQueue = NoticeQueueTx{}

// Queue adds the notice to ch's queue, once per id.
func (n NoticeQueueTx) Queue(ctx context.Context, ch notice.Channel, id uuid.UUID, q app.QueuedNotice, at time.Time) error {
	payload, err := json.Marshal(q)
	if err != nil {
		return err
	}
	_, err = delivery.Add(ctx, n.tx, NoticeTable(ch), delivery.Item{ID: id, Payload: payload, CreatedAt: q.Facts.At}, at)
	return err
}

var _ app.NoticeStore = (*Store)(nil)

// Recipient reads what a notice needs of the dossier id.
func (s *Store) Recipient(ctx context.Context, id uuid.UUID) (app.Recipient, bool, error) {
	var r app.Recipient
	var lang string
	err := s.pool.QueryRow(ctx, `SELECT code, applicant_email_sealed, applicant_phone_sealed, pin_sealed, lang, procedure_code,
		EXISTS (SELECT 1 FROM notice_optouts o WHERE o.dossier_code = d.code)
		FROM dossiers d WHERE id = $1`, id).
		Scan(&r.Code, &r.EmailSealed, &r.PhoneSealed, &r.PINSealed, &lang, &r.ProcedureCode, &r.OptedOut)
	if errors.Is(err, pgx.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("notice recipient: %w", err)
	}
	r.Lang = vocabulary.Lang(lang)
	return r, true, nil
}

// OptOut records that the dossier's citizen wants no more notices.
func (s *Store) OptOut(ctx context.Context, code string) error {
	_, err := s.pool.Exec(ctx, "INSERT INTO notice_optouts (dossier_code) VALUES ($1) ON CONFLICT DO NOTHING", code)
	if err != nil {
		return fmt.Errorf("opt out: %w", err)
	}
	return nil
}

// noticeChannels are the channels with a queue table each.
var noticeChannels = []notice.Channel{notice.Mail, notice.SMS, notice.ZNS}

// Queued lists the queued notices f picks, newest first, from every channel's table.
func (s *Store) Queued(ctx context.Context, f app.NoticeFilter) ([]app.QueuedView, error) {
	var parts []string
	for _, ch := range noticeChannels {
		if f.Channel == "" || f.Channel == ch {
			parts = append(parts, fmt.Sprintf(`SELECT id, '%s' AS channel, kind, dossier_code, state, tries, last_error,
				created_at, next_at, sent_at FROM %s WHERE ($1 = '' OR state = $1) AND ($2 = '' OR dossier_code = $2)`,
				ch, NoticeTable(ch)))
		}
	}
	rows, err := s.pool.Query(ctx, strings.Join(parts, " UNION ALL ")+" ORDER BY created_at DESC LIMIT $3", f.State, f.Code, f.Limit)
	if err != nil {
		return nil, fmt.Errorf("queued notices: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (app.QueuedView, error) {
		var v app.QueuedView
		var sent *time.Time
		var nextAt pgtype.Timestamptz
		err := row.Scan(&v.ID, &v.Channel, &v.Kind, &v.Code, &v.State, &v.Tries, &v.LastError, &v.CreatedAt, &nextAt, &sent)
		if nextAt.Valid && nextAt.InfinityModifier == pgtype.Finite {
			v.NextAt = nextAt.Time
		}
		if sent != nil {
			v.SentAt = *sent
		}
		return v, err
	})
}

// Again puts the notice id back to be sent now, from whichever channel's table holds it.
func (s *Store) Again(ctx context.Context, id uuid.UUID) error {
	for _, ch := range noticeChannels {
		err := delivery.Again(ctx, s.pool, NoticeTable(ch), id)
		if !errors.Is(err, delivery.ErrNotFound) {
			return err
		}
	}
	return app.ErrNotFound
}
