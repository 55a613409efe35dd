package admin

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/intake/demo/demodb"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/calendarsync"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/web/pagetest"
	"github.com/motcua/motcua/services/platform/web/session/sessiontest"
	"github.com/motcua/motcua/services/platform/webhook"
	"github.com/motcua/motcua/services/worktime"
)

// site is the pages over a fresh intake database with the demo data, and a way to
// sign requests in as any member of staff.
type site struct {
	t      *testing.T
	h      http.Handler
	iss    *auth.Issuer
	live   *worktime.Live
	st     *store.Store
	signIn *app.SignIn
	// down closes the database, as when it is unreachable.
	down func()
	// pool is the database, for looking behind the pages; p the pages.
	pool *pgxpool.Pool
	p    *Pages
}

func newSite(t *testing.T) *site {
	t.Helper()
	st, pool := demodb.Open(t)
	log := slog.New(slog.DiscardHandler)
	iss, verifier := sessiontest.Keys(t)
	live := worktime.NewLive()
	now := func() time.Time { return time.Now().Truncate(time.Microsecond) }
	sealer, err := sealing.New(bytes.Repeat([]byte{7}, sealing.KeySize))
	if err != nil {
		t.Fatal(err)
	}
	p := &Pages{Log: log, Verifier: verifier, Calendar: live,
		Calendars: &app.Calendars{Years: calendarsync.NewYears(pool), Live: live, Now: now},
		Offices:   &app.Offices{Store: st, Now: now}, Procedures: &app.Procedures{Store: st}, Accounts: &app.Accounts{Store: st},
		Webhooks:     &app.Webhooks{Store: store.NewWebhooks(pool, sealer), Guard: webhook.Guard{}, Now: now},
		NationalSync: &app.NationalSync{Store: store.NewNationalSync(pool)}}
	r := chi.NewRouter()
	p.Mount(r)
	signIn, err := app.NewSignIn(st, iss, now)
	if err != nil {
		t.Fatal(err)
	}
	return &site{t: t, h: r, iss: iss, live: live, st: st, signIn: signIn, down: pool.Close, pool: pool, p: p}
}

// as is the session cookie of username with role.
func (s *site) as(username, role string) *http.Cookie {
	return sessiontest.Cookie(s.t, s.iss, auth.Principal{Username: username, Role: role, Offices: []string{demo.DistrictDesk}})
}

var admin = struct{ user, role string }{"admin.xuanloc", auth.RoleAdmin}

func (s *site) get(path string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	return pagetest.Get(s.h, path, cookies...)
}

// post sends form as the administrator, with a valid CSRF token unless noCSRF.
func (s *site) post(path string, form url.Values, noCSRF ...bool) *httptest.ResponseRecorder {
	return s.postAs(s.as(admin.user, admin.role), path, form, noCSRF...)
}

// postAs sends form with the session cookie who, with a valid CSRF token unless noCSRF.
func (s *site) postAs(who *http.Cookie, path string, form url.Values, noCSRF ...bool) *httptest.ResponseRecorder {
	if len(noCSRF) > 0 {
		return pagetest.PostWithoutToken(s.h, path, form, who)
	}
	return pagetest.Post(s.h, path, form, who)
}

// wants checks that w has status and its body holds every one of texts.
func wants(t *testing.T, what string, w *httptest.ResponseRecorder, status int, texts ...string) {
	t.Helper()
	body := w.Body.String()
	if w.Code != status {
		t.Errorf("%s: status %d, want %d: %.600s", what, w.Code, status, body)
	}
	for _, s := range texts {
		if !strings.Contains(body, s) {
			t.Errorf("%s: the page lacks %q: %.3000s", what, s, body)
		}
	}
}
