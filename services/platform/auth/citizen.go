package auth

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/httpapi"
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

type citizenKey struct{}

// AuthenticateCitizen lets through requests that carry a valid citizen's token
// (Authorization: Bearer), with the citizen in the context (CitizenFrom); others get
// 401. A staff token is not a citizen's.
func AuthenticateCitizen(v *Verifier, log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || strings.TrimSpace(token) == "" {
				w.Header().Set("WWW-Authenticate", `Bearer realm="motcua"`)
				httpapi.WriteError(w, r, log, httpapi.Unauthorized("no_contact_token"))
				return
			}
			c, err := v.VerifyCitizen(strings.TrimSpace(token))
			if err != nil {
				w.Header().Set("WWW-Authenticate", `Bearer realm="motcua", error="invalid_token"`)
				httpapi.WriteError(w, r, log, httpapi.Unauthorized("bad_contact_token"))
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), citizenKey{}, c)))
		})
	}
}

// CitizenFrom is the citizen AuthenticateCitizen let through; nil when none.
func CitizenFrom(ctx context.Context) *Citizen {
	c, _ := ctx.Value(citizenKey{}).(*Citizen)
	return c
}
