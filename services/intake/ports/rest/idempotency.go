package rest

import (
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/httpapi"
)

const maxIdempotencyKey = 200

// idempotencyKey reads a request's Idempotency-Key header ("" without one).
func idempotencyKey(r *http.Request) (string, error) {
	key := strings.TrimSpace(r.Header.Get("Idempotency-Key"))
	if utf8.RuneCountInString(key) > maxIdempotencyKey {
		return "", httpapi.Problem(http.StatusUnprocessableEntity, "Idempotency-Key", "too_long")
	}
	// A header may carry any byte above 0x7f; the key is stored as text.
	if !utf8.ValidString(key) || strings.IndexFunc(key, unicode.IsControl) >= 0 {
		return "", httpapi.Problem(http.StatusUnprocessableEntity, "Idempotency-Key", "invalid_idempotency_key")
	}
	return key, nil
}

// writeAnswer writes the answer to a write, saying whether it is the first answer given
// again to a repeated request. Answers to writes are never cached.
func writeAnswer(w http.ResponseWriter, status int, answer any, replayed bool) {
	w.Header().Set("Cache-Control", "no-store")
	if replayed {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	httpapi.WriteJSON(w, status, answer)
}
