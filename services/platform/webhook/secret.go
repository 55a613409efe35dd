package webhook

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"strings"
)

// SecretPrefix marks a symmetric secret, so that a person and a library tell it from
// other keys.
const SecretPrefix = "whsec_"

// secretBytes is the length of a new secret's key: the specification's least, as its
// libraries make them.
const secretBytes = 24

// ErrSecret is a secret that is not "whsec_" and the base64 of 24 to 64 bytes.
var ErrSecret = errors.New("webhook: a secret is whsec_ and the base64 of 24 to 64 bytes")

// NewSecret is a fresh random secret for one endpoint.
func NewSecret() string {
	b := make([]byte, secretBytes)
	_, _ = rand.Read(b) // crypto/rand never fails (it panics rather)
	return SecretPrefix + base64.StdEncoding.EncodeToString(b)
}

// Key is the HMAC key of secret: its base64 part, decoded. The prefix may be left out,
// as a receiver may paste the secret without it.
func Key(secret string) ([]byte, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, SecretPrefix))
	if err != nil || len(key) < 24 || len(key) > 64 {
		return nil, ErrSecret
	}
	return key, nil
}
