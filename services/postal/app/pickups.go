package app

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/officekind"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/postal/domain/pickup"
	"github.com/motcua/motcua/services/postal/domain/shipment"
	"github.com/motcua/motcua/services/postal/events"
	"github.com/motcua/motcua/services/worktime"
)

// PickupRequest is a pickup at home a citizen asked for, as the post keeps it: until a
// worker takes the dossier at the door, it is a duty on its post office's run sheet for
// the day asked, not yet a shipment.
type PickupRequest struct {
	ID                             uuid.UUID
	TrackingNumber                 string
	ProcedureCode, ReceivingOffice string
	PostOffice                     string
	Day                            worktime.Date
	Slot                           pickup.Slot
	AddressSealed, ContactSealed   []byte
	ContactIndex                   []byte
	IdempotencyKey                 string
	RequestHash                    []byte
	AskedAt                        time.Time
}

// PickupStore keeps the pickups citizens ask for.
type PickupStore interface {
	// AskPickup keeps r with its message unless its contact asked with the same key
	// before: then it returns that request, with asked false.
	AskPickup(ctx context.Context, r PickupRequest, msg outbox.Message) (kept PickupRequest, asked bool, err error)
	// NextSerial takes the next serial number for an S10 tracking number.
	NextSerial(ctx context.Context) (int, error)
	// AskedPickups lists the pickups asked at postOffice for day and not yet taken.
	AskedPickups(ctx context.Context, postOffice string, day worktime.Date) ([]PickupRequest, error)
}

// PickupTaker takes, in a transaction, the pickup a worker names at the door.
type PickupTaker interface {
	// TakePickup marks the pickup with trackingNumber taken by dossier at at and
	// returns it; ok is false when there is no such pickup waiting.
	TakePickup(ctx context.Context, trackingNumber string, dossier uuid.UUID, at time.Time) (r PickupRequest, ok bool, err error)
}

// Pickup fields sealed under the data key.
const (
	pickupAddressField = "pickup_request.address"
	pickupContactField = "pickup_request.contact"
)

// AskedPickup is the answer to a pickup asked for.
type AskedPickup struct {
	TrackingNumber string `json:"tracking_number"`
	PostOffice     string `json:"post_office"`
	Date           string `json:"date"`
	Slot           string `json:"slot"`
}

// AskPickup keeps the pickup at home citizen asks for: it goes on the run sheet of the
// post office that serves the desk, for the day asked, with a number of its own. The
// same request sent again with the same key returns the first answer (replayed).
func (a *Shipments) AskPickup(ctx context.Context, citizen *auth.Citizen, in pickup.Ask, idem IdempotencyKey) (AskedPickup, bool, error) {
	in.Normalize()
	now := a.Now()
	day, fe := in.Validate(worktime.DateOf(now.In(a.Calendar.Calendar().Location())))
	if fe != nil {
		return AskedPickup{}, false, fe
	}
	desk, ok, err := a.Store.Office(ctx, in.ReceivingOffice)
	switch {
	case err != nil:
		return AskedPickup{}, false, err
	case !ok:
		return AskedPickup{}, false, shipment.Invalid("receiving_office", "unknown_office")
	case !officekind.ReceivesDossiers(desk.Kind):
		return AskedPickup{}, false, shipment.Invalid("receiving_office", "not_a_desk")
	case desk.PostOffice == "":
		return AskedPickup{}, false, shipment.Invalid("receiving_office", "not_served")
	}
	serial, err := a.Pickups.NextSerial(ctx)
	if err != nil {
		return AskedPickup{}, false, err
	}
	number, err := s10.New(s10.ServiceToAuthority, serial)
	if err != nil {
		return AskedPickup{}, false, fmt.Errorf("number the pickup: %w", err)
	}
	r := PickupRequest{ID: uuid.New(), TrackingNumber: number.String(), ProcedureCode: in.ProcedureCode,
		ReceivingOffice: desk.Code, PostOffice: desk.PostOffice, Day: day, Slot: in.Slot,
		AddressSealed:  a.Sealer.Seal(pickupAddressField, in.Address),
		ContactSealed:  a.Sealer.Seal(pickupContactField, citizen.Subject),
		ContactIndex:   a.Sealer.Index(pickupContactField, citizen.Subject),
		IdempotencyKey: idem.Key, RequestHash: idem.RequestHash, AskedAt: now}
	msg, err := events.PickupAsked(r.ID, events.Asked{TrackingNumber: r.TrackingNumber, ReceivingOffice: r.ReceivingOffice,
		PostOffice: r.PostOffice, Day: day.String(), Slot: string(r.Slot), ProcedureCode: r.ProcedureCode}, now)
	if err != nil {
		return AskedPickup{}, false, err
	}
	kept, asked, err := a.Pickups.AskPickup(ctx, r, msg)
	if err != nil {
		return AskedPickup{}, false, err
	}
	if !asked && idem.RequestHash != nil && string(kept.RequestHash) != string(idem.RequestHash) {
		return AskedPickup{}, false, shipment.Invalid("Idempotency-Key", "idempotency_key_reused")
	}
	if asked {
		a.Relay.Notify()
	}
	return AskedPickup{TrackingNumber: kept.TrackingNumber, PostOffice: kept.PostOffice, Date: kept.Day.String(),
		Slot: string(kept.Slot)}, !asked, nil
}

// askedViews are the pickups asked at a post office for a day, as its run sheet lists
// them beside the shipments to pick up: a pickup not yet taken, at the address. It adds
// to read the pickups whose address it opened, by the id their shipment will have.
func (a *Shipments) askedViews(ctx context.Context, postOffice string, day worktime.Date, read *[]uuid.UUID) ([]View, error) {
	asked, err := a.Pickups.AskedPickups(ctx, postOffice, day)
	if err != nil {
		return nil, err
	}
	out := make([]View, 0, len(asked))
	for _, r := range asked {
		v := View{TrackingNumber: r.TrackingNumber, Kind: string(shipment.KindPickup), Status: string(shipment.Created),
			StatusLabel: shipment.Created.Words().VI, To: officeRef(ctx, a.Store, r.ReceivingOffice),
			OriginPostOffice: *officeRef(ctx, a.Store, r.PostOffice), CreatedAt: r.AskedAt, UpdatedAt: r.AskedAt,
			PickupDate: r.Day.String(), PickupSlot: string(r.Slot), ProcedureCode: r.ProcedureCode}
		if v.Address, err = a.Sealer.Open(pickupAddressField, r.AddressSealed); err != nil {
			v.AddressUnreadable = true
		} else {
			*read = append(*read, r.ID)
		}
		out = append(out, v)
	}
	return out, nil
}
