package rest

import (
	"crypto/sha256"
	"net/http"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// register answers POST /dossiers: the desk registers a dossier and gets its receipt.
func (a *API) register(w http.ResponseWriter, r *http.Request) {
	key, err := idempotencyKey(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	body, err := httpapi.ReadBody(w, r, httpapi.DefaultBodyLimit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var reg dossier.Registration
	if err := httpapi.UnmarshalJSON(body, &reg); err != nil {
		a.fail(w, r, err)
		return
	}
	sum := sha256.Sum256(body)
	receipt, replayed, err := a.Registrar.Register(r.Context(), auth.FromContext(r.Context()), reg,
		app.Idempotency{Key: key, RequestHash: sum[:]})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/dossiers/"+receipt.Code)
	writeAnswer(w, http.StatusCreated, receipt, replayed)
}
