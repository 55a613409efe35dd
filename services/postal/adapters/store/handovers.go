package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

var _ app.HandoverStore = (*Store)(nil)

// Give keeps a new hand-over record with its items in a transaction of its own, unless
// one was kept from the same source (see app.HandoverStore).
func (s *Store) Give(ctx context.Context, h app.HandoverRecord) (app.HandoverRecord, bool, error) {
	var kept app.HandoverRecord
	var created bool
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO handovers (id, from_office, to_office, given_by, created_at, source, request_hash)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (source) DO NOTHING RETURNING number`,
			h.ID, h.FromOffice, h.ToOffice, h.GivenBy, h.CreatedAt, h.Source, h.RequestHash).Scan(&h.Number)
		if errors.Is(err, pgx.ErrNoRows) {
			// Drawn up before from the same source (or meanwhile, by a request that
			// committed first): answer with that one.
			var ok bool
			kept, ok, err = InTx(tx).handover(ctx, "WHERE h.source = $1", h.Source)
			if err == nil && !ok {
				err = fmt.Errorf("give hand-over: no record from %s", h.Source)
			}
			return err
		}
		if err != nil {
			return fmt.Errorf("give hand-over: %w", err)
		}
		ids := make([]uuid.UUID, len(h.Items))
		for i, it := range h.Items {
			ids[i] = it.ShipmentID
		}
		if _, err := tx.Exec(ctx, `INSERT INTO handover_items (handover_id, position, shipment_id)
			SELECT $1, p, sid FROM unnest($2::uuid[]) WITH ORDINALITY AS u(sid, p)`, h.ID, ids); err != nil {
			return fmt.Errorf("give hand-over items: %w", err)
		}
		kept, created = h, true
		return nil
	})
	return kept, created, err
}

// Handover returns the record with id and its items.
func (r queries) Handover(ctx context.Context, id uuid.UUID) (app.HandoverRecord, bool, error) {
	return r.handover(ctx, "WHERE h.id = $1", id)
}

// HandoverFrom returns the record drawn up from source (see app.HandoverStore).
func (r queries) HandoverFrom(ctx context.Context, source string) (app.HandoverRecord, bool, error) {
	return r.handover(ctx, "WHERE h.source = $1", source)
}

// HandoversOf lists the latest records given or received by offices, newest first,
// without their items.
func (r queries) HandoversOf(ctx context.Context, offices []string, limit int) ([]app.HandoverRecord, error) {
	rows, err := r.db.Query(ctx, selectHandover+`WHERE h.from_office = ANY($1) OR h.to_office = ANY($1)
		ORDER BY h.created_at DESC, h.number DESC LIMIT $2`, offices, limit)
	if err != nil {
		return nil, fmt.Errorf("list hand-overs: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (app.HandoverRecord, error) { return scanHandover(row) })
	if err != nil {
		return nil, fmt.Errorf("list hand-overs: %w", err)
	}
	return out, nil
}

// Waiting counts, by the office they go to, the items postOffice carries in one of
// statuses.
func (r queries) Waiting(ctx context.Context, postOffice string, statuses []shipment.Status) ([]app.WaitingItems, error) {
	codes := make([]string, len(statuses))
	for i, st := range statuses {
		codes[i] = string(st)
	}
	rows, err := r.db.Query(ctx, `SELECT to_office, count(*) FROM shipments
		WHERE (origin_post_office = $1 OR destination_post_office = $1) AND to_office <> '' AND status = ANY($2)
		GROUP BY to_office ORDER BY to_office`, postOffice, codes)
	if err != nil {
		return nil, fmt.Errorf("items waiting: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (w app.WaitingItems, err error) {
		err = row.Scan(&w.Office, &w.Count)
		return w, err
	})
	if err != nil {
		return nil, fmt.Errorf("items waiting: %w", err)
	}
	return out, nil
}

// Confirm confirms a record in a transaction of its own, under its row lock (see
// app.HandoverStore): the steps decide records go in the same transaction.
func (s *Store) Confirm(ctx context.Context, id uuid.UUID, decide func(app.HandoverTx, app.HandoverRecord) (app.HandoverConfirmation, error)) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		t := InTx(tx)
		h, ok, err := t.handover(ctx, "WHERE h.id = $1 FOR UPDATE OF h", id)
		if err != nil {
			return err
		}
		if !ok {
			return app.ErrHandoverNotFound
		}
		c, err := decide(t, h)
		if err != nil || c.By == "" {
			return err
		}
		return t.saveConfirmation(ctx, id, c)
	})
}

// saveConfirmation writes who confirmed the record id, when, their signature, and the
// delivered step of each item.
func (t *Tx) saveConfirmation(ctx context.Context, id uuid.UUID, c app.HandoverConfirmation) error {
	if _, err := t.tx.Exec(ctx, `UPDATE handovers SET confirmed_by = $2, confirmed_at = $3, signature_sealed = $4
		WHERE id = $1`, id, c.By, c.At, c.SignatureSealed); err != nil {
		return fmt.Errorf("confirm hand-over: %w", err)
	}
	shipments := make([]uuid.UUID, 0, len(c.Events))
	events := make([]uuid.UUID, 0, len(c.Events))
	for s, e := range c.Events {
		shipments, events = append(shipments, s), append(events, e)
	}
	if _, err := t.tx.Exec(ctx, `UPDATE handover_items i SET event_id = u.eid
		FROM unnest($2::uuid[], $3::uuid[]) AS u(sid, eid) WHERE i.handover_id = $1 AND i.shipment_id = u.sid`,
		id, shipments, events); err != nil {
		return fmt.Errorf("confirm hand-over items: %w", err)
	}
	return nil
}

// selectHandover reads records with how many items each has; a WHERE clause follows.
const selectHandover = `SELECT h.id, h.number, h.from_office, h.to_office, h.given_by, h.created_at,
	coalesce(h.confirmed_by, ''), h.confirmed_at, h.signature_sealed, coalesce(h.source, ''), h.request_hash,
	(SELECT count(*) FROM handover_items i WHERE i.handover_id = h.id)
	FROM handovers h `

func scanHandover(row pgx.Row) (h app.HandoverRecord, err error) {
	err = row.Scan(&h.ID, &h.Number, &h.FromOffice, &h.ToOffice, &h.GivenBy, &h.CreatedAt, &h.ConfirmedBy,
		&h.ConfirmedAt, &h.SignatureSealed, &h.Source, &h.RequestHash, &h.ItemCount)
	return h, err
}

// handover reads the record a WHERE clause picks, with its items in the order listed;
// ok is false when there is none.
func (r queries) handover(ctx context.Context, where string, arg any) (app.HandoverRecord, bool, error) {
	h, err := scanHandover(r.db.QueryRow(ctx, selectHandover+where, arg))
	if errors.Is(err, pgx.ErrNoRows) {
		return h, false, nil
	}
	if err != nil {
		return h, false, fmt.Errorf("read hand-over: %w", err)
	}
	rows, err := r.db.Query(ctx, `SELECT s.id, s.tracking_number, d.code, s.kind, s.seal_number, s.status,
		coalesce(i.event_id, '00000000-0000-0000-0000-000000000000')
		FROM handover_items i JOIN shipments s ON s.id = i.shipment_id JOIN dossiers d ON d.id = s.dossier_id
		WHERE i.handover_id = $1 ORDER BY i.position`, h.ID)
	if err != nil {
		return h, false, fmt.Errorf("read hand-over items: %w", err)
	}
	h.Items, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (it app.HandoverItem, err error) {
		err = row.Scan(&it.ShipmentID, &it.TrackingNumber, &it.DossierCode, &it.Kind, &it.SealNumber, &it.Status, &it.EventID)
		return it, err
	})
	if err != nil {
		return h, false, fmt.Errorf("read hand-over items: %w", err)
	}
	return h, true, nil
}
