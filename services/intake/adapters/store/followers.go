package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/delivery"
)

// FollowersTx is what the followers of the events (the webhooks, the national sync)
// read and write in the transaction of the consumer that read the event, so that what
// an event owes commits with the inbox row that marks it consumed.
type FollowersTx struct{ tx pgx.Tx }

var (
	_ app.WebhooksTx = FollowersTx{}
	_ app.NationalTx = FollowersTx{}
)

// FollowersIn returns the followers' tables as tx sees and changes them.
func FollowersIn(tx pgx.Tx) FollowersTx { return FollowersTx{tx: tx} }

// TellStatus records that follower tells status of dossier id at version, and reports
// whether it is news. The row of the dossier is locked until the transaction ends, so
// two replicas consuming two events of one dossier at once take turns.
func (f FollowersTx) TellStatus(ctx context.Context, follower string, id uuid.UUID, version int64, status string) (bool, error) {
	var told int64
	var last string
	err := f.tx.QueryRow(ctx, "SELECT version, status FROM statuses_told WHERE follower = $1 AND dossier_id = $2 FOR UPDATE",
		follower, id).Scan(&told, &last)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		// Two first events of a dossier at once meet on the key: the loser's consumer
		// tries its event again, and finds the row.
		if _, err := f.tx.Exec(ctx, "INSERT INTO statuses_told (follower, dossier_id, version, status) VALUES ($1, $2, $3, $4)",
			follower, id, version, status); err != nil {
			return false, fmt.Errorf("tell status: %w", err)
		}
		return true, nil
	case err != nil:
		return false, fmt.Errorf("tell status: %w", err)
	case version <= told:
		return false, nil
	}
	if _, err := f.tx.Exec(ctx, "UPDATE statuses_told SET version = $3, status = $4 WHERE follower = $1 AND dossier_id = $2",
		follower, id, version, status); err != nil {
		return false, fmt.Errorf("tell status: %w", err)
	}
	return status != last, nil
}

// DossierFacts returns the code, procedure, receiving office, channel and receipt of
// dossier id.
func (f FollowersTx) DossierFacts(ctx context.Context, id uuid.UUID) (app.DossierFacts, bool, error) {
	var d app.DossierFacts
	err := f.tx.QueryRow(ctx, "SELECT code, procedure_code, receiving_office, channel, received_at FROM dossiers WHERE id = $1", id).
		Scan(&d.Code, &d.Procedure, &d.ReceivingOffice, &d.Channel, &d.ReceivedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, false, nil
	}
	if err != nil {
		return d, false, fmt.Errorf("read dossier facts: %w", err)
	}
	return d, true, nil
}

// ActiveWebhooks returns the endpoints not disabled.
func (f FollowersTx) ActiveWebhooks(ctx context.Context) ([]app.Webhook, error) {
	rows, err := f.tx.Query(ctx, "SELECT "+webhookColumns+" FROM webhooks WHERE disabled_at IS NULL AND deleted_at IS NULL ORDER BY created_at, id")
	if err != nil {
		return nil, fmt.Errorf("list active webhooks: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (app.Webhook, error) { return scanWebhook(r) })
	if err != nil {
		return nil, fmt.Errorf("list active webhooks: %w", err)
	}
	return list, nil
}

// AddWebhookCall owes c to its endpoint.
func (f FollowersTx) AddWebhookCall(ctx context.Context, c app.WebhookCall) (bool, error) {
	return addWebhookCall(ctx, f.tx, c)
}

// AddNationalRecord owes r to the portal, in order behind the dossier's earlier
// records (its code is the queue's order key).
func (f FollowersTx) AddNationalRecord(ctx context.Context, r app.NationalRecord) (bool, error) {
	body, err := json.Marshal(r)
	if err != nil {
		return false, fmt.Errorf("national record: %w", err)
	}
	return delivery.Add(ctx, f.tx, NationalSyncRecords, delivery.Item{ID: r.ID, OrderKey: r.DossierCode, Payload: body,
		CreatedAt: r.ChangedAt, Columns: map[string]any{"dossier_code": r.DossierCode, "status": r.Status, "status_code": r.StatusCode}},
		time.Time{})
}
