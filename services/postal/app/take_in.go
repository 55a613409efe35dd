package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// Taken is a dossier a post office took on an authority's behalf, at its counter or at
// the citizen's door, as intake's Received event tells it (domain §5, the post office as
// a door).
type Taken struct {
	DossierID uuid.UUID
	// Source names the event that tells it; taking it in twice from one source does
	// nothing the second time.
	Source string
	// PostOffice took it for Desk; the worker By sealed it under SealNumber at At.
	PostOffice, Desk string
	By               string
	At               time.Time
	SealNumber       string
	// TrackingNumber is the pickup's number, which intake gave it.
	TrackingNumber string
	// PostageVND and FeeVND are what the post office collected: the postage and the
	// authority's fee.
	PostageVND, FeeVND int64
}

// TakeIn opens through shipments the pickup that carries a dossier a post office took to
// its desk, under the number intake gave it, and records it accepted at once under its
// seal by the worker who took it: the item is at the post office, sealed in front of
// the applicant.
func (a *Shipments) TakeIn(ctx context.Context, shipments ShipmentWriter, t Taken) error {
	s, created, err := Open(ctx, shipments, Opening{Kind: shipment.KindPickup, DossierID: t.DossierID,
		From: t.PostOffice, To: t.Desk, Origin: t.PostOffice, Source: t.Source, TrackingNumber: t.TrackingNumber,
		PaidBy: shipment.PaidByCitizen, PostageVND: t.PostageVND, FeeCollectedVND: t.FeeVND, By: t.By, At: t.At})
	if err != nil || !created {
		return err
	}
	// The acceptance's id is made from the source, so the step is the same step
	// whoever records it again.
	id := uuid.NewSHA1(uuid.NameSpaceOID, []byte("accepted:"+t.Source))
	step := workerStep{who: &auth.Principal{Username: t.By, Role: auth.RolePostal, Offices: []string{t.PostOffice}},
		input:   shipment.Input{EventID: id.String(), Type: shipment.Accepted, OccurredAt: t.At, SealNumber: t.SealNumber},
		eventID: id, now: a.Now()}
	return shipments.Update(ctx, s.TrackingNumber, func(tx ShipmentTx, s ShipmentRecord) (Change, error) {
		return a.apply(ctx, tx, s, step)
	})
}
