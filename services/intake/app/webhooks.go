package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/eventtype"
	"github.com/motcua/motcua/services/platform/webhook"
	"github.com/motcua/motcua/services/worktime"
)

// The rules of endpoints.
const (
	// SecretOverlap is how long a rotated secret still signs beside the new one: a day
	// for the receiver to take the new one.
	SecretOverlap = 24 * time.Hour
	// DisableAfter is how long an endpoint may fail every try before it is disabled.
	DisableAfter = 24 * time.Hour
	// MaxURLBytes bounds an endpoint's URL.
	MaxURLBytes = 2000
	// DeliveryLogSize is how many of an endpoint's newest calls its log shows.
	DeliveryLogSize = 100
)

// URLGuard says whether a URL may be an endpoint: an http or https URL that does not
// lead to the product's own networks (platform/webhook's Guard).
type URLGuard interface {
	CheckURL(ctx context.Context, url string) error
}

// Webhooks lets an administrator subscribe other systems to the events of dossiers and
// shipments, as the Standard Webhooks specification has it: add an endpoint with the
// event types it takes and learn its secret (this once); list the endpoints and each
// one's calls; send a call again; rotate a secret, the old one signing beside the new
// for a day; send a test call; remove an endpoint. The calls themselves are owed by
// the Announcer and sent by a queue.
type Webhooks struct {
	Store WebhookStore
	Guard URLGuard
	Now   func() time.Time
}

// Create checks the URL and the event patterns and adds the endpoint, as by: it
// returns the endpoint and its secret, which nothing shows again.
func (a *Webhooks) Create(ctx context.Context, by, url string, events []string) (Webhook, string, error) {
	url = strings.TrimSpace(url)
	bad := Invalid{}
	switch {
	case url == "":
		bad["url"] = "url.required"
	case len(url) > MaxURLBytes || !storable(url):
		bad["url"] = "url.long"
	default:
		switch err := a.Guard.CheckURL(ctx, url); {
		case errors.Is(err, webhook.ErrPrivate):
			bad["url"] = "url.private"
		case errors.Is(err, webhook.ErrUnresolved):
			bad["url"] = "url.unresolved"
		case err != nil:
			bad["url"] = "url.format"
		}
	}
	var patterns []string
	for _, e := range events {
		if e = strings.TrimSpace(e); e != "" && !slices.Contains(patterns, e) {
			patterns = append(patterns, e)
		}
	}
	if len(patterns) == 0 {
		bad["events"] = "events.required"
	}
	for _, p := range patterns {
		if !eventtype.ValidPattern(p) {
			bad["events"] = "events.unknown"
		}
	}
	if err := bad.orNil(); err != nil {
		return Webhook{}, "", err
	}
	w := Webhook{ID: uuid.New(), URL: url, Events: patterns, CreatedAt: a.Now(), CreatedBy: by}
	secret := webhook.NewSecret()
	if err := a.Store.CreateWebhook(ctx, w, secret); err != nil {
		return Webhook{}, "", fmt.Errorf("create webhook: %w", err)
	}
	return w, secret, nil
}

// List returns every endpoint, oldest first.
func (a *Webhooks) List(ctx context.Context) ([]Webhook, error) { return a.Store.Webhooks(ctx) }

// Get returns the endpoint id (ErrNoWebhook).
func (a *Webhooks) Get(ctx context.Context, id uuid.UUID) (Webhook, error) {
	w, ok, err := a.Store.Webhook(ctx, id)
	if err == nil && !ok {
		err = ErrNoWebhook
	}
	return w, err
}

// Delete removes the endpoint id: nothing more is sent to it (ErrNoWebhook).
func (a *Webhooks) Delete(ctx context.Context, id uuid.UUID) error {
	ok, err := a.Store.DeleteWebhook(ctx, id)
	if err == nil && !ok {
		err = ErrNoWebhook
	}
	return err
}

// Deliveries returns the log of the endpoint id: its newest calls, newest first.
func (a *Webhooks) Deliveries(ctx context.Context, id uuid.UUID) ([]WebhookDelivery, error) {
	if _, err := a.Get(ctx, id); err != nil {
		return nil, err
	}
	return a.Store.WebhookDeliveries(ctx, id, DeliveryLogSize)
}

// Retry sends the call delivery of the endpoint id again now, under its id, whatever
// became of it; a disabled endpoint is sent nothing (ErrWebhookDisabled).
func (a *Webhooks) Retry(ctx context.Context, id, delivery uuid.UUID) error {
	w, err := a.Get(ctx, id)
	if err != nil {
		return err
	}
	if w.DisabledAt != nil {
		return ErrWebhookDisabled
	}
	return a.Store.ResendWebhookDelivery(ctx, id, delivery)
}

// Rotate gives the endpoint id a new secret and returns it; the one it replaces signs
// beside it for SecretOverlap.
func (a *Webhooks) Rotate(ctx context.Context, id uuid.UUID) (string, error) {
	secret := webhook.NewSecret()
	ok, err := a.Store.RotateSecret(ctx, id, secret, a.Now().Add(SecretOverlap))
	if err == nil && !ok {
		err = ErrNoWebhook
	}
	if err != nil {
		return "", err
	}
	return secret, nil
}

// Test owes the endpoint id a call of type webhook.test, sent at once, and returns its
// id; a disabled endpoint is sent nothing (ErrWebhookDisabled).
func (a *Webhooks) Test(ctx context.Context, id uuid.UUID) (uuid.UUID, error) {
	w, err := a.Get(ctx, id)
	if err != nil {
		return uuid.Nil, err
	}
	if w.DisabledAt != nil {
		return uuid.Nil, ErrWebhookDisabled
	}
	now := a.Now()
	body, err := callBody(eventtype.Test, now, map[string]string{"webhook_id": id.String()})
	if err != nil {
		return uuid.Nil, err
	}
	c := WebhookCall{ID: uuid.New(), WebhookID: id, Type: eventtype.Test, Body: body, At: now}
	if err := a.Store.AddWebhookCall(ctx, c); err != nil {
		return uuid.Nil, fmt.Errorf("test webhook: %w", err)
	}
	return c.ID, nil
}

// callBody is a call's body as the specification shapes it: the type, when the event
// happened, and its data (never personal data).
func callBody(typ string, at time.Time, data any) ([]byte, error) {
	return json.Marshal(struct {
		Type      string    `json:"type"`
		Timestamp time.Time `json:"timestamp"`
		Data      any       `json:"data"`
	}{typ, at.In(worktime.VietnamLocation()), data})
}
