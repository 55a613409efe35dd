package rest

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// create answers POST /shipments: a desk opens a shipment for a dossier.
func (a *API) create(w http.ResponseWriter, r *http.Request) {
	key, err := httpapi.IdempotencyKey(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in app.CreateInput
	if err := httpapi.DecodeJSON(w, r, &in, httpapi.DefaultBodyLimit); err != nil {
		a.fail(w, r, err)
		return
	}
	v, created, err := a.Shipments.Create(r.Context(), auth.FromContext(r.Context()), in, idempotencyKey(key, in))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/shipments/"+v.TrackingNumber)
	status := http.StatusCreated
	if !created {
		status = http.StatusOK
	}
	httpapi.WriteAnswer(w, status, v, !created)
}

// idempotencyKey names a desk's request by its Idempotency-Key and the hash of what it
// asks, taken after the app's normalization so that spacing alone does not make it
// another request; no key, no hash.
func idempotencyKey(key string, in app.CreateInput) app.IdempotencyKey {
	if key == "" {
		return app.IdempotencyKey{}
	}
	in.Normalize()
	request, _ := json.Marshal(in) // plain strings and numbers: it cannot fail
	return app.IdempotencyKey{Key: key, RequestHash: httpapi.RequestHash(request)}
}

// trackingNumber reads and checks the {tracking_number} of the path.
func trackingNumber(r *http.Request) (string, error) {
	n, err := s10.Parse(chi.URLParam(r, "tracking_number"))
	if err != nil {
		return "", err
	}
	return n.String(), nil
}

// get answers GET /shipments/{tracking_number}: the shipment and its steps.
func (a *API) get(w http.ResponseWriter, r *http.Request) {
	tn, err := trackingNumber(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v, err := a.Shipments.Get(r.Context(), auth.FromContext(r.Context()), tn)
	a.answer(w, r, http.StatusOK, v, err)
}

// list answers GET /shipments?dossier=CODE: the shipments of a dossier.
func (a *API) list(w http.ResponseWriter, r *http.Request) {
	code := strings.TrimSpace(r.URL.Query().Get("dossier"))
	if code == "" || len(code) > 40 {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "dossier", "required"))
		return
	}
	list, err := a.Shipments.OfDossier(r.Context(), auth.FromContext(r.Context()), code)
	a.answer(w, r, http.StatusOK, map[string]any{"items": list}, err)
}

// manifest answers GET /manifests?office=&date=: a post office's run sheet for a day
// (today when date is left out).
func (a *API) manifest(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	office := strings.TrimSpace(q.Get("office"))
	if office == "" || len(office) > 40 {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "office", "required"))
		return
	}
	day, ok := a.Shipments.Day(q.Get("date"))
	if !ok {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "date", "invalid_date"))
		return
	}
	m, err := a.Shipments.Manifest(r.Context(), auth.FromContext(r.Context()), office, day)
	a.answer(w, r, http.StatusOK, m, err)
}

// maxEventBody bounds a step's body: a signature of up to 256 KiB, in base64, and the rest.
const maxEventBody = 512 << 10

// record answers POST /shipments/{tracking_number}/events: a postal worker's step. The
// same event_id again answers as the first time.
func (a *API) record(w http.ResponseWriter, r *http.Request) {
	tn, err := trackingNumber(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	body, err := httpapi.ReadBody(w, r, maxEventBody)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in shipment.Input
	if err := httpapi.UnmarshalJSON(body, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	v, replayed, err := a.Shipments.Record(r.Context(), auth.FromContext(r.Context()), tn, in, httpapi.RequestHash(body))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteAnswer(w, http.StatusOK, v, replayed)
}

// answer writes v with status, or the answer to err. Answers speak of one member of
// staff's work: no cache keeps them.
func (a *API) answer(w http.ResponseWriter, r *http.Request, status int, v any, err error) {
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, status, v)
}
