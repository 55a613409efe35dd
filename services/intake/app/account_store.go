package app

import (
	"context"
	"errors"
	"time"
)

// AccountStore keeps staff accounts. A change of password, role, offices or of whether
// the account is disabled ends the account's sessions in the same transaction.
type AccountStore interface {
	// Accounts returns every account, without password hashes.
	Accounts(ctx context.Context) ([]Account, error)
	// Account returns the account with username, its password hash included.
	Account(ctx context.Context, username string) (acc Account, ok bool, err error)
	// SaveAccount creates the account, or replaces its password, role and offices (and
	// its e-mail address when acc has one).
	SaveAccount(ctx context.Context, acc Account) error
	// CreateAccount adds a new account: ErrAccountExists when the username is taken,
	// ErrUnknownOffice when an office does not exist.
	CreateAccount(ctx context.Context, acc Account) error
	// UpdateAccount changes the role and offices of an account (ErrNoAccount,
	// ErrUnknownOffice).
	UpdateAccount(ctx context.Context, username, role string, offices []string) error
	// SetPassword replaces an account's password hash (ErrNoAccount).
	SetPassword(ctx context.Context, username, hash string) error
	// SetDisabled disables or enables an account (ErrNoAccount).
	SetDisabled(ctx context.Context, username string, disabled bool) error
	// SetEmail gives an account the e-mail address staff mail goes to, or none with ""
	// (ErrNoAccount). The account's sessions go on: an address grants nothing.
	SetEmail(ctx context.Context, username, email string) error
	// SignOut ends the one token tokenID of username, which expires at expires.
	SignOut(ctx context.Context, username, tokenID string, expires time.Time) error
	// EndSessions ends every token username was given until now.
	EndSessions(ctx context.Context, username string) error
}

// Account is a staff account as kept.
type Account struct {
	Username     string
	PasswordHash string
	Role         string
	Disabled     bool
	Offices      []string
	// Email is where staff mail reaches the account's holder; "" when nowhere.
	Email string
}

// The refusals of the account store.
var (
	// ErrAccountExists: a new account takes a username already in use.
	ErrAccountExists = errors.New("account exists")
	// ErrNoAccount: the account to change does not exist.
	ErrNoAccount = errors.New("no such account")
	// ErrUnknownOffice: an account names an office that does not exist.
	ErrUnknownOffice = errors.New("unknown office")
)
