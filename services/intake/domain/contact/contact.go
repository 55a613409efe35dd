// Package contact is a citizen's verified address: an e-mail or a phone number proved
// with a one-time code, which stands in for an account when a citizen submits online.
package contact

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// Channel is how a code reaches the citizen.
type Channel string

// The channels of a verification.
const (
	Email Channel = "email"
	Phone Channel = "phone"
)

// Address is a normalized e-mail address or Vietnamese phone number.
type Address struct {
	Channel Channel
	Value   string
}

// String is the address as tokens and the store name it: "email:an@example.vn".
func (a Address) String() string { return string(a.Channel) + ":" + a.Value }

// ParseSubject reads back an address from its String form, as a citizen's token carries
// it; ok is false for anything else.
func ParseSubject(s string) (Address, bool) {
	channel, value, _ := strings.Cut(s, ":")
	switch Channel(channel) {
	case Email:
		return ParseEmail(value)
	case Phone:
		return ParsePhone(value)
	}
	return Address{}, false
}

// maxEmailBytes bounds an e-mail address (RFC 5321's path limit).
const maxEmailBytes = 254

// ParseEmail normalizes an e-mail address: trimmed, lower case. ok is false for
// anything that is not one plain address.
func ParseEmail(s string) (Address, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || len(s) > maxEmailBytes || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
		return Address{}, false
	}
	return Address{Channel: Email, Value: s}, true
}

// ParsePhone normalizes a Vietnamese phone number as registrations do (0912345678).
func ParsePhone(s string) (Address, bool) {
	s = dossier.NormalizePhone(s)
	if !dossier.ValidPhone(s) {
		return Address{}, false
	}
	return Address{Channel: Phone, Value: s}, true
}

// The rules of a verification.
const (
	// CodeLifetime is how long a code can be used.
	CodeLifetime = 10 * time.Minute
	// MaxWrongCodes is how many wrong codes end a verification.
	MaxWrongCodes = 5
	// MaxPerHour is how many codes one address may be sent in an hour.
	MaxPerHour = 5
)

// NewCode is a random 6-digit code.
func NewCode() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%06d", binary.BigEndian.Uint64(b[:])%1_000_000)
}

// HashCode is how a code is kept: an HMAC under the service's key, bound to the
// verification it was sent for, so that a copy of the table does not give the codes
// away even though six digits are few.
func HashCode(key []byte, verification, code string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(verification + "\x00" + strings.TrimSpace(code)))
	return m.Sum(nil)
}

// CodeMatches reports, in constant time, whether code is the one hashed.
func CodeMatches(key []byte, verification, code string, hash []byte) bool {
	return hmac.Equal(HashCode(key, verification, code), hash)
}
