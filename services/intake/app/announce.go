package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/domain/eventtype"
	"github.com/motcua/motcua/services/worktime"
)

// StatusChange is a dossier's status after one of its events, as the event tells it.
type StatusChange struct {
	EventID   uuid.UUID
	DossierID uuid.UUID
	// Version is the dossier's after the event.
	Version int64
	// Code is the dossier's code when the event names it.
	Code       string
	Status     dossier.Status
	StatusCode int
	// Office is the office that holds the dossier after the event.
	Office string
	// At is when the event happened.
	At time.Time
	// ReceivedAt, DueAt and FinishedAt are the times the event carries, if any.
	ReceivedAt, DueAt, FinishedAt *time.Time
}

// ShipmentStep is a step of a shipment that carries a dossier, as the post's event
// tells it.
type ShipmentStep struct {
	EventID uuid.UUID
	// Step is "created" or the step a postal worker recorded (accepted, delivered, …).
	Step string
	// Kind is the leg: pickup, transfer, delivery or return.
	Kind           string
	DossierCode    string
	TrackingNumber string
	// Office is the post office that recorded the step, or the office the leg leaves
	// from when it was opened.
	Office string
	At     time.Time
}

// Followers of the dossier events, each with its own memory of the statuses it told.
const (
	followerWebhooks     = "webhooks"
	followerNationalSync = "national-sync"
)

// callSpace and recordSpace make the ids of calls and national records from what
// caused them, so that an event consumed twice owes the same ones.
var (
	callSpace   = uuid.MustParse("8c0d7a52-1f3e-4b6a-9d21-5e7f0a3c4b19")
	recordSpace = uuid.MustParse("3e9b1c47-6a2d-4f80-b5c3-71d04e8a2f66")
)

// CallID is the id of the call the event eventID owes the endpoint webhookID: its
// webhook-id, the same however often the event is consumed.
func CallID(eventID, webhookID uuid.UUID) uuid.UUID {
	return uuid.NewSHA1(callSpace, append(eventID[:], webhookID[:]...))
}

// Announcer owes the endpoints subscribed to an event's type a call each, in the
// transaction of the consumer that read the event: a dossier's event when its status
// changed (types "dossier.<status>"), a shipment's every step ("shipment.<step>").
// Only endpoints in use, added before the event happened, are owed it. Bodies name the
// dossier by its code, never its applicant.
type Announcer struct{}

// dossierData is the data of a dossier's call.
type dossierData struct {
	Code       string    `json:"code"`
	Status     string    `json:"status"`
	StatusCode int       `json:"status_code"`
	Office     string    `json:"office"`
	At         time.Time `json:"at"`
}

// shipmentData is the data of a shipment's call.
type shipmentData struct {
	Code           string    `json:"code"`
	TrackingNumber string    `json:"tracking_number"`
	Event          string    `json:"event"`
	Kind           string    `json:"kind"`
	Office         string    `json:"office"`
	At             time.Time `json:"at"`
}

// Dossier owes the endpoints subscribed to the new status of c's dossier their call;
// a status told before is not told again. With no endpoint in use nothing is written:
// most installs have none, and every dossier event would otherwise cost a write.
func (Announcer) Dossier(ctx context.Context, tx WebhooksTx, c StatusChange) error {
	if hooks, err := tx.ActiveWebhooks(ctx); err != nil || len(hooks) == 0 {
		return err
	}
	news, err := tx.TellStatus(ctx, followerWebhooks, c.DossierID, c.Version, string(c.Status))
	if err != nil || !news {
		return err
	}
	code := c.Code
	if code == "" {
		f, ok, err := tx.DossierFacts(ctx, c.DossierID)
		if err != nil || !ok {
			return err
		}
		code = f.Code
	}
	at := c.At.In(worktime.VietnamLocation())
	return announce(ctx, tx, c.EventID, eventtype.Dossier(c.Status), c.At,
		dossierData{Code: code, Status: string(c.Status), StatusCode: c.StatusCode, Office: c.Office, At: at})
}

// Shipment owes the endpoints subscribed to s's step their call.
func (Announcer) Shipment(ctx context.Context, tx WebhooksTx, s ShipmentStep) error {
	at := s.At.In(worktime.VietnamLocation())
	return announce(ctx, tx, s.EventID, eventtype.Shipment(s.Step), s.At,
		shipmentData{Code: s.DossierCode, TrackingNumber: s.TrackingNumber, Event: s.Step, Kind: s.Kind, Office: s.Office, At: at})
}

// announce owes each endpoint in use that takes typ, and was added by at, the call of
// the event eventID with data.
func announce(ctx context.Context, tx WebhooksTx, eventID uuid.UUID, typ string, at time.Time, data any) error {
	hooks, err := tx.ActiveWebhooks(ctx)
	if err != nil {
		return err
	}
	var body []byte
	for _, w := range hooks {
		if !eventtype.MatchesAny(w.Events, typ) || w.CreatedAt.After(at) {
			continue
		}
		if body == nil {
			if body, err = callBody(typ, at, data); err != nil {
				return err
			}
		}
		c := WebhookCall{ID: CallID(eventID, w.ID), WebhookID: w.ID, Type: typ, EventID: eventID, Body: body, At: at}
		if _, err := tx.AddWebhookCall(ctx, c); err != nil {
			return err
		}
	}
	return nil
}
