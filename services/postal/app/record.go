package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/postal/adapters/store"
	"github.com/motcua/motcua/services/postal/domain/shipment"
	"github.com/motcua/motcua/services/postal/events"
)

// ErrEventReused is an event id sent before for another shipment or with other content.
var ErrEventReused = errors.New("event id reused")

// Record applies a postal worker's step to the shipment with tracking number tn. The
// same event id again (a phone resending after losing its connection) returns the first
// answer and changes nothing (replayed true). When the failed-delivery rule sends the
// result back, the return shipment to the desk is opened in the same transaction.
func (a *Shipments) Record(ctx context.Context, who *auth.Principal, tn string, in shipment.Input, requestHash []byte) ([]byte, bool, error) {
	in.Normalize()
	if fe := in.Validate(); fe != nil {
		return nil, false, fe
	}
	eventID, err := uuid.Parse(in.EventID)
	if err != nil {
		return nil, false, &shipment.FieldError{Field: "event_id", Code: "invalid_event_id", Message: "The event_id must be a UUID."}
	}
	now := a.Now()
	var answer []byte
	var replayed bool
	err = pgx.BeginFunc(ctx, a.Store.Pool(), func(tx pgx.Tx) error {
		s, ok, err := store.LockShipment(ctx, tx, tn)
		if err != nil {
			return err
		}
		if !ok {
			return ErrNotFound
		}
		if !mayWork(who, s) {
			return ErrForbidden
		}
		// Checked under the shipment's lock, so two copies of one event take turns.
		if prior, ok, err := store.PriorEvent(ctx, tx, eventID); err != nil {
			return err
		} else if ok {
			if prior.TrackingNumber != tn || !bytes.Equal(prior.RequestHash, requestHash) {
				return ErrEventReused
			}
			answer, replayed = prior.Answer, true
			return nil
		}
		next, recorded, err := shipment.Record(toDomain(s), in, now, a.Calendar.Calendar())
		if err != nil {
			return err
		}
		s = fromDomain(s, next)
		if err := store.UpdateShipment(ctx, tx, s); err != nil {
			return err
		}
		postOffice := s.DestinationPostOffice
		if who.InOffice(s.OriginPostOffice) && !who.InOffice(s.DestinationPostOffice) {
			postOffice = s.OriginPostOffice
		}
		version := s.Version - len(recorded)
		for i, rec := range recorded {
			version++
			e := store.Event{EventID: uuid.New(), ShipmentID: s.ID, Version: version, Type: string(rec.Type),
				OccurredAt: rec.At, Username: SystemActor, PostOffice: postOffice, Automatic: rec.Automatic,
				SealNumber: rec.SealNumber, ReasonCode: rec.ReasonCode, ActionCode: rec.ActionCode, Relation: rec.Relation}
			if i == 0 {
				e.EventID, e.Username, e.RequestHash = eventID, who.Username, requestHash
				if p := in.Proof; p != nil && rec.Type == shipment.Delivered {
					e.RecipientNameSealed = a.Sealer.Seal(recipientField, p.RecipientName)
					e.IDLast4Sealed = a.Sealer.Seal(idLast4Field, p.IDLast4)
					e.SignaturePNG = []byte(a.Sealer.Seal(signatureField, string(p.SignaturePNG)))
				}
			}
			if err := store.InsertEvent(ctx, tx, e); err != nil {
				return err
			}
			at := s
			at.Version = version
			msg, err := events.Recorded(at, events.Step{EventID: e.EventID, Type: e.Type, At: rec.At, PostOffice: postOffice,
				SealNumber: rec.SealNumber, ReasonCode: rec.ReasonCode, ActionCode: rec.ActionCode,
				FailedAttempts: rec.FailedAttempts, Relation: rec.Relation}, now)
			if err != nil {
				return err
			}
			if err := outbox.Add(ctx, tx, msg); err != nil {
				return err
			}
		}
		if shipment.NeedsReturnShipment(shipment.Kind(s.Kind), recorded) {
			_, _, err := Open(ctx, tx, Opening{Kind: "return", DossierID: s.DossierID, Origin: s.DestinationPostOffice,
				Source: "return-of:" + s.TrackingNumber, Returns: s.TrackingNumber, PaidBy: "authority",
				By: SystemActor, At: now})
			if err != nil {
				return fmt.Errorf("open the return shipment: %w", err)
			}
		}
		v, err := a.view(ctx, tx, s, false)
		if err != nil {
			return err
		}
		if answer, err = json.Marshal(v); err != nil {
			return err
		}
		return store.SetAnswer(ctx, tx, eventID, answer)
	})
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" && pgErr.ConstraintName == "shipment_events_pkey" {
		return nil, false, ErrEventReused // the id is another shipment's event, sent at the same moment
	}
	if err != nil {
		return nil, false, err
	}
	if !replayed {
		a.Relay.Notify()
	}
	return answer, replayed, nil
}

// signatureField is the sealed field of a delivery's signature image.
const signatureField = "recipient_signature"

// toDomain is the domain's view of a stored shipment.
func toDomain(s store.Shipment) shipment.Shipment {
	return shipment.Shipment{TrackingNumber: s.TrackingNumber, Kind: shipment.Kind(s.Kind), Status: shipment.Status(s.Status),
		OriginPostOffice: s.OriginPostOffice, DestinationPostOffice: s.DestinationPostOffice,
		FailedAttempts: s.FailedAttempts, FirstFailedAt: s.FirstFailedAt, SealNumber: s.SealNumber,
		PostageVND: s.PostageVND, PaidBy: shipment.Payer(s.PaidBy), LastEventAt: s.LastEventAt, Version: s.Version}
}

// fromDomain is s with the domain's new state.
func fromDomain(s store.Shipment, n shipment.Shipment) store.Shipment {
	s.Status, s.FailedAttempts, s.FirstFailedAt = string(n.Status), n.FailedAttempts, n.FirstFailedAt
	s.SealNumber, s.PostageVND, s.PaidBy = n.SealNumber, n.PostageVND, string(n.PaidBy)
	s.LastEventAt, s.Version = n.LastEventAt, n.Version
	return s
}
