// Package lookuppin is the secret printed on a dossier's receipt: intake makes it and
// stores only a keyed hash, status checks a citizen's lookup against that hash. Both
// services hold the same PIN key; the PIN itself is never stored or logged.
package lookuppin

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"strings"
)

// Alphabet leaves out characters that are easily confused (0/O, 1/I/L).
const Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// Length is the length of a lookup PIN: 31^10, about 49 bits.
const Length = 10

// New returns a random lookup PIN for the receipt.
func New() string {
	b := make([]byte, Length)
	out := make([]byte, Length)
	n := byte(len(Alphabet))
	limit := 256 - 256%int(n) // reject bytes that would bias the choice
	for i := 0; i < Length; {
		_, _ = rand.Read(b) // never fails: crypto/rand crashes the program instead
		for _, x := range b {
			if int(x) >= limit || i == Length {
				continue
			}
			out[i] = Alphabet[x%n]
			i++
		}
	}
	return string(out)
}

// Normalize upper-cases a PIN as typed and drops spaces and dashes.
func Normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}, s)
}

// Hash is the keyed hash of a dossier's PIN stored in place of the PIN; binding the
// code means one hash cannot be tried against another dossier.
func Hash(key []byte, code, pin string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(code))
	m.Write([]byte{0})
	m.Write([]byte(Normalize(pin)))
	return m.Sum(nil)
}

// Check reports, in constant time, whether pin matches the stored hash.
func Check(key []byte, code, pin string, hash []byte) bool {
	return hmac.Equal(Hash(key, code, pin), hash)
}
