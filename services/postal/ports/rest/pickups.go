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
	var in pickup.Ask
	key, hash, err := httpapi.ReadIdempotentJSON(w, r, &in, httpapi.DefaultBodyLimit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	asked, replayed, err := a.Shipments.AskPickup(r.Context(), auth.CitizenFrom(r.Context()), in,
		app.IdempotencyKey{Key: key, RequestHash: hash})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpapi.WriteAnswer(w, http.StatusCreated, asked, replayed)
}
