package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/postal/domain/handover"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// ConfirmInput is the receiving side's confirmation of a record: the signature of the
// member of staff who received the items (a PNG; base64 in JSON).
type ConfirmInput struct {
	SignaturePNG []byte `json:"signature_png"`
}

// NotReceiverError is a confirmation by a member of staff of the record's giving side,
// or of a role that does not receive papers (a 403): Office names the office whose
// staff may confirm it.
type NotReceiverError struct{ Office string }

// Error says so in English.
func (e *NotReceiverError) Error() string { return e.Words().EN }

// Words say who may confirm the record.
func (e *NotReceiverError) Words() vocabulary.Words {
	return vocabulary.Problem("", "handover_not_receiver", e.Office)
}

// ItemGoneError is a record one of whose items can no longer be delivered (a 409): it
// was delivered, or moved on, by another record or a worker's step since the record was
// drawn up.
type ItemGoneError struct {
	TrackingNumber string
	Status         shipment.Status
}

// Error says so in English.
func (e *ItemGoneError) Error() string { return e.Words().EN }

// Words name the item and where it stands.
func (e *ItemGoneError) Words() vocabulary.Words {
	return vocabulary.Problem("", "handover_item_gone", e.TrackingNumber, e.Status.Words())
}

// receiverSignatureField is the sealed field of a receiving officer's signature on a record.
const receiverSignatureField = "handover_signature"

// Confirm records the receiving side's confirmation of the record id by who, a member
// of staff of the office that receives the items, with their signature: in one
// transaction every item gets a delivered step, as a postal worker's delivered step is
// recorded (its event published, so intake moves each dossier on), whose proof is the
// record. A record confirmed already is answered as it stands (replayed true) and
// changes nothing. Anyone who is not of either side is told it does not exist.
func (a *Handovers) Confirm(ctx context.Context, who *auth.Principal, id uuid.UUID, in ConfirmInput) (HandoverView, bool, error) {
	var replayed bool
	err := a.Store.Confirm(ctx, id, func(tx HandoverTx, h HandoverRecord) (HandoverConfirmation, error) {
		switch {
		case !mayRead(who, h):
			return HandoverConfirmation{}, ErrHandoverNotFound
		case !mayReceive(who, h):
			return HandoverConfirmation{}, &NotReceiverError{Office: officeRef(ctx, tx, h.ToOffice).Name}
		case h.ConfirmedAt != nil:
			replayed = true
			return HandoverConfirmation{}, nil
		}
		if fe := handover.CheckSignature(in.SignaturePNG); fe != nil {
			return HandoverConfirmation{}, fe
		}
		return a.deliverAll(ctx, tx, who, h, in.SignaturePNG)
	})
	if err != nil {
		return HandoverView{}, false, err
	}
	if !replayed {
		a.Shipments.Relay.Notify()
	}
	v, err := a.Get(ctx, who, id)
	return v, replayed, err
}

// deliverAll records a delivered step of every item of h, confirmed by who, and returns
// the confirmation to save. The items are locked in the order of their numbers, so two
// records sharing an item never wait on each other in a circle.
func (a *Handovers) deliverAll(ctx context.Context, tx HandoverTx, who *auth.Principal, h HandoverRecord, signature []byte) (HandoverConfirmation, error) {
	now := a.Shipments.Now()
	c := HandoverConfirmation{By: who.Username, At: now, Events: map[uuid.UUID]uuid.UUID{},
		SignatureSealed: a.Shipments.Sealer.Seal(receiverSignatureField, string(signature))}
	giver := giverOf(h.GivenBy, h.FromOffice)
	items := slices.Clone(h.Items)
	slices.SortFunc(items, func(x, y HandoverItem) int { return strings.Compare(x.TrackingNumber, y.TrackingNumber) })
	for _, it := range items {
		eventID := uuid.New()
		err := tx.Update(ctx, it.TrackingNumber, func(stx ShipmentTx, s ShipmentRecord) (Change, error) {
			if !handover.Deliverable(s.Shipment) || s.ToOffice != h.ToOffice || !mayWork(giver, s) {
				return Change{}, &ItemGoneError{TrackingNumber: s.TrackingNumber, Status: s.Status}
			}
			// Delivered now; a step a phone dated a little ahead of the server's clock
			// comes before it all the same.
			at := now
			if at.Before(s.LastEventAt) {
				at = s.LastEventAt
			}
			in := shipment.Input{EventID: eventID.String(), Type: shipment.Delivered, OccurredAt: at,
				Proof: handover.Proof(h.ID.String(), who.Username)}
			return a.Shipments.apply(ctx, stx, s, workerStep{who: giver, input: in, eventID: eventID, now: now})
		})
		if err != nil {
			return HandoverConfirmation{}, fmt.Errorf("deliver %s: %w", it.TrackingNumber, err)
		}
		c.Events[it.ShipmentID] = eventID
	}
	return c, nil
}

// ErrHandoverNotFound is a record that does not exist, or one the member of staff is of
// neither side of.
var ErrHandoverNotFound = errors.New("no such hand-over record")
