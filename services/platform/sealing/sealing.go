// Package sealing encrypts personal data at rest (AES-256-GCM) and makes keyed hashes
// of it for exact-match lookups, both from one data key given in configuration.
package sealing

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
)

// KeySize is the length of the data key in bytes.
const KeySize = 32

// Sealer seals and opens personal data. The field name is bound into each sealed value
// (as additional data), so a value cannot be moved to another column unnoticed.
type Sealer struct {
	aead     cipher.AEAD
	indexKey []byte
}

// New derives the encryption and index keys from the data key.
func New(dataKey []byte) (*Sealer, error) {
	if len(dataKey) != KeySize {
		return nil, fmt.Errorf("sealing: the data key must be %d bytes", KeySize)
	}
	encKey, err := hkdf.Key(sha256.New, dataKey, nil, "motcua personal data encryption", 32)
	if err != nil {
		return nil, fmt.Errorf("sealing: %w", err)
	}
	indexKey, err := hkdf.Key(sha256.New, dataKey, nil, "motcua personal data index", 32)
	if err != nil {
		return nil, fmt.Errorf("sealing: %w", err)
	}
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, fmt.Errorf("sealing: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("sealing: %w", err)
	}
	return &Sealer{aead: aead, indexKey: indexKey}, nil
}

// Seal encrypts plain for the named field; the empty string seals to nil (SQL NULL).
func (s *Sealer) Seal(field, plain string) []byte {
	if plain == "" {
		return nil
	}
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(plain)+s.aead.Overhead())
	_, _ = rand.Read(nonce) // never fails: crypto/rand crashes the program instead
	return s.aead.Seal(nonce, nonce, []byte(plain), []byte(field))
}

// ErrTampered is returned when a sealed value does not open with this key and field.
var ErrTampered = errors.New("sealing: value cannot be opened (wrong key, wrong field or altered)")

// Open decrypts a value sealed for the named field; nil opens to "".
func (s *Sealer) Open(field string, sealed []byte) (string, error) {
	if sealed == nil {
		return "", nil
	}
	n := s.aead.NonceSize()
	if len(sealed) < n+s.aead.Overhead() {
		return "", ErrTampered
	}
	plain, err := s.aead.Open(nil, sealed[:n], sealed[n:], []byte(field))
	if err != nil {
		return "", ErrTampered
	}
	return string(plain), nil
}

// Index is the keyed hash used to find a value by exact match; "" indexes to nil.
func (s *Sealer) Index(field, value string) []byte {
	if value == "" {
		return nil
	}
	m := hmac.New(sha256.New, s.indexKey)
	m.Write([]byte(field))
	m.Write([]byte{0})
	m.Write([]byte(value))
	return m.Sum(nil)
}

// The fields of the dossier events sealed with the event key (MOTCUA_EVENT_KEY), which
// only the service that writes them (intake) and the one that reads them (postal) hold.
const (
	EventPickupAddress   = "event.pickup_address"
	EventDeliveryAddress = "event.delivery_address"
)
