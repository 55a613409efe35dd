package app

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/postal/domain/shipment"
	"github.com/motcua/motcua/services/postal/events"
)

// Record applies a postal worker's step to the shipment with trackingNumber. The same
// event id again (a phone resending after losing its connection) returns the first
// answer and changes nothing (replayed true). When the failed-delivery rule sends the
// result back, the return shipment to the desk is opened in the same transaction.
func (a *Shipments) Record(ctx context.Context, who *auth.Principal, trackingNumber string, in shipment.Input, requestHash []byte) (View, bool, error) {
	in.Normalize()
	if fe := in.Validate(); fe != nil {
		return View{}, false, fe
	}
	eventID, err := uuid.Parse(in.EventID)
	if err != nil {
		return View{}, false, shipment.Invalid("event_id", "invalid_uuid") // Validate refuses it first
	}
	step := workerStep{who: who, input: in, eventID: eventID, requestHash: requestHash, now: a.Now()}
	var answer View
	var replayed bool
	err = a.Store.Update(ctx, trackingNumber, func(tx ShipmentTx, s ShipmentRecord) (Change, error) {
		if !mayWork(who, s) {
			return Change{}, ErrNotFound
		}
		// Checked under the shipment's lock, so two copies of one event take turns.
		prior, ok, err := tx.PriorEvent(ctx, eventID)
		if err != nil {
			return Change{}, err
		}
		if ok {
			if prior.TrackingNumber != s.TrackingNumber || !bytes.Equal(prior.RequestHash, requestHash) {
				return Change{}, ErrEventReused
			}
			answer, replayed = prior.Answer, true
			return Change{}, nil
		}
		change, err := a.apply(ctx, tx, s, step)
		answer = change.Answer
		return change, err
	})
	if err != nil {
		return View{}, false, err
	}
	if !replayed {
		a.Relay.Notify()
	}
	return answer, replayed, nil
}

// workerStep is a postal worker's step as Record received it.
type workerStep struct {
	who         *auth.Principal
	input       shipment.Input
	eventID     uuid.UUID
	requestHash []byte
	now         time.Time
}

// apply decides what step does to s: the domain's rule gives the new state and the
// events; each becomes a kept event and a message, a returned delivery opens its return
// to the desk, and the answer is the shipment after it.
func (a *Shipments) apply(ctx context.Context, tx ShipmentTx, s ShipmentRecord, step workerStep) (Change, error) {
	next, recorded, err := shipment.Record(s.Shipment, step.input, step.now, a.Calendar.Calendar())
	if err != nil {
		return Change{}, err
	}
	s.Shipment = next
	change := Change{Shipment: s}
	postOffice := workingPostOffice(step.who, s)
	version := s.Version - len(recorded)
	for i, rec := range recorded {
		version++
		e := EventRecord{EventID: uuid.New(), ShipmentID: s.ID, Version: version, Type: rec.Type,
			OccurredAt: rec.At, Username: SystemActor, PostOffice: postOffice, Automatic: rec.Automatic,
			SealNumber: rec.SealNumber, ReasonCode: rec.ReasonCode, ActionCode: rec.ActionCode, Relation: rec.Relation}
		if i == 0 {
			e.EventID, e.Username, e.RequestHash = step.eventID, step.who.Username, step.requestHash
			if p := step.input.Proof; p != nil && rec.Type == shipment.Delivered {
				a.sealProof(&e, p)
			}
		}
		at := s.Shipment
		at.Version = version
		msg, err := events.Recorded(at, events.Step{EventID: e.EventID, Type: e.Type, At: rec.At, PostOffice: postOffice,
			SealNumber: rec.SealNumber, ReasonCode: rec.ReasonCode, ActionCode: rec.ActionCode,
			FailedAttempts: rec.FailedAttempts, Relation: rec.Relation}, step.now)
		if err != nil {
			return Change{}, err
		}
		change.Events = append(change.Events, e)
		change.Messages = append(change.Messages, msg)
	}
	if shipment.NeedsReturnShipment(s.Kind, recorded) {
		ret, err := newShipment(ctx, tx, Opening{Kind: shipment.KindReturn, DossierID: s.DossierID,
			Origin: s.DestinationPostOffice, Source: "return-of:" + s.TrackingNumber, Returns: s.TrackingNumber,
			PaidBy: shipment.PaidByAuthority, By: SystemActor, At: step.now})
		if err != nil {
			return Change{}, fmt.Errorf("open the return shipment: %w", err)
		}
		change.Opens = append(change.Opens, ret)
	}
	change.Answer, err = a.view(ctx, tx, s, false)
	return change, err
}

// workingPostOffice is the post office a step of s by who is recorded at: the one that
// delivers it, unless who works only at the one that picks it up.
func workingPostOffice(who *auth.Principal, s ShipmentRecord) string {
	if who.InOffice(s.OriginPostOffice) && !who.InOffice(s.DestinationPostOffice) {
		return s.OriginPostOffice
	}
	return s.DestinationPostOffice
}

// sealProof puts the sealed proof of a delivery on its event. An item handed over with a
// hand-over record has no identity document checked, and its signature is the record's.
func (a *Shipments) sealProof(e *EventRecord, p *shipment.Proof) {
	e.RecipientNameSealed = a.Sealer.Seal(recipientField, p.RecipientName)
	if p.Record != "" {
		return
	}
	e.IDLast4Sealed = a.Sealer.Seal(idLast4Field, p.IDLast4)
	e.SignatureSealed = a.Sealer.Seal(signatureField, string(p.SignaturePNG))
}
