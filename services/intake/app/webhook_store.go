package app

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"
)

// WebhookStore keeps the endpoints administrators subscribe to the events, and the
// calls owed to them (a platform/delivery queue).
type WebhookStore interface {
	// CreateWebhook adds w with its first secret.
	CreateWebhook(ctx context.Context, w Webhook, secret string) error
	// Webhooks returns every endpoint, oldest first, without its secrets.
	Webhooks(ctx context.Context) ([]Webhook, error)
	// Webhook returns the endpoint id, without its secrets.
	Webhook(ctx context.Context, id uuid.UUID) (w Webhook, ok bool, err error)
	// DeleteWebhook removes the endpoint id: gone from every list, its pending calls
	// die; false when there is none.
	DeleteWebhook(ctx context.Context, id uuid.UUID) (bool, error)
	// RotateSecret gives the endpoint id the new secret, its current one signing
	// beside it until previousUntil (a previous one still in force is dropped); false
	// when there is no such endpoint.
	RotateSecret(ctx context.Context, id uuid.UUID, secret string, previousUntil time.Time) (bool, error)
	// WebhookDeliveries returns the newest limit calls owed to the endpoint id, newest
	// first.
	WebhookDeliveries(ctx context.Context, id uuid.UUID, limit int) ([]WebhookDelivery, error)
	// ResendWebhookDelivery puts the call delivery of the endpoint webhook back to be
	// sent now, under its id (ErrNoDelivery when the endpoint owes no such call).
	ResendWebhookDelivery(ctx context.Context, webhook, delivery uuid.UUID) error
	// AddWebhookCall owes c to its endpoint, in a transaction of its own.
	AddWebhookCall(ctx context.Context, c WebhookCall) error
}

// WebhooksTx is what the follower of the events that owes the endpoints their calls
// reads and writes in the transaction of the consumer that read the event.
type WebhooksTx interface {
	StatusTeller
	// ActiveWebhooks returns the endpoints not disabled, without their secrets.
	ActiveWebhooks(ctx context.Context) ([]Webhook, error)
	// AddWebhookCall owes c to its endpoint; a call already owed under its id is not
	// owed again (false).
	AddWebhookCall(ctx context.Context, c WebhookCall) (bool, error)
}

// StatusTeller is the memory of the followers of the dossier events: which status
// each told of each dossier last.
type StatusTeller interface {
	// TellStatus records that follower tells status of dossier id at version, and
	// reports whether it is news: false when the follower told that very status last,
	// or told of a later version already (the event was consumed late).
	TellStatus(ctx context.Context, follower string, id uuid.UUID, version int64, status string) (bool, error)
	// DossierFacts returns what intake holds of dossier id that its events do not all
	// carry; ok is false for a dossier intake does not hold.
	DossierFacts(ctx context.Context, id uuid.UUID) (f DossierFacts, ok bool, err error)
}

// DossierFacts are a dossier's code, procedure, receiving office, channel and time of
// receipt (nil until received), as intake holds them.
type DossierFacts struct {
	Code, Procedure, ReceivingOffice, Channel string
	ReceivedAt                                *time.Time
}

// Webhook is an endpoint subscribed to events.
type Webhook struct {
	ID  uuid.UUID
	URL string
	// Events are the types and patterns it takes ("dossier.received", "dossier.*").
	Events    []string
	CreatedAt time.Time
	CreatedBy string
	// FailingSince is since when every try to it failed; nil once one succeeds.
	FailingSince *time.Time
	// DisabledAt is when a day of failures disabled it; nil while it is in use.
	DisabledAt *time.Time
	// PreviousUntil is, after a rotation, until when the previous secret signs too.
	PreviousUntil *time.Time
}

// WebhookDelivery is a call owed to an endpoint, as its log shows it.
type WebhookDelivery struct {
	// ID is the call's webhook-id, the same on every try.
	ID    uuid.UUID
	Type  string
	State string
	Tries int
	// LastStatus is the receiver's answer to the last try; nil when it gave none.
	LastStatus *int
	LastError  string
	CreatedAt  time.Time
	// AttemptedAt is when the last try was made; SentAt when the receiver took it;
	// NextAt, while pending, when the next try is due.
	AttemptedAt, SentAt, NextAt *time.Time
}

// WebhookCall is a call owed to an endpoint: its body, sent as it is on every try.
type WebhookCall struct {
	ID, WebhookID uuid.UUID
	Type          string
	// EventID is the event that caused it; uuid.Nil for a test.
	EventID uuid.UUID
	Body    []byte
	At      time.Time
}

// WebhookEndpoint is where and how a call is made: its endpoint's URL and the secrets
// in force at the time of the try, the current one first.
type WebhookEndpoint struct {
	WebhookID uuid.UUID
	URL       string
	Secrets   []string
	Disabled  bool
}

// The refusals of the webhooks' use cases.
var (
	// ErrNoWebhook: no endpoint has that id.
	ErrNoWebhook = errors.New("no such webhook")
	// ErrNoDelivery: the endpoint owes no call with that id.
	ErrNoDelivery = errors.New("no such webhook delivery")
	// ErrWebhookDisabled: the endpoint was disabled after a day of failures; nothing is
	// sent to it any more.
	ErrWebhookDisabled = errors.New("webhook disabled")
	// ErrNoSyncRecord: the national sync holds no record with that id.
	ErrNoSyncRecord = errors.New("no such sync record")
)
