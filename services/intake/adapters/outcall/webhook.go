package outcall

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/delivery"
	"github.com/motcua/motcua/services/platform/webhook"
)

// Endpoints say where a call goes and which secrets sign it at a time (the store's
// Webhooks).
type Endpoints interface {
	Endpoint(ctx context.Context, call uuid.UUID, t time.Time) (e app.WebhookEndpoint, ok bool, err error)
}

// Webhooks calls the endpoints: a POST of the call's body, as it was owed, with the
// call's id as webhook-id on every try, the try's time, and a signature by every
// secret in force then (two while a rotation overlaps). The endpoint is read at each
// try, so a rotated secret signs the next try. A removed or disabled endpoint is
// called no more: the call dies.
type Webhooks struct {
	Endpoints Endpoints
	// Client makes the calls: the guard's (webhook.Guard.Client), which refuses
	// private addresses at dial time and follows no redirect.
	Client *http.Client
	Now    func() time.Time
}

// Send makes one try of the call it.
func (w *Webhooks) Send(ctx context.Context, it delivery.Item) delivery.Result {
	now := w.Now()
	e, ok, err := w.Endpoints.Endpoint(ctx, it.ID, now)
	switch {
	case err != nil:
		return delivery.Failed(err)
	case !ok:
		return delivery.Refused(errors.New("the endpoint was removed"))
	case e.Disabled:
		return delivery.Refused(errors.New("the endpoint was disabled after a day of failures"))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.URL, bytes.NewReader(it.Payload))
	if err != nil {
		return delivery.Refused(fmt.Errorf("the endpoint's URL: %w", err))
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "motcua-webhooks/1")
	if err := webhook.SetHeaders(req.Header, it.ID.String(), now, it.Payload, e.Secrets...); err != nil {
		return delivery.Failed(err)
	}
	res, err := w.Client.Do(req)
	if err != nil {
		return delivery.Failed(fmt.Errorf("no answer: %w", err))
	}
	return answer(res)
}
