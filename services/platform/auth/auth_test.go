package auth

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestPasswordRoundTrip(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$") {
		t.Fatalf("hash %q is not argon2id", h)
	}
	if ok, _ := CheckPassword(h, "correct horse battery"); !ok {
		t.Fatal("right password rejected")
	}
	if ok, _ := CheckPassword(h, "correct horse batterx"); ok {
		t.Fatal("wrong password accepted")
	}
	if _, err := HashPassword("short"); err == nil {
		t.Fatal("short password accepted")
	}
	h2, _ := HashPassword("correct horse battery")
	if h2 == h {
		t.Fatal("two hashes of one password are equal: salt missing")
	}
}

func TestTokenVerify(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	otherPub, _, _ := ed25519.GenerateKey(nil)
	iss := NewIssuer(priv, time.Minute)
	now := time.Now()
	tok, err := iss.Issue(Principal{Username: "lan", Role: RoleDesk, Offices: []string{"A"}}, now)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewVerifier(pub).Verify(tok)
	if err != nil || p.Username != "lan" || p.Role != RoleDesk || !p.InOffice("A") || p.InOffice("B") {
		t.Fatalf("Verify = %+v, %v", p, err)
	}
	if _, err := NewVerifier(otherPub).Verify(tok); err == nil {
		t.Fatal("token verified with the wrong key")
	}
	expired, _ := NewIssuer(priv, time.Minute).Issue(Principal{Username: "lan", Role: RoleDesk}, now.Add(-2*time.Minute))
	if _, err := NewVerifier(pub).Verify(expired); err == nil {
		t.Fatal("expired token accepted")
	}
	if _, err := NewVerifier(pub).Verify(tok[:len(tok)-2] + "xx"); err == nil {
		t.Fatal("tampered token accepted")
	}
}

func TestMiddleware(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	h := Authenticate(NewVerifier(pub), log)(RequireRole(log, RoleSupervisor)(ok))
	desk, _ := NewIssuer(priv, time.Minute).Issue(Principal{Username: "a", Role: RoleDesk}, time.Now())
	sup, _ := NewIssuer(priv, time.Minute).Issue(Principal{Username: "b", Role: RoleSupervisor}, time.Now())
	for _, tc := range []struct {
		name, header string
		want         int
	}{
		{"no token", "", http.StatusUnauthorized},
		{"garbage", "Bearer abc", http.StatusUnauthorized},
		{"wrong role", "Bearer " + desk, http.StatusForbidden},
		{"right role", "Bearer " + sup, http.StatusNoContent},
	} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		if tc.header != "" {
			req.Header.Set("Authorization", tc.header)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, rec.Code, tc.want)
		}
	}
}

// endedBefore ends the sessions of one account signed before a moment, and one token.
type endedBefore struct {
	username  string
	at        time.Time
	signedOut string
}

func (e *endedBefore) Ended(username string, issuedAt time.Time, tokenID string) error {
	switch {
	case username == e.username && issuedAt.Before(e.at):
		return ErrSessionEnded
	case tokenID != "" && tokenID == e.signedOut:
		return ErrSignedOut
	}
	return nil
}

func TestEndedTokensAreRefused(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	iss := NewIssuer(priv, time.Hour)
	now := time.Now()
	old, _ := iss.Issue(Principal{Username: "lan", Role: RoleDesk}, now.Add(-10*time.Minute))
	other, _ := iss.Issue(Principal{Username: "minh", Role: RoleDesk}, now.Add(-10*time.Minute))
	v := NewVerifier(pub)
	ended := &endedBefore{username: "lan"}
	v.RefuseEnded(ended)
	if _, err := v.Verify(old); err != nil {
		t.Fatalf("a token of an account whose sessions did not end: %v", err)
	}
	// The sessions end after the token was verified (and remembered): it is refused.
	ended.at = now.Add(-time.Minute)
	if _, err := v.Verify(old); err == nil {
		t.Fatal("a token signed before its account's sessions ended is accepted")
	}
	if _, err := v.Verify(other); err != nil {
		t.Fatalf("another account's token: %v", err)
	}
	fresh, _ := iss.Issue(Principal{Username: "lan", Role: RoleDesk}, now)
	p, err := v.Verify(fresh)
	if err != nil {
		t.Fatalf("a token signed after the sessions ended: %v", err)
	}
	// Each token has its own id: signing out of one leaves the others.
	again, _ := iss.Issue(Principal{Username: "lan", Role: RoleDesk}, now)
	ended.signedOut = p.TokenID
	if _, err := v.Verify(fresh); !errors.Is(err, ErrSignedOut) {
		t.Fatalf("a token signed out of: %v", err)
	}
	if q, err := v.Verify(again); err != nil || q.TokenID == p.TokenID || q.TokenExpires.IsZero() {
		t.Fatalf("another token of the account: %+v %v", q, err)
	}
}

// TestCitizenAndStaffTokensStayApart: a citizen's token is no staff token, and a staff
// token is no citizen's.
func TestCitizenAndStaffTokensStayApart(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	iss, v := NewIssuer(priv, time.Hour), NewVerifier(pub)
	now := time.Now()
	citizen, err := iss.IssueCitizen(Citizen{Subject: "email:an@example.vn", IdP: "contact"}, now, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	c, err := v.VerifyCitizen(citizen)
	if err != nil || c.Subject != "email:an@example.vn" || c.IdP != "contact" || !c.Expires.After(now) {
		t.Fatalf("citizen: %+v %v", c, err)
	}
	if _, err := v.Verify(citizen); err == nil {
		t.Error("a citizen's token was taken for staff")
	}
	staff, _ := iss.Issue(Principal{Username: "desk.a", Role: RoleDesk}, now)
	if _, err := v.VerifyCitizen(staff); err == nil {
		t.Error("a staff token was taken for a citizen's")
	}
	old, _ := iss.IssueCitizen(Citizen{Subject: "email:an@example.vn", IdP: "contact"}, now.Add(-2*time.Hour), time.Hour)
	if _, err := v.VerifyCitizen(old); err == nil {
		t.Error("an expired citizen's token was accepted")
	}
}

// TestKeyRotation: tokens name their key; a verifier holding the new key and the old one
// takes both, so rotating the signing key signs nobody out, and one that no longer holds
// the old key refuses its tokens. A token from before tokens named their key is tried
// against every key held.
func TestKeyRotation(t *testing.T) {
	oldPub, oldPriv, _ := ed25519.GenerateKey(nil)
	newPub, newPriv, _ := ed25519.GenerateKey(nil)
	p := Principal{Username: "desk.a", Role: RoleDesk}
	now := time.Now()
	before, _ := NewIssuer(oldPriv, time.Hour).Issue(p, now)
	after, _ := NewIssuer(newPriv, time.Hour).Issue(p, now)
	during := NewVerifier(newPub, oldPub)
	for name, tok := range map[string]string{"the old key's": before, "the new key's": after} {
		if _, err := during.Verify(tok); err != nil {
			t.Errorf("%s token during the rotation: %v", name, err)
		}
	}
	if _, err := NewVerifier(newPub).Verify(before); err == nil {
		t.Error("the old key's token is taken once the old key is dropped")
	}
	legacy, err := jwt.NewWithClaims(jwt.SigningMethodEdDSA, claims{RegisteredClaims: jwt.RegisteredClaims{Issuer: issuer,
		Subject: "desk.a", IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(time.Hour))},
		Role: RoleDesk}).SignedString(oldPriv)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := during.Verify(legacy); err != nil {
		t.Errorf("a token without a key id: %v", err)
	}
	if keys, err := ParsePublicKeys(" " + base64.StdEncoding.EncodeToString(oldPub) + ", " + base64.StdEncoding.EncodeToString(newPub)); err != nil || len(keys) != 2 {
		t.Errorf("ParsePublicKeys: %d %v", len(keys), err)
	}
	if _, err := ParsePublicKeys("not a key"); err == nil {
		t.Error("ParsePublicKeys took garbage")
	}
}
