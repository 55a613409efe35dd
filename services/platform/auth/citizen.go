package auth

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// citizenAudience marks the tokens that speak for a citizen, never for staff.
const citizenAudience = "citizen"

// Citizen is the person behind a citizen's token: today one who proved an address
// (IdP "contact", Subject "email:an@example.vn" or "phone:0912345678"); a national
// identity sign-in would be another IdP with the same shape.
type Citizen struct {
	Subject string
	IdP     string
	Expires time.Time
}

type citizenClaims struct {
	jwt.RegisteredClaims
	IdP string `json:"idp"`
}

// IssueCitizen returns a token of c valid for ttl from now.
func (i *Issuer) IssueCitizen(c Citizen, now time.Time, ttl time.Duration) (string, error) {
	claims := citizenClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    issuer,
			Subject:   c.Subject,
			Audience:  jwt.ClaimStrings{citizenAudience},
			IssuedAt:  jwt.NewNumericDate(now),
			NotBefore: jwt.NewNumericDate(now.Add(-30 * time.Second)),
			ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
			ID:        uuid.NewString(),
		},
		IdP: c.IdP,
	}
	return i.sign(claims)
}

// VerifyCitizen returns the citizen of a valid citizen's token; a staff token, a
// forged or an expired one is ErrBadToken.
func (v *Verifier) VerifyCitizen(token string) (*Citizen, error) {
	var c citizenClaims
	_, err := jwt.ParseWithClaims(token, &c, v.keyOf,
		jwt.WithValidMethods([]string{jwt.SigningMethodEdDSA.Alg()}),
		jwt.WithIssuer(issuer), jwt.WithAudience(citizenAudience), jwt.WithExpirationRequired())
	if err != nil || c.Subject == "" || c.IdP == "" || c.ExpiresAt == nil {
		return nil, ErrBadToken
	}
	return &Citizen{Subject: c.Subject, IdP: c.IdP, Expires: c.ExpiresAt.Time}, nil
}
