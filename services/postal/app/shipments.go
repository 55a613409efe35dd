package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/worktime"
)

// Notifier is told after a commit that added outbox rows (the relay), so the messages
// leave at once rather than at its next poll.
type Notifier interface{ Notify() }

// Shipments is the post's work on shipments: opening them at a desk's request, showing
// them, recording their steps, and the run sheets.
type Shipments struct {
	Store ShipmentStore
	// Pickups keeps the pickups at home citizens ask for.
	Pickups PickupStore
	// Sealer seals and opens the citizens' addresses and the proofs of delivery.
	Sealer *sealing.Sealer
	// Calendar is the calendar in force, for the failed-delivery rule and the days of
	// the run sheets.
	Calendar *worktime.Live
	Relay    Notifier
	// Now is the service's clock; the tests fix it.
	Now func() time.Time
}

// Get returns the shipment with trackingNumber and its steps, for who.
func (a *Shipments) Get(ctx context.Context, who *auth.Principal, trackingNumber string) (View, error) {
	s, ok, err := a.Store.Shipment(ctx, trackingNumber)
	if err != nil {
		return View{}, err
	}
	if !ok {
		return View{}, ErrNotFound
	}
	d, _, err := a.Store.DossierByCode(ctx, s.DossierCode)
	if err != nil {
		return View{}, err
	}
	if !maySee(who, s, d) {
		return View{}, ErrNotFound
	}
	v, err := a.view(ctx, a.Store, s, true)
	if err != nil {
		return View{}, err
	}
	if err := a.withEvents(ctx, &v, s); err != nil {
		return View{}, err
	}
	return v, a.Store.RecordReads(ctx, []uuid.UUID{s.ID}, who.Username, "view")
}

// OfDossier returns the shipments of the dossier with code that who may see, oldest
// first. One who may see none of a dossier not theirs is told it does not exist.
func (a *Shipments) OfDossier(ctx context.Context, who *auth.Principal, code string) ([]View, error) {
	d, ok, err := a.Store.DossierByCode(ctx, code)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	list, err := a.Store.ShipmentsOfDossier(ctx, code)
	if err != nil {
		return nil, err
	}
	out := []View{}
	var read []uuid.UUID
	for _, s := range list {
		if !maySee(who, s, d) {
			continue
		}
		v, err := a.view(ctx, a.Store, s, true)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		read = append(read, s.ID)
	}
	if len(out) == 0 && !d.Involves(who) {
		return nil, ErrNotFound
	}
	return out, a.Store.RecordReads(ctx, read, who.Username, "list")
}
