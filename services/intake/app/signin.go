package app

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/auth"
)

// SignIn checks staff passwords and issues tokens.
type SignIn struct {
	Store  AccountStore
	Issuer *auth.Issuer
	Now    func() time.Time
	// slots bounds concurrent password checks: each takes 19 MiB and a core for ~50 ms.
	slots chan struct{}
	dummy string
}

// NewSignIn returns a sign-in service allowing two password checks at a time.
func NewSignIn(st AccountStore, iss *auth.Issuer, now func() time.Time) (*SignIn, error) {
	dummy, err := auth.HashPassword("not-a-real-password-at-all")
	if err != nil {
		return nil, err
	}
	return &SignIn{Store: st, Issuer: iss, Now: now, slots: make(chan struct{}, 2), dummy: dummy}, nil
}

// Token is an issued access token.
type Token struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
}

// Token checks username and password and returns a signed token. An unknown user costs
// the same time as a wrong password, so the answer does not tell which it was.
func (s *SignIn) Token(ctx context.Context, username, password string) (*Token, error) {
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	username = NormalUsername(username)
	var acc Account
	var ok bool
	if storable(username) { // a name the database cannot hold belongs to nobody
		var err error
		if acc, ok, err = s.Store.Account(ctx, username); err != nil {
			return nil, fmt.Errorf("sign in: %w", err)
		}
	}
	hash := s.dummy
	if ok {
		hash = acc.PasswordHash
	}
	match, err := auth.CheckPassword(hash, password)
	if err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	if !ok || !match || acc.Disabled {
		return nil, ErrBadCredentials
	}
	tok, err := s.Issuer.Issue(auth.Principal{Username: acc.Username, Role: acc.Role, Offices: acc.Offices}, s.Now())
	if err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	return &Token{AccessToken: tok, TokenType: "Bearer", ExpiresIn: int(s.Issuer.TTL().Seconds())}, nil
}

// storable reports whether PostgreSQL can take s as text: valid UTF-8 without NUL.
func storable(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// SignOut ends the token who came with, in every service; the account's other tokens
// hold. A token without an id (signed before tokens had one) cannot be told apart, so
// every token of the account signed until now ends with it.
func (s *SignIn) SignOut(ctx context.Context, who *auth.Principal) error {
	var err error
	if who.TokenID == "" {
		err = s.Store.EndSessions(ctx, who.Username)
	} else {
		err = s.Store.SignOut(ctx, who.Username, who.TokenID, who.TokenExpires)
	}
	if err != nil {
		return fmt.Errorf("sign out: %w", err)
	}
	return nil
}
