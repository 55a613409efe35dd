package citizenweb

import (
	"bytes"
	"context"
	"crypto/rand"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/intake/adapters/store"
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/demo/demodb"
	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/filestore"
	"github.com/motcua/motcua/services/platform/ratelimit"
	"github.com/motcua/motcua/services/platform/sealing"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/pagetest"
	"github.com/motcua/motcua/services/platform/web/session/sessiontest"
	"github.com/motcua/motcua/services/worktime"
)

// site is the citizen's pages over a fresh demo database, with the use cases the API
// calls (the files on disk), and a mailbox that keeps what is sent to citizens.
type site struct {
	t         *testing.T
	h         http.Handler
	pool      *pgxpool.Pool
	box       *mailbox
	processor *app.Processor
	payments  *app.Payments
}

// mailbox keeps the messages sent to citizens: the port the mail and SMS adapters
// stand behind, kept here as a citizen's inbox would.
type mailbox struct {
	mu   sync.Mutex
	sent []message
}

type message struct {
	to            contact.Address
	subject, text string
}

func (b *mailbox) Send(_ context.Context, to contact.Address, subject, text string, _ ...app.Attachment) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.sent = append(b.sent, message{to, subject, text})
	return nil
}

// last is the last message sent to address.
func (b *mailbox) last(t *testing.T, address string) message {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := len(b.sent) - 1; i >= 0; i-- {
		if b.sent[i].to.Value == address {
			return b.sent[i]
		}
	}
	t.Fatalf("nothing sent to %s", address)
	return message{}
}

type quiet struct{}

func (quiet) Notify() {}

func newSite(t *testing.T) *site {
	t.Helper()
	st, pool := demodb.Open(t)
	key := func() []byte { b := make([]byte, 32); _, _ = rand.Read(b); return b }
	sealer, err := sealing.New(key())
	if err != nil {
		t.Fatal(err)
	}
	files, err := filestore.Open(context.Background(), filestore.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	iss, verifier := sessiontest.Keys(t)
	now := func() time.Time { return time.Now().Truncate(time.Microsecond) }
	cal, cat, dossiers := worktime.NewLive(), app.NewCatalog(st, time.Minute), store.NewDossiers(pool, sealer)
	box := &mailbox{}
	log := slog.New(slog.DiscardHandler)
	pinKey := key()
	registrar := &app.Registrar{Dossiers: dossiers, Catalog: cat, Calendar: cal, Sealer: sealer, EventSealer: sealer,
		PINKey: pinKey, Relay: quiet{}, Now: now}
	processor := &app.Processor{Dossiers: dossiers, Catalog: cat, Calendar: cal, Sealer: sealer, EventSealer: sealer,
		Relay: quiet{}, Now: now}
	p := &Pages{Log: log, Catalog: st, Verifier: verifier,
		Verifications: &app.Verifications{Store: st, Send: box, Key: key(), Issuer: iss, Now: now},
		Online:        &app.Online{Registrar: registrar, Files: files},
		CodesAsked:    ratelimit.New(20, time.Minute, 100), WrongCodes: ratelimit.New(20, time.Minute, 100),
		WrongPINs: ratelimit.New(20, time.Minute, 100), SpoolDir: t.TempDir(),
		// No gateway until a test sets one: fees are paid at the desk.
		Payments: &app.Payments{Store: dossiers, Processor: processor, PINKey: pinKey,
			ReturnURL: "http://motcua.test/api/v1/payments/vnpay/return"}}
	r := chi.NewRouter()
	p.Mount(r)
	return &site{t: t, h: r, pool: pool, box: box, processor: processor, payments: p.Payments}
}

func (s *site) get(path string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	return pagetest.Get(s.h, path, cookies...)
}

// post sends form with the CSRF token of its page.
func (s *site) post(path string, form url.Values, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	return pagetest.Post(s.h, path, form, cookies...)
}

// file is a file a form sends: its input and its name.
type file struct {
	input, name string
	body        []byte
}

// postMultipart sends fields (the CSRF token of its page first, unless noToken) and
// files as multipart/form-data, as a browser sends a form with files, empty file
// inputs included.
func (s *site) postMultipart(path string, fields [][2]string, files []file, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range fields {
		if err := mw.WriteField(f[0], f[1]); err != nil {
			s.t.Fatal(err)
		}
	}
	for _, f := range files {
		w, err := mw.CreateFormFile(f.input, f.name)
		if err != nil {
			s.t.Fatal(err)
		}
		w.Write(f.body)
	}
	if err := mw.Close(); err != nil {
		s.t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodPost, path, &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return pagetest.Serve(s.h, r, append(cookies, &http.Cookie{Name: csrf.CookieName, Value: pagetest.Token})...)
}

// token is the CSRF field of the tests' browser.
func token() [2]string { return [2]string{csrf.FieldName, pagetest.FieldFor()} }

var codeIn = regexp.MustCompile(`\b\d{6}\b`)

// The code and PIN on the page of a dossier just submitted.
var (
	codeOnPage = regexp.MustCompile(`id="dossier-code">([^<]+)<`)
	pinOnPage  = regexp.MustCompile(`id="lookup-pin">([^<]+)<`)
)

// shownCode is the dossier's code and PIN a submission's page shows.
func shownCode(t *testing.T, page string) (code, pin string) {
	t.Helper()
	c, p := codeOnPage.FindStringSubmatch(page), pinOnPage.FindStringSubmatch(page)
	if c == nil || p == nil {
		t.Fatalf("no code or PIN on the page: %s", page)
	}
	return c[1], p[1]
}

// submitted submits a household business registration with its two papers through the
// pages, as the citizen of address, the form drawn with key, and returns its code and PIN.
func (s *site) submitted(address, key string) (code, pin string) {
	s.t.Helper()
	cookie := s.prove(address, "2.000720")
	w := s.postMultipart(ProcedurePath+"2.000720", application(key),
		[]file{{"file-0", "a.pdf", pdf("a")}, {"file-1", "b.pdf", pdf("b")}}, cookie)
	return shownCode(s.t, w.Body.String())
}

// prove proves address as a citizen does through the pages and returns the cookie that
// keeps the proof.
func (s *site) prove(address, procedure string) *http.Cookie {
	s.t.Helper()
	w := s.post(VerifyPath, url.Values{"contact": {address}, "thu-tuc": {procedure}})
	if w.Code != http.StatusSeeOther {
		s.t.Fatalf("ask for a code: %d %s", w.Code, w.Body)
	}
	form := s.get(w.Header().Get("Location"))
	id := regexp.MustCompile(`name="id" value="([^"]+)"`).FindStringSubmatch(form.Body.String())
	if form.Code != http.StatusOK || id == nil {
		s.t.Fatalf("the code's form: %d %s", form.Code, form.Body)
	}
	code := codeIn.FindString(s.box.last(s.t, strings.ToLower(address)).text)
	w = s.post(ConfirmPath, url.Values{"id": {id[1]}, "code": {code}, "thu-tuc": {procedure}})
	for _, c := range w.Result().Cookies() {
		if c.Name == contactCookie && w.Code == http.StatusSeeOther {
			return c
		}
	}
	s.t.Fatalf("confirm the code: %d %v", w.Code, w.Header())
	return nil
}

// wants checks that w answered status with a body holding each of want.
func wants(t *testing.T, what string, w *httptest.ResponseRecorder, status int, want ...string) {
	t.Helper()
	if w.Code != status {
		t.Errorf("%s: status %d, want %d\n%s", what, w.Code, status, w.Body)
		return
	}
	for _, s := range want {
		if !strings.Contains(w.Body.String(), s) {
			t.Errorf("%s: the page lacks %q", what, s)
		}
	}
}

// desk is a member of the district desk's staff.
var desk = &auth.Principal{Username: "desk.xuanloc", Role: auth.RoleDesk, Offices: []string{"000.00.16.H19"}}
