// Package users is the command line's management of staff accounts.
package users

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/allinone/intakedb"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/platform/auth"
)

// Add runs "users add --username U --role ROLE --office CODE [--office CODE…] [--email E]"
// with the password read from the first line of stdin. It writes to intake's schema on
// the database of databaseURL, migrating it first so it works before the first start.
// An account added again keeps its e-mail address unless --email gives another.
func Add(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, databaseURL string, log *slog.Logger) error {
	fs := flag.NewFlagSet("users add", flag.ContinueOnError)
	fs.SetOutput(stdout)
	username := fs.String("username", "", "login name: 3-64 of a-z 0-9 . _ -")
	role := fs.String("role", "", "one of: "+strings.Join(auth.Roles, ", "))
	var offices multi
	fs.Var(&offices, "office", "agency code of an office the account belongs to (repeat, or separate with commas)")
	emailFlag := fs.String("email", "", "optional: where staff mail reaches the holder (officers' morning digest, supervisors' late warnings)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	*username = app.NormalUsername(*username)
	var email string
	if strings.TrimSpace(*emailFlag) != "" {
		a, ok := contact.ParseEmail(*emailFlag)
		if !ok {
			return fmt.Errorf("--email %q is not an e-mail address such as name@example.vn", *emailFlag)
		}
		email = a.Value
	}
	switch {
	case !app.ValidUsername(*username):
		return errors.New("--username must be 3-64 characters of a-z, 0-9, '.', '_' or '-'")
	case !auth.ValidRole(*role):
		return fmt.Errorf("--role must be one of: %s", strings.Join(auth.Roles, ", "))
	case len(offices) == 0:
		return errors.New("--office is required: the agency code of the account's office")
	case databaseURL == "":
		return errors.New("DATABASE_URL must be set")
	}
	password, err := readPassword(stdin)
	if err != nil {
		return err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	err = intakedb.With(ctx, databaseURL, log, func(pool *pgxpool.Pool) error {
		return store.New(pool).SaveAccount(ctx, app.Account{Username: *username, PasswordHash: hash, Role: *role, Offices: offices,
			Email: email})
	})
	if errors.Is(err, app.ErrUnknownOffice) {
		return fmt.Errorf("%w (see GET /api/v1/offices)", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "account %s saved: role %s, offices %s", *username, *role, strings.Join(offices, ", "))
	if email != "" {
		fmt.Fprintf(stdout, ", e-mail %s", email)
	}
	fmt.Fprintln(stdout)
	return nil
}

// Passwd runs "users passwd --username U" with the new password read from the first
// line of stdin. Like a reset by an administrator, it ends the account's sessions in
// every service (the end is published by intake's relay, at once when intake runs).
func Passwd(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, databaseURL string, log *slog.Logger) error {
	fs := flag.NewFlagSet("users passwd", flag.ContinueOnError)
	fs.SetOutput(stdout)
	username := fs.String("username", "", "the account's login name")
	if err := fs.Parse(args); err != nil {
		return err
	}
	*username = app.NormalUsername(*username)
	switch {
	case *username == "":
		return errors.New("--username is required")
	case databaseURL == "":
		return errors.New("DATABASE_URL must be set")
	}
	password, err := readPassword(stdin)
	if err != nil {
		return err
	}
	err = intakedb.With(ctx, databaseURL, log, func(pool *pgxpool.Pool) error {
		return (&app.Accounts{Store: store.New(pool)}).ResetPassword(ctx, *username, password)
	})
	var bad app.Invalid
	switch {
	case errors.Is(err, app.ErrNoAccount):
		return fmt.Errorf("no account %s", *username)
	case errors.As(err, &bad):
		return fmt.Errorf("the password: %s", vocabulary.Problem("", bad["password"]).EN)
	case err != nil:
		return err
	}
	fmt.Fprintf(stdout, "password of %s changed; its sessions have ended\n", *username)
	return nil
}

// readPassword is the first line of stdin.
func readPassword(stdin io.Reader) (string, error) {
	password, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(password, "\r\n"), nil
}

// multi is a repeatable, comma-separable flag.
type multi []string

func (m *multi) String() string { return strings.Join(*m, ",") }

func (m *multi) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*m = append(*m, p)
		}
	}
	return nil
}
