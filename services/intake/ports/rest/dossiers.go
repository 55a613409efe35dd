package rest

import (
	"crypto/sha256"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
)

const maxIdempotencyKey = 200

// register answers POST /dossiers: the desk registers a dossier and gets its receipt.
func (a *API) register(w http.ResponseWriter, r *http.Request) {
	key := strings.TrimSpace(r.Header.Get("Idempotency-Key"))
	if utf8.RuneCountInString(key) > maxIdempotencyKey {
		a.fail(w, r, httpapi.Invalid("Idempotency-Key", "too_long", "An Idempotency-Key may have at most 200 characters."))
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
	receipt, replay, err := a.Registrar.Register(r.Context(), auth.FromContext(r.Context()), reg,
		app.Idempotency{Key: key, RequestHash: sum[:]})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if replay != nil {
		w.Header().Set("Idempotent-Replayed", "true")
		httpapi.WriteRaw(w, replay.Status, replay.Body)
		return
	}
	w.Header().Set("Location", "/api/v1/dossiers/"+receipt.Code)
	httpapi.WriteJSON(w, http.StatusCreated, receipt)
}
