package rest

import (
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/httpapi"
)

const maxIdempotencyKey = 200

// idempotencyKey reads a request's Idempotency-Key header ("" without one).
func idempotencyKey(r *http.Request) (string, error) {
	key := strings.TrimSpace(r.Header.Get("Idempotency-Key"))
	if utf8.RuneCountInString(key) > maxIdempotencyKey {
		return "", httpapi.Invalid("Idempotency-Key", "too_long", "An Idempotency-Key may have at most 200 characters.")
	}
	// A header may carry any byte above 0x7f; the key is stored as text.
	if !utf8.ValidString(key) || strings.IndexFunc(key, unicode.IsControl) >= 0 {
		return "", httpapi.Invalid("Idempotency-Key", "invalid_idempotency_key",
			"An Idempotency-Key must be UTF-8 text without control characters, such as a UUID.")
	}
	return key, nil
}

// replayed writes the first answer to a repeated request, if there is one, and reports
// whether it did. Answers to writes are never cached.
func replayed(w http.ResponseWriter, replay *app.Replayed) bool {
	w.Header().Set("Cache-Control", "no-store")
	if replay == nil {
		return false
	}
	w.Header().Set("Idempotent-Replayed", "true")
	httpapi.WriteRaw(w, replay.Status, replay.Body)
	return true
}
