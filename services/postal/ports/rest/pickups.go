package rest

import (
	"net/http"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/pickup"
)

// askPickup answers POST /api/v1/public/pickups: a citizen with a verified contact asks
// the post to pick their dossier up at home on a day and half-day. With an
// Idempotency-Key, the same request again answers as the first time.
func (a *API) askPickup(w http.ResponseWriter, r *http.Request) {
	key, err := httpapi.IdempotencyKey(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	body, err := httpapi.ReadBody(w, r, httpapi.DefaultBodyLimit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in pickup.Ask
	if err := httpapi.UnmarshalJSON(body, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	idem := app.IdempotencyKey{}
	if key != "" {
		idem = app.IdempotencyKey{Key: key, RequestHash: httpapi.RequestHash(body)}
	}
	asked, replayed, err := a.Shipments.AskPickup(r.Context(), auth.CitizenFrom(r.Context()), in, idem)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteAnswer(w, http.StatusCreated, asked, replayed)
}
