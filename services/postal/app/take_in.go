package app

import (
	"context"
	"errors"
	"fmt"
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
	// TrackingNumber is the pickup's number: given by intake at a counter, or the
	// pickup's asked online (AtDoor).
	TrackingNumber string
	AtDoor         bool
	// PostageVND and FeeVND are what the post office collected: the postage and the
	// authority's fee.
	PostageVND, FeeVND int64
}

// DoorWriter is a transaction that opens shipments and takes the pickups asked online.
type DoorWriter interface {
	ShipmentWriter
	PickupTaker
}

// ErrNoSuchPickup is a pickup named at the door that is not waiting to be taken.
var ErrNoSuchPickup = errors.New("no pickup asked online waits under this number")

// TakeIn opens through shipments the pickup that carries a dossier a post office took to
// its desk, with what the post office collected, and records its first step by the
// worker who took it, under the seal: at a counter the item is accepted at the post
// office, under the number intake gave it; at the citizen's door the pickup asked online
// is taken, its shipment opening under that number from the address asked at, picked
// up.
func (a *Shipments) TakeIn(ctx context.Context, shipments DoorWriter, t Taken) error {
	open := Opening{Kind: shipment.KindPickup, DossierID: t.DossierID, From: t.PostOffice, To: t.Desk,
		Origin: t.PostOffice, Source: t.Source, TrackingNumber: t.TrackingNumber, PaidBy: shipment.PaidByCitizen,
		PostageVND: t.PostageVND, FeeCollectedVND: t.FeeVND, By: t.By, At: t.At}
	first := shipment.Accepted
	if t.AtDoor {
		asked, ok, err := shipments.TakePickup(ctx, t.TrackingNumber, t.DossierID, t.At)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("pickup %s: %w", t.TrackingNumber, ErrNoSuchPickup)
		}
		address, err := a.Sealer.Open(pickupAddressField, asked.AddressSealed)
		if err != nil {
			return fmt.Errorf("pickup %s: address: %w", t.TrackingNumber, err)
		}
		open.ID, open.From, open.Origin = asked.ID, "", asked.PostOffice
		open.AddressSealed = a.Sealer.Seal(AddressField(shipment.KindPickup), address)
		first = shipment.PickedUp
	}
	s, created, err := Open(ctx, shipments, open)
	if err != nil || !created {
		return err
	}
	// The step's id is made from the source, so it is the same step whoever records it
	// again.
	id := uuid.NewSHA1(uuid.NameSpaceOID, []byte(string(first)+":"+t.Source))
	step := workerStep{who: &auth.Principal{Username: t.By, Role: auth.RolePostal, Offices: []string{open.Origin}},
		input:   shipment.Input{EventID: id.String(), Type: first, OccurredAt: t.At, SealNumber: t.SealNumber},
		eventID: id, now: a.Now()}
	return shipments.Update(ctx, s.TrackingNumber, func(tx ShipmentTx, s ShipmentRecord) (Change, error) {
		return a.apply(ctx, tx, s, step)
	})
}
