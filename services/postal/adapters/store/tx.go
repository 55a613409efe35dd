package store

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/postal/app"
)

// Tx is postal's data inside a transaction someone else began and commits: a
// consumer's, which records the event it applies beside its inbox row. Store runs its
// own transactions through it too.
type Tx struct {
	queries
	tx pgx.Tx
}

var (
	_ app.ShipmentWriter = (*Tx)(nil)
	_ app.ShipmentTx     = (*Tx)(nil)
)

// InTx binds postal's data to tx.
func InTx(tx pgx.Tx) *Tx { return &Tx{queries: queries{db: tx}, tx: tx} }

// Create opens a shipment in the transaction (see app.ShipmentWriter).
func (t *Tx) Create(ctx context.Context, source string, build func(app.ShipmentTx) (app.NewShipment, error)) (app.ShipmentRecord, bool, error) {
	if prior, ok, err := t.shipmentBySource(ctx, source); err != nil || ok {
		return prior, false, err
	}
	n, err := build(t)
	if err != nil {
		return app.ShipmentRecord{}, false, err
	}
	created, err := t.insertShipment(ctx, n)
	if err != nil || created {
		return n.Shipment, created, err
	}
	// Another transaction opened it from the same source meanwhile: answer with theirs.
	prior, _, err := t.shipmentBySource(ctx, source)
	return prior, false, err
}

// Update changes a shipment in the transaction, under its row lock (see
// app.ShipmentWriter).
func (t *Tx) Update(ctx context.Context, trackingNumber string, decide func(app.ShipmentTx, app.ShipmentRecord) (app.Change, error)) error {
	s, ok, err := t.lockShipment(ctx, trackingNumber)
	if err != nil {
		return err
	}
	if !ok {
		return app.ErrNotFound
	}
	change, err := decide(t, s)
	if err != nil {
		return err
	}
	return t.save(ctx, change)
}

// save writes what a step changed: the shipment's state, its events (the first with the
// answer to give again), their messages, and the shipments it opens.
func (t *Tx) save(ctx context.Context, c app.Change) error {
	if len(c.Events) == 0 {
		return nil
	}
	if err := t.updateShipment(ctx, c.Shipment); err != nil {
		return err
	}
	answer, err := encodeAnswer(c.Answer)
	if err != nil {
		return err
	}
	for i, e := range c.Events {
		var remembered []byte
		if i == 0 {
			remembered = answer
		}
		if err := t.insertEvent(ctx, e, remembered); err != nil {
			return err
		}
	}
	if err := outbox.Add(ctx, t.tx, c.Messages...); err != nil {
		return err
	}
	for _, n := range c.Opens {
		if _, err := t.insertShipment(ctx, n); err != nil {
			return err
		}
	}
	return nil
}

// insertShipment keeps a new shipment, its first event and its message, unless one was
// already opened from the same source; created says whether this call kept it.
func (t *Tx) insertShipment(ctx context.Context, n app.NewShipment) (created bool, err error) {
	if created, err = t.insertShipmentRow(ctx, n.Shipment); err != nil || !created {
		return created, err
	}
	if err := t.insertEvent(ctx, n.Event, nil); err != nil {
		return false, err
	}
	return true, outbox.Add(ctx, t.tx, n.Message)
}
