package rest

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/eventtype"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// webhookJSON is an endpoint as the API shows it: never its secrets.
type webhookJSON struct {
	ID        uuid.UUID `json:"id"`
	URL       string    `json:"url"`
	Events    []string  `json:"events"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"`
	// FailingSince: every try has failed since then; DisabledAt: a day of it disabled
	// the endpoint; PreviousSecretUntil: after a rotation, the old secret signs too
	// until then.
	FailingSince        *time.Time `json:"failing_since"`
	DisabledAt          *time.Time `json:"disabled_at"`
	PreviousSecretUntil *time.Time `json:"previous_secret_until"`
}

func (a *API) webhookOf(w app.Webhook) webhookJSON {
	loc := a.Calendar.Calendar().Location()
	return webhookJSON{ID: w.ID, URL: w.URL, Events: w.Events, CreatedAt: w.CreatedAt.In(loc), CreatedBy: w.CreatedBy,
		FailingSince: inLoc(w.FailingSince, loc), DisabledAt: inLoc(w.DisabledAt, loc), PreviousSecretUntil: inLoc(w.PreviousUntil, loc)}
}

// createWebhook answers POST /webhooks: a new endpoint subscribed to events, with its
// secret, which no answer gives again (201).
func (a *API) createWebhook(w http.ResponseWriter, r *http.Request) {
	var in struct {
		URL    string   `json:"url"`
		Events []string `json:"events"`
	}
	if err := httpapi.DecodeJSON(w, r, &in, 16<<10); err != nil {
		a.fail(w, r, err)
		return
	}
	hook, secret, err := a.Webhooks.Create(r.Context(), auth.FromContext(r.Context()).Username, in.URL, in.Events)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusCreated, struct {
		webhookJSON
		Secret string `json:"secret"`
	}{a.webhookOf(hook), secret})
}

// webhooks answers GET /webhooks: every endpoint, oldest first.
func (a *API) webhooks(w http.ResponseWriter, r *http.Request) {
	list, err := a.Webhooks.List(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]webhookJSON, 0, len(list))
	for _, h := range list {
		out = append(out, a.webhookOf(h))
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, out)
}

// deleteWebhook answers DELETE /webhooks/{id}: the endpoint is removed with the calls
// owed to it (204).
func (a *API) deleteWebhook(w http.ResponseWriter, r *http.Request) {
	id, ok := a.webhookID(w, r)
	if !ok {
		return
	}
	if err := a.Webhooks.Delete(r.Context(), id); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// deliveryJSON is a call in an endpoint's log.
type deliveryJSON struct {
	ID          uuid.UUID  `json:"id"`
	Type        string     `json:"type"`
	State       string     `json:"state"`
	Tries       int        `json:"tries"`
	LastStatus  *int       `json:"last_status"`
	LastError   string     `json:"last_error"`
	CreatedAt   time.Time  `json:"created_at"`
	AttemptedAt *time.Time `json:"attempted_at"`
	SentAt      *time.Time `json:"sent_at"`
	NextAt      *time.Time `json:"next_at"`
}

// webhookDeliveries answers GET /webhooks/{id}/deliveries: the endpoint's newest
// calls, newest first.
func (a *API) webhookDeliveries(w http.ResponseWriter, r *http.Request) {
	id, ok := a.webhookID(w, r)
	if !ok {
		return
	}
	list, err := a.Webhooks.Deliveries(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	loc := a.Calendar.Calendar().Location()
	out := make([]deliveryJSON, 0, len(list))
	for _, d := range list {
		out = append(out, deliveryJSON{ID: d.ID, Type: d.Type, State: d.State, Tries: d.Tries, LastStatus: d.LastStatus,
			LastError: d.LastError, CreatedAt: d.CreatedAt.In(loc), AttemptedAt: inLoc(d.AttemptedAt, loc),
			SentAt: inLoc(d.SentAt, loc), NextAt: inLoc(d.NextAt, loc)})
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, out)
}

// retryWebhookDelivery answers POST /webhooks/{id}/deliveries/{delivery_id}/retry: the
// call is sent again now, under its id (202).
func (a *API) retryWebhookDelivery(w http.ResponseWriter, r *http.Request) {
	id, ok := a.webhookID(w, r)
	if !ok {
		return
	}
	call, err := uuid.Parse(chi.URLParam(r, "delivery_id"))
	if err == nil {
		err = a.Webhooks.Retry(r.Context(), id, call)
	} else {
		err = app.ErrNoDelivery
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusAccepted, map[string]any{"id": call, "state": "pending"})
}

// rotateWebhookSecret answers POST /webhooks/{id}/secret: a new secret, the old one
// signing beside it for a day (200).
func (a *API) rotateWebhookSecret(w http.ResponseWriter, r *http.Request) {
	id, ok := a.webhookID(w, r)
	if !ok {
		return
	}
	secret, err := a.Webhooks.Rotate(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	hook, err := a.Webhooks.Get(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, struct {
		webhookJSON
		Secret string `json:"secret"`
	}{a.webhookOf(hook), secret})
}

// testWebhook answers POST /webhooks/{id}/test: a webhook.test call is sent at once
// (202, with its id).
func (a *API) testWebhook(w http.ResponseWriter, r *http.Request) {
	id, ok := a.webhookID(w, r)
	if !ok {
		return
	}
	call, err := a.Webhooks.Test(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusAccepted, map[string]any{"delivery_id": call, "type": eventtype.Test})
}

// webhookID reads the endpoint's id of the path; one that is no UUID names no
// endpoint (404).
func (a *API) webhookID(w http.ResponseWriter, r *http.Request) (uuid.UUID, bool) {
	id, err := uuid.Parse(chi.URLParam(r, "id"))
	if err != nil {
		a.fail(w, r, app.ErrNoWebhook)
		return uuid.Nil, false
	}
	return id, true
}

// syncStatus answers GET /sync/status: the national sync's backlog.
func (a *API) syncStatus(w http.ResponseWriter, r *http.Request) {
	b, err := a.NationalSync.Backlog(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"pending": b.Pending, "failed": b.Failed,
		"last_sent_at": inLoc(b.LastSentAt, a.Calendar.Calendar().Location())})
}

// inLoc is t in loc, nil for nil.
func inLoc(t *time.Time, loc *time.Location) *time.Time {
	if t == nil {
		return nil
	}
	l := t.In(loc)
	return &l
}
