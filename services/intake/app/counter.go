package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/s10"
)

// receiptPathDispatchSlip is where the slip a postal worker and the applicant sign at
// the counter prints, under the dossier's path.
const receiptPathDispatchSlip = "/forms/" + string(dossier.FormDispatchSlip)

// registerAtCounter registers a dossier a postal worker takes on an authority's behalf
// (domain §5, the post office as a door): at the counter of their own post office, or
// at the citizen's door for a pickup asked online. The dossier is submitted, not
// received: the clock starts when the post delivers it at the desk. Its pickup shipment
// is numbered here, so the number is on the slip at once; the postal service opens it,
// accepted under the seal, from the Received event.
func (a *Registrar) registerAtCounter(ctx context.Context, who *auth.Principal, reg dossier.Registration,
	refs references, idem Idempotency) (receipt Receipt, replayed bool, err error) {
	switch {
	case who.Role != auth.RolePostal:
		return receipt, false, dossier.Invalid("post_office", "counter_only")
	case !reg.AtPostOffice():
		return receipt, false, dossier.Invalid("post_office", "required")
	}
	po, err := a.postOffice(ctx, "post_office", reg.PostOffice)
	if err != nil {
		return receipt, false, err
	}
	if !who.InOffice(po.Code) {
		return receipt, false, fmt.Errorf("register at post office %s: %w", po.Code, ErrForbidden)
	}
	if !refs.proc.ReceivedAt(refs.recv) {
		return receipt, false, dossier.Invalid("receiving_office", "not_offered")
	}
	counter := &events.Counter{PostOffice: po, SealNumber: reg.SealNumber, PostageVND: reg.PostageVND,
		TrackingNumber: reg.PickupTrackingNumber, AtDoor: reg.PickupTrackingNumber != ""}
	// A request sent again is answered first: its pickup is taken by then, by itself.
	key := idem.scoped(who)
	if found, err := a.Dossiers.Answered(ctx, key, &receipt, true); found || err != nil {
		return receipt, found, err
	}
	if counter.AtDoor {
		if err := a.atTheDoor(ctx, reg); err != nil {
			return receipt, false, err
		}
	} else {
		if counter.TrackingNumber, err = a.counterPickupNumber(ctx); err != nil {
			return receipt, false, err
		}
	}
	now := a.Now()
	local := now.In(a.Calendar.Calendar().Location())
	replayed, err = a.Dossiers.Register(ctx, refs.recv.Code, local, key, &receipt, func(sequence int) (NewDossier, error) {
		b := a.bear(refs.recv.Code, local, sequence)
		r := a.registered(b, reg, refs, who.Username)
		r.Status, r.SubmittedAt, r.FeePaidVND, r.Counter = dossier.StatusSubmitted, now, reg.FeePaidVND, counter
		r.Actor.OfficeCode = po.Code
		msg, err := events.Received(r, now)
		if err != nil {
			return NewDossier{}, err
		}
		receipt = Receipt{ID: b.id.String(), Code: b.code, LookupPIN: b.pin, Status: string(dossier.StatusSubmitted),
			StatusCode: dossier.StatusSubmitted.NationalCode(), ReceiptURL: "/api/v1/dossiers/" + b.code + receiptPathDispatchSlip,
			Shipment: &ShipmentRef{TrackingNumber: counter.TrackingNumber}}
		d := a.newDossier(b, reg, refs, time.Time{}, time.Time{}, who.Username)
		d.Status, d.SubmittedAt = dossier.StatusSubmitted, now
		d.Counter = Counter{PostOffice: po.Code, SealNumber: reg.SealNumber, PostageVND: reg.PostageVND,
			TrackingNumber: counter.TrackingNumber, AtDoor: counter.AtDoor}
		d.Events = []outbox.Message{msg}
		return d, nil
	})
	if errors.Is(err, ErrPickupTaken) {
		// Another worker named the same pickup meanwhile, and registered first.
		return receipt, false, dossier.Invalid("pickup_tracking_number", "not_a_pickup")
	}
	if err != nil {
		return receipt, false, fmt.Errorf("register dossier at a post office: %w", err)
	}
	if !replayed {
		a.Relay.Notify()
	}
	return receipt, replayed, nil
}

// ErrPickupTaken is a registration naming a pickup another dossier took meanwhile.
var ErrPickupTaken = errors.New("the pickup is taken by another dossier")

// AskedPickup is a pickup at home a citizen asked for online, as the post told of it.
type AskedPickup struct {
	TrackingNumber, ReceivingOffice, PostOffice string
}

// atTheDoor checks the pickup a worker names at the citizen's door: asked online, at
// their post office, for the desk the dossier goes to, and not yet taken.
func (a *Registrar) atTheDoor(ctx context.Context, reg dossier.Registration) error {
	p, ok, taken, err := a.Dossiers.AskedPickup(ctx, reg.PickupTrackingNumber)
	switch {
	case err != nil:
		return err
	case !ok || taken || p.PostOffice != reg.PostOffice || p.ReceivingOffice != reg.ReceivingOffice:
		return dossier.Invalid("pickup_tracking_number", "not_a_pickup")
	}
	return nil
}

// counterPickupNumber numbers the pickup of a dossier a post office takes at its
// counter, in the series intake gives out (s10.ServiceFromCounter).
func (a *Registrar) counterPickupNumber(ctx context.Context) (string, error) {
	serial, err := a.Dossiers.NextPickupSerial(ctx)
	if err != nil {
		return "", err
	}
	n, err := s10.New(s10.ServiceFromCounter, serial)
	if err != nil {
		return "", fmt.Errorf("number the counter pickup: %w", err)
	}
	return n.String(), nil
}
