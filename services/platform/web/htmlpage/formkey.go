package htmlpage

import (
	"crypto/rand"
	"encoding/base64"
)

// FormKey is a fresh idempotency key for a form, drawn with the page and sent back in
// a hidden field: the same form submitted twice (a double click, a reload) is done once.
func FormKey() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b) // never fails: crypto/rand crashes the program instead
	return base64.RawURLEncoding.EncodeToString(b)
}

// ValidFormKey reports whether key, sent back by a form, could be one FormKey drew: a
// key of another shape is not used as one.
func ValidFormKey(key string) bool { return len(key) >= 16 && len(key) <= 64 }
