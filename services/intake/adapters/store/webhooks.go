package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/delivery"
	"github.com/motcua/motcua/services/platform/sealing"
)

// WebhookDeliveries is the queue of the calls owed to endpoints; NationalSyncRecords
// the queue of the records owed to the national portal.
const (
	WebhookDeliveries   = "webhook_deliveries"
	NationalSyncRecords = "national_sync"
)

// The fields the endpoints' secrets are sealed for.
const (
	secretField         = "webhook.secret"
	previousSecretField = "webhook.previous_secret"
)

// Webhooks keeps the endpoints and the calls owed to them; their secrets rest sealed
// under the data key, as personal data does: one read from a copy of the database
// would let anyone sign calls a receiver trusts.
type Webhooks struct {
	pool   *pgxpool.Pool
	sealer *sealing.Sealer
}

var _ app.WebhookStore = (*Webhooks)(nil)

// NewWebhooks keeps endpoints in the pool's schema, their secrets sealed by sealer.
func NewWebhooks(pool *pgxpool.Pool, sealer *sealing.Sealer) *Webhooks {
	return &Webhooks{pool: pool, sealer: sealer}
}

// CreateWebhook adds w with its first secret.
func (s *Webhooks) CreateWebhook(ctx context.Context, w app.Webhook, secret string) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO webhooks (id, url, events, secret_sealed, created_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6)`, w.ID, w.URL, w.Events, s.sealer.Seal(secretField, secret), w.CreatedAt, w.CreatedBy)
	if err != nil {
		return fmt.Errorf("create webhook: %w", err)
	}
	return nil
}

// webhookColumns are an endpoint's columns but its secrets: the previous secret's end
// only while it still signs.
const webhookColumns = `id, url, events, created_at, created_by, failing_since, disabled_at,
	CASE WHEN previous_expires_at > now() THEN previous_expires_at END`

func scanWebhook(row pgx.Row) (app.Webhook, error) {
	var w app.Webhook
	err := row.Scan(&w.ID, &w.URL, &w.Events, &w.CreatedAt, &w.CreatedBy, &w.FailingSince, &w.DisabledAt, &w.PreviousUntil)
	return w, err
}

// Webhooks returns every endpoint, oldest first.
func (s *Webhooks) Webhooks(ctx context.Context) ([]app.Webhook, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+webhookColumns+" FROM webhooks WHERE deleted_at IS NULL ORDER BY created_at, id")
	if err != nil {
		return nil, fmt.Errorf("list webhooks: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (app.Webhook, error) { return scanWebhook(r) })
	if err != nil {
		return nil, fmt.Errorf("list webhooks: %w", err)
	}
	return list, nil
}

// Webhook returns the endpoint id.
func (s *Webhooks) Webhook(ctx context.Context, id uuid.UUID) (app.Webhook, bool, error) {
	w, err := scanWebhook(s.pool.QueryRow(ctx, "SELECT "+webhookColumns+" FROM webhooks WHERE id = $1 AND deleted_at IS NULL", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return app.Webhook{}, false, nil
	}
	if err != nil {
		return app.Webhook{}, false, fmt.Errorf("read webhook: %w", err)
	}
	return w, true, nil
}

// DeleteWebhook removes the endpoint id: it is marked so, its pending calls dying at
// their next try (see the table's deleted_at).
func (s *Webhooks) DeleteWebhook(ctx context.Context, id uuid.UUID) (bool, error) {
	tag, err := s.pool.Exec(ctx, "UPDATE webhooks SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL", id)
	if err != nil {
		return false, fmt.Errorf("delete webhook: %w", err)
	}
	return tag.RowsAffected() > 0, nil
}

// RotateSecret makes secret the current one of the endpoint id, the current one its
// previous until previousUntil.
func (s *Webhooks) RotateSecret(ctx context.Context, id uuid.UUID, secret string, previousUntil time.Time) (bool, error) {
	var current []byte
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, "SELECT secret_sealed FROM webhooks WHERE id = $1 AND deleted_at IS NULL FOR NO KEY UPDATE", id).Scan(&current); err != nil {
			return err
		}
		// The previous secret is sealed for its own field: a value moved between the
		// columns by hand would not open.
		plain, err := s.sealer.Open(secretField, current)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE webhooks SET secret_sealed = $2, previous_secret_sealed = $3, previous_expires_at = $4
			WHERE id = $1`, id, s.sealer.Seal(secretField, secret), s.sealer.Seal(previousSecretField, plain), previousUntil)
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("rotate webhook secret: %w", err)
	}
	return true, nil
}

// WebhookDeliveries returns the newest limit calls owed to the endpoint id.
func (s *Webhooks) WebhookDeliveries(ctx context.Context, id uuid.UUID, limit int) ([]app.WebhookDelivery, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, event_type, state, tries, last_status, last_error, created_at, attempted_at,
			sent_at, CASE WHEN state = 'pending' THEN greatest(next_at, created_at) END
		FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY seq DESC LIMIT $2`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("list webhook deliveries: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (app.WebhookDelivery, error) {
		var d app.WebhookDelivery
		err := r.Scan(&d.ID, &d.Type, &d.State, &d.Tries, &d.LastStatus, &d.LastError, &d.CreatedAt, &d.AttemptedAt, &d.SentAt, &d.NextAt)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("list webhook deliveries: %w", err)
	}
	return list, nil
}

// ResendWebhookDelivery puts the call delivery of the endpoint webhook back to be sent
// now.
func (s *Webhooks) ResendWebhookDelivery(ctx context.Context, webhook, id uuid.UUID) error {
	var mine bool
	if err := s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = $1 AND webhook_id = $2)",
		id, webhook).Scan(&mine); err != nil {
		return fmt.Errorf("resend webhook delivery: %w", err)
	}
	if !mine {
		return app.ErrNoDelivery
	}
	err := delivery.Again(ctx, s.pool, WebhookDeliveries, id)
	if errors.Is(err, delivery.ErrNotFound) {
		return app.ErrNoDelivery // deleted with its endpoint meanwhile
	}
	return err
}

// AddWebhookCall owes c to its endpoint, in a transaction of its own.
func (s *Webhooks) AddWebhookCall(ctx context.Context, c app.WebhookCall) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		_, err := addWebhookCall(ctx, tx, c)
		return err
	})
}

// addWebhookCall queues c in tx, due at once.
func addWebhookCall(ctx context.Context, tx pgx.Tx, c app.WebhookCall) (bool, error) {
	var event any
	if c.EventID != uuid.Nil {
		event = c.EventID
	}
	return delivery.Add(ctx, tx, WebhookDeliveries, delivery.Item{ID: c.ID, Payload: c.Body, CreatedAt: c.At,
		Columns: map[string]any{"webhook_id": c.WebhookID, "event_type": c.Type, "event_id": event}}, time.Time{})
}

// Endpoint returns where the call id goes and the secrets that sign it at t, the
// current one first; ok is false when the call, or its endpoint, is gone.
func (s *Webhooks) Endpoint(ctx context.Context, id uuid.UUID, t time.Time) (app.WebhookEndpoint, bool, error) {
	var e app.WebhookEndpoint
	var current, previous []byte
	var until *time.Time
	err := s.pool.QueryRow(ctx, `SELECT w.id, w.url, w.disabled_at IS NOT NULL, w.secret_sealed, w.previous_secret_sealed,
			w.previous_expires_at
		FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1 AND w.deleted_at IS NULL`, id).
		Scan(&e.WebhookID, &e.URL, &e.Disabled, &current, &previous, &until)
	if errors.Is(err, pgx.ErrNoRows) {
		return e, false, nil
	}
	if err != nil {
		return e, false, fmt.Errorf("read webhook endpoint: %w", err)
	}
	secret, err := s.sealer.Open(secretField, current)
	if err != nil {
		return e, false, fmt.Errorf("open webhook secret: %w", err)
	}
	e.Secrets = []string{secret}
	if previous != nil && until != nil && t.Before(*until) {
		old, err := s.sealer.Open(previousSecretField, previous)
		if err != nil {
			return e, false, fmt.Errorf("open webhook secret: %w", err)
		}
		e.Secrets = append(e.Secrets, old)
	}
	return e, true, nil
}

// RecordTry keeps, in the transaction of the try's outcome, the receiver's answer to
// the call id (status, 0 for none) and when it was tried, and how its endpoint stands:
// failing since its first failure in a row, or no longer once a try succeeded.
func RecordTry(ctx context.Context, tx pgx.Tx, id uuid.UUID, status int, at time.Time, ok bool) error {
	var answer any
	if status != 0 {
		answer = status
	}
	b := &pgx.Batch{}
	b.Queue("UPDATE webhook_deliveries SET last_status = $2, attempted_at = $3 WHERE id = $1", id, answer, at)
	if ok {
		b.Queue(`UPDATE webhooks SET failing_since = NULL
			WHERE id = (SELECT webhook_id FROM webhook_deliveries WHERE id = $1) AND failing_since IS NOT NULL`, id)
	} else {
		b.Queue(`UPDATE webhooks SET failing_since = $2
			WHERE id = (SELECT webhook_id FROM webhook_deliveries WHERE id = $1) AND failing_since IS NULL`, id, at)
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("record webhook try: %w", err)
	}
	return nil
}

// DisableFailing disables the endpoint of the call id when every try to it has failed
// since before cutoff, and reports whether it did.
func (s *Webhooks) DisableFailing(ctx context.Context, id uuid.UUID, now, cutoff time.Time) (bool, error) {
	tag, err := s.pool.Exec(ctx, `UPDATE webhooks SET disabled_at = $2
		WHERE id = (SELECT webhook_id FROM webhook_deliveries WHERE id = $1)
		  AND disabled_at IS NULL AND failing_since <= $3`, id, now, cutoff)
	if err != nil {
		return false, fmt.Errorf("disable failing webhook: %w", err)
	}
	return tag.RowsAffected() > 0, nil
}
