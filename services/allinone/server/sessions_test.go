package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/demo"
	intake "github.com/motcua/motcua/services/intake/service"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/platform/web/session"
)

// TestEndedSessionsAreRefusedEverywhere: an administrator disables a supervisor and a
// postal worker; the tokens they hold stop opening status's statistics and postal's run
// sheet (not only intake's pages), and a new sign-in once re-enabled works again. A desk
// officer's password is reset: the old token stops opening intake's API and pages too.
func TestEndedSessionsAreRefusedEverywhere(t *testing.T) {
	ctx := context.Background()
	srv, intakeStore := serveAll(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	c := apiclient.NewClient(2)
	ask := func(user, token, path string) int {
		a, err := c.Do(ctx, http.MethodGet, srv.URL+path, token, "", nil, nil)
		if err != nil {
			t.Fatalf("%s %s: %v", user, path, err)
		}
		return a.Status
	}
	signIn := func(user string) string {
		tok, err := c.Token(ctx, addr, user, demo.Password)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	today := time.Now().In(time.FixedZone("ICT", 7*3600)).Format("2006-01-02")
	paths := map[string]string{
		"supervisor.xuanloc": "/api/v1/stats",
		"postal.xuanloc":     "/api/v1/manifests?office=" + demo.DistrictPostOffice + "&date=" + today,
	}
	tokens := map[string]string{}
	for user, path := range paths {
		tokens[user] = signIn(user)
		// postal learns of the demo's post offices from intake's events: its run sheet
		// answers once it has.
		waitfor.Until(t, user+" let through before", func() bool { return ask(user, tokens[user], path) == http.StatusOK })
	}
	for user := range paths {
		if err := intakeStore.SetDisabled(ctx, user, true); err != nil {
			t.Fatal(err)
		}
	}
	for user, path := range paths {
		waitfor.Until(t, user+"'s token refused", func() bool { return ask(user, tokens[user], path) == http.StatusUnauthorized })
	}
	// A password reset ends the desk's token in intake itself, on the API (saying why)
	// and on the pages (sent to sign in again, told why).
	desk := signIn("desk.xuanloc")
	const search = "/api/v1/dossiers/search?name=an"
	if got := ask("desk.xuanloc", desk, search); got != http.StatusOK {
		t.Fatalf("the desk before the reset: %d", got)
	}
	hash, err := auth.HashPassword("another-password-2026")
	if err != nil {
		t.Fatal(err)
	}
	if err := intakeStore.SetPassword(ctx, "desk.xuanloc", hash); err != nil {
		t.Fatal(err)
	}
	waitfor.Until(t, "the desk's token refused after a password reset", func() bool {
		return ask("desk.xuanloc", desk, search) == http.StatusUnauthorized
	})
	refused, err := c.Do(ctx, http.MethodGet, srv.URL+search, desk, "", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(refused.Body), `"code":"unauthorized"`) || !strings.Contains(string(refused.Body), "đăng nhập lại") {
		t.Errorf("the refusal does not say to sign in again: %s", refused.Body)
	}
	page, err := http.NewRequest(http.MethodGet, srv.URL+"/mot-cua", nil)
	if err != nil {
		t.Fatal(err)
	}
	page.AddCookie(&http.Cookie{Name: session.CookieName, Value: desk})
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Do(page)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if to := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || !strings.Contains(to, session.SignInPath) ||
		!strings.Contains(to, session.EndedParam+"=1") {
		t.Errorf("the desk's page with the old session: %d to %q", resp.StatusCode, to)
	}

	// Enabled again, the account signs in anew (in a later second than its end: tokens
	// carry whole seconds) and is let through; the old token stays refused.
	time.Sleep(time.Second)
	for user, path := range paths {
		if err := intakeStore.SetDisabled(ctx, user, false); err != nil {
			t.Fatal(err)
		}
		if got := ask(user, signIn(user), path); got != http.StatusOK {
			t.Errorf("%s signed in again: %d", user, got)
		}
		if got := ask(user, tokens[user], path); got != http.StatusUnauthorized {
			t.Errorf("%s's old token after re-enabling: %d", user, got)
		}
	}
}

// serveAll serves every service with the demo's data on one test server, with their
// workers running until the test ends.
func serveAll(t *testing.T) (*httptest.Server, *store.Store) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	services := startServices(t)
	intakeStore := services[0].(*intake.Service).Store
	if err := demo.Load(ctx, intakeStore); err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	workers := make(chan struct{})
	running := 0
	for _, s := range services {
		s.Mount(r)
		for _, w := range s.Workers() {
			running++
			go func() { w(ctx); workers <- struct{}{} }()
		}
	}
	srv := httptest.NewServer(r)
	t.Cleanup(func() {
		srv.Close()
		cancel()
		for range running {
			<-workers
		}
	})
	return srv, intakeStore
}

// TestSignOutIsRefusedEverywhere: a supervisor and a postal worker each sign in on two
// devices and sign out of one; status and postal refuse the token signed out of, and
// the other device's token still holds.
func TestSignOutIsRefusedEverywhere(t *testing.T) {
	ctx := context.Background()
	srv, _ := serveAll(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	c := apiclient.NewClient(2)
	ask := func(method, token, path string) int {
		a, err := c.Do(ctx, method, srv.URL+path, token, "", nil, nil)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		return a.Status
	}
	today := time.Now().In(time.FixedZone("ICT", 7*3600)).Format("2006-01-02")
	for user, path := range map[string]string{
		"supervisor.xuanloc": "/api/v1/stats",
		"postal.xuanloc":     "/api/v1/manifests?office=" + demo.DistrictPostOffice + "&date=" + today,
	} {
		phone, err := c.Token(ctx, addr, user, demo.Password)
		if err != nil {
			t.Fatal(err)
		}
		laptop, err := c.Token(ctx, addr, user, demo.Password)
		if err != nil {
			t.Fatal(err)
		}
		waitfor.Until(t, user+" let through before", func() bool { return ask(http.MethodGet, phone, path) == http.StatusOK })
		if got := ask(http.MethodPost, phone, "/api/v1/auth/logout"); got != http.StatusNoContent {
			t.Fatalf("%s signing out: %d", user, got)
		}
		waitfor.Until(t, user+"'s signed-out token refused", func() bool { return ask(http.MethodGet, phone, path) == http.StatusUnauthorized })
		if got := ask(http.MethodGet, laptop, path); got != http.StatusOK {
			t.Errorf("%s's other token after signing out of one: %d", user, got)
		}
	}
}
