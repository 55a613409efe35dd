// Package events turns intake's changes into the protobuf events of motcua.dossier.v1
// and the subjects they are published on.
package events

import (
	"fmt"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/outbox"
)

// Subject is where an event of kind about dossier id is published; the dossier id in the
// subject keeps each dossier's events in order for consumers that filter on it.
func Subject(dossierID uuid.UUID, kind string) string {
	return fmt.Sprintf("dossier.v1.%s.%s", dossierID, kind)
}

// Registered describes a newly registered dossier, for Received.
type Registered struct {
	DossierID       uuid.UUID
	Code            string
	Procedure       catalog.Procedure
	ReceivingOffice catalog.Office
	HandlingOffice  catalog.Office
	Channel         dossier.Channel
	MaskedName      string
	PINHash         []byte
	// Status is received for a desk's registration (ReceivedAt and DueAt set) or
	// submitted for an online submission (SubmittedAt set, the clock not started).
	Status         dossier.Status
	ReceivedAt     time.Time
	DueAt          time.Time
	SubmittedAt    time.Time
	Files          []File
	ResultDelivery dossier.DeliveryMethod
	FeeDueVND      int64
	FeePaidVND     int64
	// PickupAddressSealed is where the post collects a dossier sent by post, sealed with
	// the event key (sealing.EventPickupAddress); nil otherwise.
	PickupAddressSealed []byte
	// ResultPostOffice is where the citizen collects the result (method post_office);
	// zero otherwise.
	ResultPostOffice catalog.Office
	// Counter is the post office's side of a dossier a post office took; nil otherwise.
	Counter *Counter
	Actor   *dossierv1.Actor
}

// Counter is what a post office did when it took a dossier: the post office, the seal,
// the postage and the pickup that carries the dossier to the desk.
type Counter struct {
	PostOffice     catalog.Office
	SealNumber     string
	PostageVND     int64
	TrackingNumber string
	AtDoor         bool
}

// Received builds the outbox message of a registration (version 1 of the dossier).
func Received(r Registered, at time.Time) (outbox.Message, error) {
	id := uuid.New()
	ev := &dossierv1.Event{
		EventId:    id.String(),
		OccurredAt: timestamppb.New(at),
		DossierId:  r.DossierID.String(),
		Version:    1,
		Actor:      r.Actor,
		Kind: &dossierv1.Event_Received{Received: &dossierv1.Received{
			Code:                r.Code,
			Procedure:           &dossierv1.Ref{Code: r.Procedure.Code, Name: r.Procedure.Name},
			ReceivingOffice:     &dossierv1.Ref{Code: r.ReceivingOffice.Code, Name: r.ReceivingOffice.Name},
			HandlingOffice:      &dossierv1.Ref{Code: r.HandlingOffice.Code, Name: r.HandlingOffice.Name},
			Channel:             channels[r.Channel],
			ApplicantMaskedName: r.MaskedName,
			PinHash:             r.PINHash,
			ReceivedAt:          optional(r.ReceivedAt),
			DueAt:               optional(r.DueAt),
			SubmittedAt:         optional(r.SubmittedAt),
			Files:               files(r.Files),
			TimeLimitHours:      int32(r.Procedure.TimeLimitHours),
			Status:              string(r.Status),
			StatusCode:          int32(r.Status.NationalCode()),
			ResultDelivery:      deliveries[r.ResultDelivery],
			FeeDueVnd:           r.FeeDueVND,
			FeePaidVnd:          r.FeePaidVND,
			PickupAddressSealed: r.PickupAddressSealed,
			ResultPostOffice:    officeRef(r.ResultPostOffice),
			Counter:             counter(r.Counter),
		}},
	}
	return encode(id, ev, r.DossierID, "received")
}

// officeRef names o, none for the zero office.
func officeRef(o catalog.Office) *dossierv1.Ref {
	if o.Code == "" {
		return nil
	}
	return &dossierv1.Ref{Code: o.Code, Name: o.Name}
}

func counter(c *Counter) *dossierv1.Counter {
	if c == nil {
		return nil
	}
	return &dossierv1.Counter{PostOffice: officeRef(c.PostOffice), SealNumber: c.SealNumber, PostageVnd: c.PostageVND,
		TrackingNumber: c.TrackingNumber, AtDoor: c.AtDoor}
}

// optional is t as a protobuf time, none for the zero time.
func optional(t time.Time) *timestamppb.Timestamp {
	if t.IsZero() {
		return nil
	}
	return timestamppb.New(t)
}

func encode(eventID uuid.UUID, ev *dossierv1.Event, dossierID uuid.UUID, kind string) (outbox.Message, error) {
	return outbox.Encode(eventID, Subject(dossierID, kind), ev, kind+" event")
}
