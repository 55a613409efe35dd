package rest

import (
	"crypto/sha256"
	"net/http"
	"strings"
	"unicode"
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
	if !validIdempotencyKey(key) {
		a.fail(w, r, httpapi.Invalid("Idempotency-Key", "invalid_idempotency_key",
			"An Idempotency-Key must be UTF-8 text without control characters, such as a UUID."))
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

// validIdempotencyKey reports whether key can be stored as text: valid UTF-8 without
// control characters (a header may carry any byte above 0x7f).
func validIdempotencyKey(key string) bool {
	return utf8.ValidString(key) && strings.IndexFunc(key, unicode.IsControl) < 0
}
