package embeddednats

import (
	"strings"
	"testing"

	"github.com/nats-io/nats.go"
)

// TestWithPasswordsOnlyTheServicesGetIn: with passwords, the embedded server refuses a
// client without credentials (any local process could otherwise read the citizens'
// events and publish forged ones), and each service's user may do only its own part.
func TestWithPasswordsOnlyTheServicesGetIn(t *testing.T) {
	pw := map[string]string{"intake": strings.Repeat("a1", 12), "status": strings.Repeat("b2", 12), "postal": strings.Repeat("c3", 12)}
	srv, err := Start(Options{StoreDir: t.TempDir(), Port: -1, Passwords: pw})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Shutdown(); srv.WaitForShutdown() })

	if nc, err := nats.Connect(srv.ClientURL(), nats.MaxReconnects(0)); err == nil {
		nc.Close()
		t.Fatal("a client without credentials was let in")
	}
	if nc, err := nats.Connect(URL(srv, "intake", "not-the-password-at-all"), nats.MaxReconnects(0)); err == nil {
		nc.Close()
		t.Fatal("a wrong password was let in")
	}
	// status may not publish intake's events.
	errs := make(chan error, 1)
	nc, err := nats.Connect(URL(srv, "status", pw["status"]), nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) {
		select {
		case errs <- err:
		default:
		}
	}))
	if err != nil {
		t.Fatalf("status with its password: %v", err)
	}
	defer nc.Close()
	if err := nc.Publish("dossier.v1.forged.received", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := <-errs; err == nil || !strings.Contains(strings.ToLower(err.Error()), "permissions violation") {
		t.Errorf("status publishing a dossier event: %v", err)
	}
	for _, user := range Users {
		c, err := nats.Connect(URL(srv, user, pw[user]))
		if err != nil {
			t.Errorf("%s with its password: %v", user, err)
			continue
		}
		c.Close()
	}
}

// TestShortPasswordsAreRefused: a password too short to be one made for the run is a
// mistake of the caller, not a server to start.
func TestShortPasswordsAreRefused(t *testing.T) {
	if _, err := Start(Options{StoreDir: t.TempDir(), Port: -1, Passwords: map[string]string{"intake": "x"}}); err == nil {
		t.Fatal("a server started with a one-letter password")
	}
}
