// Package custody is the command line's check of the dossiers' custody chains:
// "motcua custody verify" recomputes every chain in intake's schema, as the API does for
// one, and names the first broken entry of each chain that does not hold.
package custody

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/allinone/intakedb"
	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
)

// ErrBroken is the error of a check that found a chain that does not verify.
var ErrBroken = errors.New("custody chains broken")

// Verify runs "custody verify": every chain of intake's schema on the database of
// databaseURL checked, a line on stdout for each broken chain (its dossier's code and
// id, and its first broken entry: the stored hash and the recomputed one, or the
// prev_hash that does not name the entry before), and a summary. It fails with an error
// wrapping ErrBroken, naming the first broken chain, when any does not verify.
func Verify(ctx context.Context, args []string, stdout io.Writer, databaseURL string, log *slog.Logger) error {
	fs := flag.NewFlagSet("custody verify", flag.ContinueOnError)
	fs.SetOutput(stdout)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("custody verify takes no arguments, got %q", fs.Args())
	}
	if databaseURL == "" {
		return errors.New("DATABASE_URL must be set")
	}
	var check app.CustodyCheck
	err := intakedb.With(ctx, databaseURL, log, func(pool *pgxpool.Pool) error {
		var err error
		check, err = (&app.Custody{Chains: store.NewCustody(pool)}).VerifyAll(ctx)
		return err
	})
	if err != nil {
		return err
	}
	for _, b := range check.Broken {
		fmt.Fprintf(stdout, "broken: %s\n", name(b))
	}
	if len(check.Broken) > 0 {
		fmt.Fprintf(stdout, "%d of %d custody chains broken (%d entries checked)\n", len(check.Broken), check.Chains, check.Entries)
		return fmt.Errorf("%w: %d of %d; the first: %s", ErrBroken, len(check.Broken), check.Chains, name(check.Broken[0]))
	}
	fmt.Fprintf(stdout, "%d custody chains verified (%d entries checked), none broken\n", check.Chains, check.Entries)
	return nil
}

// name says which chain b is and where it breaks.
func name(b app.BrokenChain) string {
	code := b.Code
	if code == "" {
		code = "(code unknown)"
	}
	return fmt.Sprintf("dossier %s (id %s), %s", code, b.DossierID, b.Break)
}
