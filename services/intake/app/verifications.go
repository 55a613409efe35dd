package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/platform/auth"
)

// Verification is a code sent to an address, as kept: its hash, never the code.
type Verification struct {
	ID         uuid.UUID
	Address    contact.Address
	CodeHash   []byte
	CreatedAt  time.Time
	ExpiresAt  time.Time
	WrongCodes int
	Verified   bool
}

// VerificationStore keeps the codes sent.
type VerificationStore interface {
	// SentSince is when the codes sent to address since were sent, oldest first.
	SentSince(ctx context.Context, address contact.Address, since time.Time) ([]time.Time, error)
	// CreateVerification keeps v.
	CreateVerification(ctx context.Context, v Verification) error
	// UpdateVerification locks the verification id, calls decide with it and keeps what
	// it returns (also when decide fails, with its error). ok is false when there is
	// no such verification.
	UpdateVerification(ctx context.Context, id uuid.UUID, decide func(Verification) (Verification, error)) (ok bool, err error)
}

// Messenger sends a message to a citizen's address (mail for an e-mail, SMS for a phone).
type Messenger interface {
	// Send delivers subject and text to to, with the files attached when to is an
	// e-mail address (an SMS carries the text only); ErrChannelOff when the product has
	// no way to reach that kind of address.
	Send(ctx context.Context, to contact.Address, subject, text string, attachments ...Attachment) error
}

// Attachment is a file sent with a message: its name as the citizen sees it, its media
// type and its bytes.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
}

// The refusals of a verification.
var (
	// ErrChannelOff: the product cannot send to that kind of address (no SMS gateway).
	ErrChannelOff = errors.New("no way to send to this kind of address")
	// ErrNotSent: the code could not be delivered to the mail server or gateway.
	ErrNotSent = errors.New("the code could not be sent")
	// ErrNoVerification: no verification has that id.
	ErrNoVerification = errors.New("no such verification")
	// ErrVerificationGone: the verification expired, was used, or met too many wrong codes.
	ErrVerificationGone = errors.New("the verification is no longer usable")
	// ErrWrongCode: the code is not the one sent.
	ErrWrongCode = errors.New("wrong code")
)

// TooManyCodesError: the address was sent MaxPerHour codes within the hour.
type TooManyCodesError struct{ Wait time.Duration }

func (e *TooManyCodesError) Error() string {
	return "too many codes to this address; wait " + e.Wait.String()
}

// Verifications prove a citizen's address with a one-time code and give a citizen's
// token for it.
type Verifications struct {
	Store  VerificationStore
	Send   Messenger
	Key    []byte // the HMAC key of the codes
	Issuer *auth.Issuer
	// TokenTTL is how long a citizen's token holds (default a day).
	TokenTTL time.Duration
	Now      func() time.Time
}

// Started is a verification begun: the code is on its way.
type Started struct {
	ID        uuid.UUID
	ExpiresAt time.Time
}

// Start sends a new code to address, in lang.
func (v *Verifications) Start(ctx context.Context, address contact.Address, lang vocabulary.Lang) (Started, error) {
	now := v.Now()
	sent, err := v.Store.SentSince(ctx, address, now.Add(-time.Hour))
	if err != nil {
		return Started{}, err
	}
	if len(sent) >= contact.MaxPerHour {
		return Started{}, &TooManyCodesError{Wait: sent[len(sent)-contact.MaxPerHour].Add(time.Hour).Sub(now)}
	}
	code := contact.NewCode()
	ver := Verification{ID: uuid.New(), Address: address, CreatedAt: now, ExpiresAt: now.Add(contact.CodeLifetime)}
	ver.CodeHash = contact.HashCode(v.Key, ver.ID.String(), code)
	// Kept before it is sent: a code that reached the citizen always counts.
	if err := v.Store.CreateVerification(ctx, ver); err != nil {
		return Started{}, err
	}
	minutes := int(contact.CodeLifetime / time.Minute)
	subject := vocabulary.Message("verification.subject", code).In(lang)
	text := vocabulary.Message("verification.text", code, minutes).In(lang)
	if err := v.Send.Send(ctx, address, subject, text); err != nil {
		if errors.Is(err, ErrChannelOff) {
			return Started{}, err
		}
		return Started{}, fmt.Errorf("%w: %w", ErrNotSent, err)
	}
	return Started{ID: ver.ID, ExpiresAt: ver.ExpiresAt}, nil
}

// ContactToken is a citizen's token for a verified address.
type ContactToken struct {
	Token     string
	ExpiresIn time.Duration
}

// Confirm checks code against the verification id: the right code, once, within its
// lifetime and before too many wrong ones, gives a citizen's token for the address.
func (v *Verifications) Confirm(ctx context.Context, id uuid.UUID, code string) (ContactToken, error) {
	now := v.Now()
	var address contact.Address
	ok, err := v.Store.UpdateVerification(ctx, id, func(ver Verification) (Verification, error) {
		if ver.Verified || !now.Before(ver.ExpiresAt) || ver.WrongCodes >= contact.MaxWrongCodes {
			return ver, ErrVerificationGone
		}
		if !contact.CodeMatches(v.Key, ver.ID.String(), code, ver.CodeHash) {
			ver.WrongCodes++
			if ver.WrongCodes >= contact.MaxWrongCodes {
				return ver, ErrVerificationGone
			}
			return ver, ErrWrongCode
		}
		ver.Verified, address = true, ver.Address
		return ver, nil
	})
	switch {
	case err != nil:
		return ContactToken{}, err
	case !ok:
		return ContactToken{}, ErrNoVerification
	}
	ttl := v.TokenTTL
	if ttl <= 0 {
		ttl = 24 * time.Hour
	}
	tok, err := v.Issuer.IssueCitizen(auth.Citizen{Subject: address.String(), IdP: "contact"}, now, ttl)
	if err != nil {
		return ContactToken{}, err
	}
	return ContactToken{Token: tok, ExpiresIn: ttl}, nil
}
