package auth

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

const issuer = "motcua"

// claims is the JWT body of a staff token.
type claims struct {
	jwt.RegisteredClaims
	Role    string   `json:"role"`
	Offices []string `json:"offices"`
}

// Issuer signs staff tokens with the private key.
type Issuer struct {
	key ed25519.PrivateKey
	ttl time.Duration
}

// NewIssuer returns an issuer of tokens valid for ttl.
func NewIssuer(key ed25519.PrivateKey, ttl time.Duration) *Issuer { return &Issuer{key: key, ttl: ttl} }

// TTL is how long issued tokens stay valid.
func (i *Issuer) TTL() time.Duration { return i.ttl }

// Issue returns a signed token for p.
func (i *Issuer) Issue(p Principal, now time.Time) (string, error) {
	c := claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    issuer,
			Subject:   p.Username,
			IssuedAt:  jwt.NewNumericDate(now),
			NotBefore: jwt.NewNumericDate(now.Add(-30 * time.Second)),
			ExpiresAt: jwt.NewNumericDate(now.Add(i.ttl)),
			ID:        uuid.NewString(),
		},
		Role:    p.Role,
		Offices: p.Offices,
	}
	return i.sign(c)
}

// sign signs claims with the issuer's key, naming the key in the header (kid), so that
// verifiers holding several keys (a rotation) pick the right one.
func (i *Issuer) sign(claims jwt.Claims) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodEdDSA, claims)
	t.Header["kid"] = KeyID(i.key.Public().(ed25519.PublicKey))
	s, err := t.SignedString(i.key)
	if err != nil {
		return "", fmt.Errorf("sign token: %w", err)
	}
	return s, nil
}

// KeyID names a public key: the first 12 bytes of its SHA-256, in base64url.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return base64.RawURLEncoding.EncodeToString(sum[:12])
}

// Verifier checks staff tokens with the public key; every service holds one. A staff
// member sends the same token with every request for its lifetime, so tokens already
// verified are remembered until they expire: the signature check costs more than the
// rest of a typical request's CPU.
type Verifier struct {
	// keys verify tokens by the id of their key: the key in use, and others during a
	// rotation (the previous one until its tokens have expired, or the next one).
	keys map[string]ed25519.PublicKey

	mu       sync.Mutex
	verified map[string]verifiedToken
	ended    Ended
}

type verifiedToken struct {
	p       *Principal
	issued  time.Time
	expires time.Time
}

// Ended tells whether a token of an account, given at issuedAt, no longer speaks for
// it: the account was disabled or changed after it was signed (ErrSessionEnded), or its
// holder signed out of it (ErrSignedOut).
type Ended interface {
	Ended(username string, issuedAt time.Time, tokenID string) error
}

// RefuseEnded makes v refuse the tokens e says have ended, as it refuses expired ones.
// Call it before v verifies anything.
func (v *Verifier) RefuseEnded(e Ended) { v.ended = e }

// maxRemembered bounds the memory of verified tokens (about 4 MB).
const maxRemembered = 10_000

// NewVerifier returns a verifier for tokens signed by the private half of key, or of
// one of others.
func NewVerifier(key ed25519.PublicKey, others ...ed25519.PublicKey) *Verifier {
	v := &Verifier{keys: map[string]ed25519.PublicKey{}, verified: map[string]verifiedToken{}}
	for _, k := range append([]ed25519.PublicKey{key}, others...) {
		v.keys[KeyID(k)] = k
	}
	return v
}

// keyOf is the key that verifies t: the one its header names; a token without a key id
// (signed before tokens named their key) is tried against each.
func (v *Verifier) keyOf(t *jwt.Token) (any, error) {
	kid, _ := t.Header["kid"].(string)
	if kid == "" {
		set := jwt.VerificationKeySet{}
		for _, k := range v.keys {
			set.Keys = append(set.Keys, k)
		}
		return set, nil
	}
	if k, ok := v.keys[kid]; ok {
		return k, nil
	}
	return nil, ErrBadToken
}

// ErrBadToken is returned for a token that is malformed, forged or expired.
var ErrBadToken = errors.New("invalid or expired token")

// ErrSessionEnded is returned for a token signed before its account was disabled,
// changed or had its password reset: its holder must sign in again.
var ErrSessionEnded = errors.New("the account changed since this token was signed")

// ErrSignedOut is returned for a token its holder signed out of.
var ErrSignedOut = errors.New("signed out of this token")

// Verify returns the principal of a valid token.
func (v *Verifier) Verify(token string) (*Principal, error) {
	now := time.Now()
	v.mu.Lock()
	known, ok := v.verified[token]
	v.mu.Unlock()
	if !ok || !now.Before(known.expires) {
		var err error
		if known, err = v.verify(token); err != nil {
			return nil, err
		}
		v.mu.Lock()
		if len(v.verified) >= maxRemembered {
			clear(v.verified)
		}
		v.verified[token] = known
		v.mu.Unlock()
	}
	if v.ended != nil {
		if err := v.ended.Ended(known.p.Username, known.issued, known.p.TokenID); err != nil {
			return nil, err
		}
	}
	return known.p, nil
}

func (v *Verifier) verify(token string) (verifiedToken, error) {
	var c claims
	_, err := jwt.ParseWithClaims(token, &c, v.keyOf,
		jwt.WithValidMethods([]string{jwt.SigningMethodEdDSA.Alg()}),
		jwt.WithIssuer(issuer),
		jwt.WithExpirationRequired())
	// A citizen's token (with an audience) never speaks for staff.
	if err != nil || c.Subject == "" || !ValidRole(c.Role) || c.ExpiresAt == nil || c.IssuedAt == nil || len(c.Audience) > 0 {
		return verifiedToken{}, ErrBadToken
	}
	return verifiedToken{p: &Principal{Username: c.Subject, Role: c.Role, Offices: c.Offices,
		TokenID: c.ID, TokenExpires: c.ExpiresAt.Time},
		issued: c.IssuedAt.Time, expires: c.ExpiresAt.Time}, nil
}

// ParsePrivateKey decodes a base64 Ed25519 seed (32 bytes).
func ParsePrivateKey(s string) (ed25519.PrivateKey, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != ed25519.SeedSize {
		return nil, errors.New("signing key must be 32 bytes in base64")
	}
	return ed25519.NewKeyFromSeed(b), nil
}

// ParsePublicKeys decodes a comma-separated list of base64 Ed25519 public keys; the
// empty list is none.
func ParsePublicKeys(list string) ([]ed25519.PublicKey, error) {
	var out []ed25519.PublicKey
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		k, err := ParsePublicKey(s)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, nil
}

// ParsePublicKey decodes a base64 Ed25519 public key (32 bytes).
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("public key must be 32 bytes in base64")
	}
	return ed25519.PublicKey(b), nil
}
