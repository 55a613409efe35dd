package httpapi

import (
	"crypto/sha256"
	"encoding/binary"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxIdempotencyKey is the longest Idempotency-Key taken, in characters.
const maxIdempotencyKey = 200

// IdempotencyKey reads a request's Idempotency-Key header ("" without one): at most 200
// characters of UTF-8 text without control characters, such as a UUID.
func IdempotencyKey(r *http.Request) (string, error) {
	key := strings.TrimSpace(r.Header.Get("Idempotency-Key"))
	if utf8.RuneCountInString(key) > maxIdempotencyKey {
		return "", Problem(http.StatusUnprocessableEntity, "Idempotency-Key", "too_long")
	}
	// A header may carry any byte above 0x7f; the key is stored as text.
	if !utf8.ValidString(key) || strings.IndexFunc(key, unicode.IsControl) >= 0 {
		return "", Problem(http.StatusUnprocessableEntity, "Idempotency-Key", "invalid_idempotency_key")
	}
	return key, nil
}

// ReadIdempotentJSON reads a write sent as JSON: its Idempotency-Key ("" without one),
// its body of at most limit bytes into dst, and the hash of that body as sent
// (RequestHash), which tells the same request sent again from another under the key.
func ReadIdempotentJSON(w http.ResponseWriter, r *http.Request, dst any, limit int64) (key string, hash []byte, err error) {
	if key, err = IdempotencyKey(r); err != nil {
		return "", nil, err
	}
	body, err := ReadBody(w, r, limit)
	if err != nil {
		return "", nil, err
	}
	if err := UnmarshalJSON(body, dst); err != nil {
		return "", nil, err
	}
	return key, RequestHash(body), nil
}

// RequestHash names what a request asks, for telling a request sent again (the same
// hash) from another one under the same key: SHA-256 over parts, each preceded by its
// length so that no two lists of parts run together alike. Every port hashes with it.
func RequestHash(parts ...[]byte) []byte {
	h := sha256.New()
	var size [8]byte
	for _, p := range parts {
		binary.BigEndian.PutUint64(size[:], uint64(len(p)))
		h.Write(size[:])
		h.Write(p)
	}
	return h.Sum(nil)
}

// WriteAnswer writes the answer to a write, saying (Idempotent-Replayed) when it is the
// first answer given again to a request sent again. Answers to writes are never cached.
func WriteAnswer(w http.ResponseWriter, status int, answer any, replayed bool) {
	w.Header().Set("Cache-Control", "no-store")
	if replayed {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	WriteJSON(w, status, answer)
}
