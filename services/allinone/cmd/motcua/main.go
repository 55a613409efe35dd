// Command motcua is the all-in-one: "motcua serve [--demo]" runs every service and an
// embedded NATS server in one process; "motcua users add|passwd" manages staff accounts,
// "motcua calendar set" the working-time calendar and "motcua custody verify" checks the
// dossiers' custody chains.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/motcua/motcua/services/allinone/calendar"
	"github.com/motcua/motcua/services/allinone/custody"
	"github.com/motcua/motcua/services/allinone/secrets"
	"github.com/motcua/motcua/services/allinone/server"
	"github.com/motcua/motcua/services/allinone/users"
	"github.com/motcua/motcua/services/platform/logging"
)

const usage = `motcua — one-stop dossier tracking

Usage:
  motcua serve [--demo]        run every service on MOTCUA_HTTP_ADDR (default 127.0.0.1:8080)
  motcua users add --username U --role ROLE --office CODE [--email E]   (password on standard input)
  motcua users passwd --username U   a new password (on standard input); ends the account's sessions
  motcua keys rotate           a new token signing key and data key in MOTCUA_DATA_DIR;
                               the old signing key's tokens are still taken for a day, the
                               old data key still opens what it sealed (restart to use them)
  motcua calendar set --year Y [--file F]   a year's days off and worked weekend days
                               (JSON as GET /api/v1/calendar/{year}; standard input without --file)
  motcua custody verify        check every dossier's custody chain; exits 1 naming the
                               first broken entry of each chain that does not verify

Configuration comes from the environment; see README.md.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal, a second one ends the process at once.
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return 2
	}
	log := logging.New("motcua")
	var err error
	switch {
	case args[0] == "serve":
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		demo := fs.Bool("demo", false, "load the demo data and print the demo logins")
		if err := fs.Parse(args[1:]); err != nil {
			return 2
		}
		err = server.Run(ctx, server.Options{Env: environ(), Demo: *demo}, log)
	case len(args) >= 2 && args[0] == "users" && args[1] == "add":
		err = users.Add(ctx, args[2:], os.Stdin, os.Stdout, os.Getenv("DATABASE_URL"), log)
	case len(args) >= 2 && args[0] == "users" && args[1] == "passwd":
		err = users.Passwd(ctx, args[2:], os.Stdin, os.Stdout, os.Getenv("DATABASE_URL"), log)
	case len(args) >= 2 && args[0] == "keys" && args[1] == "rotate":
		err = rotateKeys(os.Stdout)
	case len(args) >= 2 && args[0] == "calendar" && args[1] == "set":
		err = calendar.Set(ctx, args[2:], os.Stdin, os.Stdout, os.Getenv("DATABASE_URL"), log)
	case len(args) >= 2 && args[0] == "custody" && args[1] == "verify":
		err = custody.Verify(ctx, args[2:], os.Stdout, os.Getenv("DATABASE_URL"), log)
	case args[0] == "help" || args[0] == "-h" || args[0] == "--help":
		fmt.Print(usage)
		return 0
	default:
		fmt.Fprint(os.Stderr, usage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "motcua:", err)
		return 1
	}
	return 0
}

func environ() map[string]string {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	return env
}

// rotateKeys gives the all-in-one's data directory a new token signing key.
func rotateKeys(stdout io.Writer) error {
	dir := os.Getenv("MOTCUA_DATA_DIR")
	if dir == "" {
		dir = ".data"
	}
	k, err := secrets.Rotate(dir, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "new token signing key and data key in %s (public key %s); tokens signed with the %d earlier key(s) are taken until %s, and the %d earlier data key(s) still open what they sealed.\nRestart motcua to use them.\n",
		filepath.Join(dir, "secrets.json"), k.PublicKey, len(k.Retired), k.Retired[0].RetiredAt.Add(secrets.RetiredKeysHold).Format(time.RFC3339), len(k.EarlierDataKeys))
	return nil
}
