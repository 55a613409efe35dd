// Package sealing encrypts personal data at rest (AES-256-GCM) and makes keyed hashes
// of it for exact-match lookups, from the data keys given in configuration. A sealed
// value names the key that sealed it, so that keys rotate: new values are sealed with
// the current key, and values sealed with an earlier one still open.
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
	// current seals; keys open, by key id (current among them).
	current  key
	keys     map[[idSize]byte]key
	indexKey []byte
}

// key is one data key made ready: its id and its cipher.
type key struct {
	id   [idSize]byte
	aead cipher.AEAD
}

// A sealed value starts with version, then the id of the key that sealed it; a value
// sealed before values named their key starts with its nonce.
const (
	version = 0x01
	idSize  = 4
)

// New derives the keys from the current data key, and from earlier ones that may still
// have sealed values (a rotation). The index key (the keyed hashes of exact-match
// lookups) comes from the oldest key, the last of earlier, so that lookups keep finding
// the values indexed before a rotation: keep that key for as long as the data lives.
func New(dataKey []byte, earlier ...[]byte) (*Sealer, error) {
	s := &Sealer{keys: map[[idSize]byte]key{}}
	for i, k := range append([][]byte{dataKey}, earlier...) {
		if len(k) != KeySize {
			return nil, fmt.Errorf("sealing: a data key must be %d bytes", KeySize)
		}
		ready, err := prepare(k)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			s.current = ready
		}
		s.keys[ready.id] = ready
	}
	oldest := dataKey
	if len(earlier) > 0 {
		oldest = earlier[len(earlier)-1]
	}
	indexKey, err := hkdf.Key(sha256.New, oldest, nil, "motcua personal data index", 32)
	if err != nil {
		return nil, fmt.Errorf("sealing: %w", err)
	}
	s.indexKey = indexKey
	return s, nil
}

// prepare derives a data key's cipher and id.
func prepare(dataKey []byte) (key, error) {
	encKey, err := hkdf.Key(sha256.New, dataKey, nil, "motcua personal data encryption", 32)
	if err != nil {
		return key{}, fmt.Errorf("sealing: %w", err)
	}
	idKey, err := hkdf.Key(sha256.New, dataKey, nil, "motcua personal data key id", idSize)
	if err != nil {
		return key{}, fmt.Errorf("sealing: %w", err)
	}
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return key{}, fmt.Errorf("sealing: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return key{}, fmt.Errorf("sealing: %w", err)
	}
	k := key{aead: aead}
	copy(k.id[:], idKey)
	return k, nil
}

// Seal encrypts plain for the named field; the empty string seals to nil (SQL NULL).
func (s *Sealer) Seal(field, plain string) []byte {
	if plain == "" {
		return nil
	}
	a := s.current.aead
	head := 1 + idSize
	out := make([]byte, head+a.NonceSize(), head+a.NonceSize()+len(plain)+a.Overhead())
	out[0] = version
	copy(out[1:head], s.current.id[:])
	nonce := out[head:]
	_, _ = rand.Read(nonce) // never fails: crypto/rand crashes the program instead
	return a.Seal(out, nonce, []byte(plain), []byte(field))
}

// ErrTampered is returned when a sealed value does not open with this key and field.
var ErrTampered = errors.New("sealing: value cannot be opened (wrong key, wrong field or altered)")

// Open decrypts a value sealed for the named field; nil opens to "".
func (s *Sealer) Open(field string, sealed []byte) (string, error) {
	if sealed == nil {
		return "", nil
	}
	if len(sealed) > 1+idSize && sealed[0] == version {
		var id [idSize]byte
		copy(id[:], sealed[1:1+idSize])
		if k, ok := s.keys[id]; ok {
			if plain, ok := open(k.aead, field, sealed[1+idSize:]); ok {
				return plain, nil
			}
		}
	}
	// A value from before values named their key: it opens with one of the keys.
	for _, k := range s.keys {
		if plain, ok := open(k.aead, field, sealed); ok {
			return plain, nil
		}
	}
	return "", ErrTampered
}

// open opens nonce and sealed text with a.
func open(a cipher.AEAD, field string, sealed []byte) (string, bool) {
	n := a.NonceSize()
	if len(sealed) < n+a.Overhead() {
		return "", false
	}
	plain, err := a.Open(nil, sealed[:n], sealed[n:], []byte(field))
	if err != nil {
		return "", false
	}
	return string(plain), true
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
