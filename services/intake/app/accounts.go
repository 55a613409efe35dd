package app

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/platform/auth"
)

// usernamePattern is the form of a staff username, as the database checks it.
var usernamePattern = regexp.MustCompile(`^[a-z0-9._-]{3,64}$`)

// ValidUsername reports whether s can be a staff username: 3-64 of a-z, 0-9, '.', '_', '-'.
func ValidUsername(s string) bool { return usernamePattern.MatchString(s) }

// MaxPasswordBytes is the longest password an account may have: sign-in refuses longer ones.
const MaxPasswordBytes = 1024

// Accounts lets an administrator manage staff accounts: create them with a role,
// offices, an initial password and an e-mail address, change role, offices and
// address, reset a password, and disable or enable an account (a disabled account cannot sign in). An administrator
// may neither take the admin role from their own account nor disable it, so that
// there is always someone left to undo a mistake.
type Accounts struct {
	Store AccountStore
}

// AccountInput is a new account as an administrator enters it.
type AccountInput struct {
	Username string
	Role     string
	Offices  []string
	Password string
	// Email is optional: where staff mail reaches the holder.
	Email string
}

// List returns every account, without password hashes.
func (a *Accounts) List(ctx context.Context) ([]Account, error) { return a.Store.Accounts(ctx) }

// Get returns the account with username.
func (a *Accounts) Get(ctx context.Context, username string) (Account, bool, error) {
	if !storable(username) {
		return Account{}, false, nil
	}
	acc, ok, err := a.Store.Account(ctx, username)
	acc.PasswordHash = ""
	return acc, ok, err
}

// NormalUsername is a username as accounts keep it: "An.Nguyen " is "an.nguyen".
func NormalUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Create checks in and adds the account.
func (a *Accounts) Create(ctx context.Context, in AccountInput) error {
	in.Username = NormalUsername(in.Username)
	bad := Invalid{}
	if !ValidUsername(in.Username) {
		bad["username"] = "username.format"
	}
	checkRoleOffices(bad, in.Role, in.Offices)
	email := checkEmail(bad, in.Email)
	hash, err := hashPassword(bad, in.Password)
	if err != nil {
		return fmt.Errorf("create account: %w", err)
	}
	if err := bad.orNil(); err != nil {
		return err
	}
	err = a.Store.CreateAccount(ctx, Account{Username: in.Username, PasswordHash: hash, Role: in.Role, Offices: cleanOffices(in.Offices),
		Email: email})
	return storeAccountError(err)
}

// Change sets the role and offices of the account username, as by.
func (a *Accounts) Change(ctx context.Context, by *auth.Principal, username, role string, offices []string) error {
	bad := Invalid{}
	checkRoleOffices(bad, role, offices)
	if username == by.Username && role != auth.RoleAdmin {
		bad["role"] = "role.self"
	}
	if err := bad.orNil(); err != nil {
		return err
	}
	return storeAccountError(a.Store.UpdateAccount(ctx, username, role, cleanOffices(offices)))
}

// ResetPassword gives the account username a new password.
func (a *Accounts) ResetPassword(ctx context.Context, username, password string) error {
	bad := Invalid{}
	hash, err := hashPassword(bad, password)
	if err != nil {
		return fmt.Errorf("reset password: %w", err)
	}
	if err := bad.orNil(); err != nil {
		return err
	}
	return storeAccountError(a.Store.SetPassword(ctx, username, hash))
}

// SetDisabled disables or enables the account username, as by; nobody disables
// their own account.
func (a *Accounts) SetDisabled(ctx context.Context, by *auth.Principal, username string, disabled bool) error {
	if disabled && username == by.Username {
		return Invalid{"disabled": "disable.self"}
	}
	return storeAccountError(a.Store.SetDisabled(ctx, username, disabled))
}

// SetEmail gives the account username the e-mail address email, normalized, or takes
// its address away when email is blank.
func (a *Accounts) SetEmail(ctx context.Context, username, email string) error {
	bad := Invalid{}
	email = checkEmail(bad, email)
	if err := bad.orNil(); err != nil {
		return err
	}
	return storeAccountError(a.Store.SetEmail(ctx, username, email))
}

// checkEmail is the e-mail address s as accounts keep it (trimmed, lower case; "" for
// none), or notes in bad why it cannot be one: the rule of a citizen's address.
func checkEmail(bad Invalid, s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	a, ok := contact.ParseEmail(s)
	if !ok {
		bad["email"] = "email.format"
		return ""
	}
	return a.Value
}

// checkRoleOffices notes in bad what is wrong with an account's role and offices.
func checkRoleOffices(bad Invalid, role string, offices []string) {
	if !auth.ValidRole(role) {
		bad["role"] = "role.unknown"
	}
	clean := cleanOffices(offices)
	if len(clean) == 0 {
		bad["offices"] = "offices.required"
	}
	for _, o := range clean {
		if !storable(o) { // a code the database cannot hold names no office
			bad["offices"] = "offices.unknown"
		}
	}
}

// hashPassword hashes password as the command line does, or notes in bad why it
// cannot be one.
func hashPassword(bad Invalid, password string) (string, error) {
	if len(password) > MaxPasswordBytes || !storable(password) {
		bad["password"] = "password.long"
		return "", nil
	}
	hash, err := auth.HashPassword(password)
	if errors.Is(err, auth.ErrWeakPassword) {
		bad["password"] = "password.short"
		return "", nil
	}
	return hash, err
}

// cleanOffices is the office codes of in trimmed, without blanks or repeats.
func cleanOffices(in []string) []string {
	var out []string
	for _, o := range in {
		if o = strings.TrimSpace(o); o != "" && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out
}

// storeAccountError turns the store's refusals into what the administrator can fix.
func storeAccountError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrAccountExists):
		return Invalid{"username": "username.taken"}
	case errors.Is(err, ErrUnknownOffice):
		return Invalid{"offices": "offices.unknown"}
	case errors.Is(err, ErrNoAccount):
		return ErrNoAccount
	}
	return fmt.Errorf("account: %w", err)
}
