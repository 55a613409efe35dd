package rest

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
)

// custody answers GET /dossiers/{code}/custody: the dossier's custody chain, every step
// and hand-over chained by SHA-256, and whether it verified as it was read. The staff
// of the dossier's offices see it; anyone else is told there is no such dossier.
func (a *API) custody(w http.ResponseWriter, r *http.Request) {
	chain, err := a.Custody.Chain(r.Context(), auth.FromContext(r.Context()), chi.URLParam(r, "code"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	httpapi.WriteJSON(w, http.StatusOK, chain)
}
