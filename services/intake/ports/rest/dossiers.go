package rest

import (
	"net/http"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// register answers POST /dossiers: the desk registers a dossier and gets its receipt.
func (a *API) register(w http.ResponseWriter, r *http.Request) {
	var reg dossier.Registration
	key, hash, err := httpapi.ReadIdempotentJSON(w, r, &reg, httpapi.DefaultBodyLimit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	receipt, replayed, err := a.Registrar.Register(r.Context(), auth.FromContext(r.Context()), reg,
		app.Idempotency{Key: key, RequestHash: hash})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/dossiers/"+receipt.Code)
	httpapi.WriteAnswer(w, http.StatusCreated, receipt, replayed)
}
