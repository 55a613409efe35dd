package service_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/lookuppin"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/natstest"
	"github.com/motcua/motcua/services/platform/pgtest"
	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/status/service"
)

var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

var quiet = slog.New(slog.DiscardHandler)

// ict is the offices' time zone as the API must show it.
var ict = time.FixedZone("ICT", 7*3600)

// env is one test's world: a database of its own, a NATS server of its own, the keys,
// and status running on them (started and stopped by the test).
type env struct {
	t      *testing.T
	dbURL  string
	nats   string
	pinKey []byte
	pool   *pgxpool.Pool
	js     jetstream.JetStream

	// now, when set, is the clock of status's answers (otherwise the real one).
	now func() time.Time
	// issuer signs staff tokens status accepts (set by start).
	issuer *auth.Issuer

	svc *service.Service
	// url is the address of status's API while it runs.
	url  string
	stop func()
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	u := pgtest.NewDatabase(t, dbURL)
	ns := natstest.Start(t)
	pool, err := pgxpool.New(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	e := &env{t: t, dbURL: u, nats: ns.ClientURL(), pinKey: key, pool: pool, js: natstest.Client(t, ns.ClientURL())}
	t.Cleanup(func() {
		if e.stop != nil {
			e.stop()
		}
	})
	return e
}

// startEnv is a test's world with status running on it, on the real clock.
func startEnv(t *testing.T) *env {
	t.Helper()
	e := newEnv(t)
	e.start()
	return e
}

// startEnvAt is a test's world with status running on it, its clock stopped at now.
func startEnvAt(t *testing.T, now time.Time) *env {
	t.Helper()
	e := newEnv(t)
	e.now = func() time.Time { return now }
	e.start()
	return e
}

// start builds status as the binaries do and serves its routes; the workers run until
// stop.
func (e *env) start() {
	t := e.t
	t.Helper()
	if e.stop != nil {
		t.Fatal("status is already running")
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	e.issuer = auth.NewIssuer(priv, time.Hour)
	cfg, err := service.ReadConfig(config.NewReaderFrom(map[string]string{
		"DATABASE_URL":           e.dbURL,
		"NATS_URL":               e.nats,
		"MOTCUA_AUTH_PUBLIC_KEY": base64.StdEncoding.EncodeToString(pub),
		"MOTCUA_PIN_KEY":         base64.StdEncoding.EncodeToString(e.pinKey),
	}))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Now = e.now
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	svc, err := service.New(ctx, cfg, quiet)
	if err != nil {
		t.Fatal(err)
	}
	url, stop := apitest.Run("status", svc, quiet)
	e.svc, e.url = svc, url
	e.stop = func() {
		stop()
		svc.Close()
		e.svc, e.url, e.stop = nil, "", nil
	}
}

// dossier is a Received event the test publishes, with the PIN printed on its receipt.
type dossier struct {
	id      uuid.UUID
	eventID uuid.UUID
	code    string
	pin     string
	ev      *dossierv1.Event
}

var seq struct {
	sync.Mutex
	n int
}

// newDossier describes a dossier received on 10 March 2026 at 09:00 in Hà Nội's time,
// due at due.
func (e *env) newDossier(due time.Time) *dossier {
	seq.Lock()
	seq.n++
	n := seq.n
	seq.Unlock()
	d := &dossier{
		id:      uuid.New(),
		eventID: uuid.New(),
		code:    fmt.Sprintf("000.00.16.H19-260310-%04d", n),
		pin:     lookuppin.New(),
	}
	received := time.Date(2026, 3, 10, 9, 0, 0, 0, ict)
	d.ev = &dossierv1.Event{
		EventId:    d.eventID.String(),
		OccurredAt: timestamppb.New(received.Add(5 * time.Second)),
		DossierId:  d.id.String(),
		Version:    1,
		Actor:      &dossierv1.Actor{Username: "desk1", OfficeCode: "000.00.16.H19"},
		Kind: &dossierv1.Event_Received{Received: &dossierv1.Received{
			Code:                d.code,
			Procedure:           &dossierv1.Ref{Code: "1.004227", Name: "Cấp giấy phép xây dựng nhà ở riêng lẻ"},
			ReceivingOffice:     &dossierv1.Ref{Code: "000.00.16.H19", Name: "Bộ phận Một cửa huyện Đông Anh"},
			HandlingOffice:      &dossierv1.Ref{Code: "000.00.16.H19.07", Name: "Phòng Quản lý đô thị"},
			Channel:             dossierv1.Channel_CHANNEL_DESK,
			ApplicantMaskedName: "N*** V** A*",
			PinHash:             lookuppin.Hash(e.pinKey, d.code, d.pin),
			ReceivedAt:          timestamppb.New(received),
			DueAt:               timestamppb.New(due),
			TimeLimitHours:      120,
			Status:              "received",
			StatusCode:          1,
			ResultDelivery:      dossierv1.DeliveryMethod_DELIVERY_METHOD_DESK,
			FeeDueVnd:           50000,
			FeePaidVnd:          50000,
		}},
	}
	return d
}

// wrongPIN is a PIN as a citizen may type one, but not d's.
func (d *dossier) wrongPIN() string {
	if d.pin == "2345678923" {
		return "3456789234"
	}
	return "2345678923"
}

func (d *dossier) subject() string { return "dossier.v1." + d.id.String() + ".received" }

func (d *dossier) payload(t *testing.T) []byte {
	t.Helper()
	return marshal(t, d.ev)
}

// publish stores data on subject with msgID as its Nats-Msg-Id and reports whether
// JetStream took it as a duplicate.
func (e *env) publish(subject, msgID string, data []byte) (duplicate bool) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	msg := &nats.Msg{Subject: subject, Data: data, Header: nats.Header{}}
	msg.Header.Set(jetstream.MsgIDHeader, msgID)
	ack, err := e.js.PublishMsg(ctx, msg)
	if err != nil {
		e.t.Fatalf("publish %s: %v", subject, err)
	}
	return ack.Duplicate
}

// publishNew stores data and fails the test if JetStream drops it as a duplicate.
func (e *env) publishNew(subject, msgID string, data []byte) {
	e.t.Helper()
	if e.publish(subject, msgID, data) {
		e.t.Fatalf("message %s taken as a duplicate", msgID)
	}
}

// received publishes d as intake does: its event id as the Nats-Msg-Id.
func (e *env) received(d *dossier) {
	e.t.Helper()
	e.publishNew(d.subject(), d.eventID.String(), d.payload(e.t))
}

// receivedDossier publishes a new dossier due at due, as newDossier describes it.
func (e *env) receivedDossier(due time.Time) *dossier {
	e.t.Helper()
	d := e.newDossier(due)
	e.received(d)
	return d
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

func (a answer) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(a.body, &m); err != nil {
		t.Fatalf("answer is not JSON: %v: %s", err, a.body)
	}
	return m
}

// assertJSON checks that a is a 200 whose JSON body is want, showing both when not.
func assertJSON(t *testing.T, name string, a answer, want map[string]any) {
	t.Helper()
	if a.status != http.StatusOK {
		t.Fatalf("%s: %d %s", name, a.status, a.body)
	}
	if got := a.json(t); !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Errorf("%s: got\n%s\nwant\n%s", name, g, w)
	}
}

// client returns an HTTP client whose connections come from the loopback address from,
// so one test can play several citizens.
func client(from string) *http.Client { return apitest.From(from) }

var defaultClient = client("127.0.0.1")

// get asks status for path with the headers given as name, value pairs.
func (e *env) get(c *http.Client, path string, header ...string) answer {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.url+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return e.do(c, req)
}

// do sends req with c and reads the whole answer.
func (e *env) do(c *http.Client, req *http.Request) answer {
	e.t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: b}
}

func trackPath(code, pin string, query ...string) string {
	q := url.Values{"pin": {pin}}
	for i := 0; i+1 < len(query); i += 2 {
		q.Set(query[i], query[i+1])
	}
	return "/api/v1/track/" + url.PathEscape(code) + "?" + q.Encode()
}

// track looks d up with its PIN as printed.
func (e *env) track(d *dossier, query ...string) answer {
	e.t.Helper()
	return e.get(defaultClient, trackPath(d.code, d.pin, query...))
}

// waitVisible waits until d is in the read model, then checks that status answers 200
// for it. It polls the database, not the API: a lookup of a code status does not know
// yet is a failed lookup, and enough of them get the client refused.
func (e *env) waitVisible(d *dossier) {
	e.t.Helper()
	waitfor.Until(e.t, "dossier "+d.code+" to be folded", func() bool {
		return e.count("SELECT count(*) FROM status.dossiers WHERE code = $1", d.code) > 0
	})
	if a := e.track(d); a.status != http.StatusOK {
		e.t.Fatalf("dossier %s is folded but tracking it answers %d %s", d.code, a.status, a.body)
	}
}

func (e *env) count(query string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.pool.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
	return n
}

// assertFoldedOnce checks that each dossier is in the read model once, with one step.
func (e *env) assertFoldedOnce(ds ...*dossier) {
	e.t.Helper()
	for _, d := range ds {
		if n := e.count("SELECT count(*) FROM status.dossiers WHERE id = $1 OR code = $2", d.id, d.code); n != 1 {
			e.t.Errorf("dossier %s is in the read model %d times, want once", d.code, n)
		}
		if n := e.count("SELECT jsonb_array_length(timeline) FROM status.dossiers WHERE id = $1", d.id); n != 1 {
			e.t.Errorf("dossier %s has %d timeline steps, want 1", d.code, n)
		}
	}
}

// assertInbox checks that the inbox holds exactly one row per message id in ids, and
// nothing else.
func (e *env) assertInbox(ids ...string) {
	e.t.Helper()
	for _, id := range ids {
		if n := e.count("SELECT count(*) FROM status.inbox WHERE consumer = $1 AND event_id = $2", durable, id); n != 1 {
			e.t.Errorf("inbox holds %d rows for message %s, want 1", n, id)
		}
	}
	if n := e.count("SELECT count(*) FROM status.inbox"); n != len(ids) {
		e.t.Errorf("inbox holds %d rows, want %d", n, len(ids))
	}
}

func TestTrackShowsAReceivedDossier(t *testing.T) {
	t.Parallel()
	// Wednesday 18 March 2026, 09:00 in Hà Nội.
	e := startEnvAt(t, time.Date(2026, 3, 18, 9, 0, 0, 0, ict))
	if a := e.get(defaultClient, "/readyz"); a.status != http.StatusOK {
		t.Fatalf("/readyz = %d %s", a.status, a.body)
	}

	// Due on Friday at 17:00: open and within its deadline, with 6 + 8 + 8 working
	// hours left.
	future := time.Date(2026, 3, 20, 17, 0, 0, 0, ict)
	open := e.newDossier(future)
	late := e.newDossier(time.Date(2026, 3, 17, 17, 0, 0, 0, ict)) // long past
	e.received(open)
	e.received(late)
	e.waitVisible(open)
	e.waitVisible(late)

	// The PIN as a citizen may type it: lower case, in groups.
	typed := strings.ToLower(open.pin[:5] + "-" + open.pin[5:])
	a := e.get(defaultClient, trackPath(open.code, typed))
	if a.status != http.StatusOK {
		t.Fatalf("track with %q = %d %s", typed, a.status, a.body)
	}
	want := func(statusLabel, stepLabel, timing string, due time.Time, code string, remaining float64) map[string]any {
		return map[string]any{
			"time_remaining_hours": remaining,
			"code":                 code,
			"procedure":            map[string]any{"code": "1.004227", "name": "Cấp giấy phép xây dựng nhà ở riêng lẻ"},
			"status":               "received",
			"status_code":          float64(1),
			"status_label":         statusLabel,
			"received_at":          "2026-03-10T09:00:00+07:00",
			"due_at":               due.In(ict).Format(time.RFC3339),
			"timing":               timing,
			"current_office": map[string]any{
				"code": "000.00.16.H19", "name": "Bộ phận Một cửa huyện Đông Anh",
			},
			"applicant": "N*** V** A*",
			"timeline": []any{map[string]any{
				"at":     "2026-03-10T09:00:05+07:00",
				"type":   "received",
				"label":  stepLabel,
				"office": map[string]any{"code": "000.00.16.H19", "name": "Bộ phận Một cửa huyện Đông Anh"},
			}},
			"shipments":    []any{},
			"fee_due_vnd":  float64(50000),
			"fee_paid_vnd": float64(50000),
			"receipts":     []any{},
			"held_by": []any{map[string]any{
				"holder": map[string]any{"kind": "office", "code": "000.00.16.H19", "name": "Bộ phận Một cửa huyện Đông Anh"},
				"since":  "2026-03-10T09:00:05+07:00",
				"until":  nil,
			}},
			"notices": []any{},
		}
	}
	assertAnswer := func(name string, a answer, want map[string]any, lang string) {
		t.Helper()
		assertJSON(t, name, a, want)
		if got := a.header.Get("Content-Language"); got != lang {
			t.Errorf("%s: Content-Language %q, want %q", name, got, lang)
		}
		if got := a.header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", name, got)
		}
		if got := a.header.Get("Content-Type"); !strings.HasPrefix(got, "application/json") {
			t.Errorf("%s: Content-Type %q", name, got)
		}
	}
	vi := want("Đã tiếp nhận", "Tiếp nhận hồ sơ", "within_deadline", future, open.code, 22)
	en := want("Received", "Dossier received", "within_deadline", future, open.code, 22)
	assertAnswer("default", a, vi, "vi")
	assertAnswer("spaced PIN", e.get(defaultClient, trackPath(open.code, " "+open.pin[:5]+" "+open.pin[5:]+" ")), vi, "vi")
	assertAnswer("?lang=en", e.track(open, "lang", "en"), en, "en")
	assertAnswer("Accept-Language", e.get(defaultClient, trackPath(open.code, open.pin), "Accept-Language", "en-GB,en;q=0.9,vi;q=0.5"), en, "en")
	assertAnswer("?lang=vi beats Accept-Language", e.get(defaultClient, trackPath(open.code, open.pin, "lang", "vi"), "Accept-Language", "en"), vi, "vi")
	assertAnswer("Accept-Language vi", e.get(defaultClient, trackPath(open.code, open.pin), "Accept-Language", "vi-VN,vi;q=0.9,en;q=0.8"), vi, "vi")
	// Due on Tuesday at 17:00: two working hours overdue on Wednesday at 09:00.
	assertAnswer("overdue", e.track(late), want("Đã tiếp nhận", "Tiếp nhận hồ sơ", "overdue", time.Date(2026, 3, 17, 17, 0, 0, 0, ict), late.code, -2), "vi")

	// Times are written with the +07:00 offset, not Z.
	for _, field := range []string{`"received_at":"2026-03-10T09:00:00+07:00"`, `"at":"2026-03-10T09:00:05+07:00"`} {
		if !bytes.Contains(a.body, []byte(field)) {
			t.Errorf("answer lacks %s: %s", field, a.body)
		}
	}
}

func TestTrackUnknownCodeAndWrongPINLookAlike(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	d := e.receivedDossier(time.Now().Add(24 * time.Hour))
	e.waitVisible(d)

	unknown := e.get(defaultClient, trackPath("000.00.16.H19-260310-9999", d.pin))
	wrong := e.get(defaultClient, trackPath(d.code, d.wrongPIN()))
	tooLong := e.get(defaultClient, trackPath(strings.Repeat("9", 41), d.pin))
	// Codes PostgreSQL cannot take as text: bad input, never a 500.
	notUTF8 := e.get(defaultClient, "/api/v1/track/%FF%FE?pin="+d.pin)
	withNUL := e.get(defaultClient, "/api/v1/track/000.00.16.H19%00?pin="+d.pin)
	for name, a := range map[string]answer{"unknown code": unknown, "wrong PIN": wrong, "over-long code": tooLong,
		"code not in UTF-8": notUTF8, "code with NUL": withNUL} {
		if a.status != http.StatusNotFound {
			t.Errorf("%s: %d %s, want 404", name, a.status, a.body)
		}
		if !bytes.Equal(a.body, unknown.body) {
			t.Errorf("%s: body %s differs from the unknown code's %s", name, a.body, unknown.body)
		}
		if a.header.Get("Content-Type") != unknown.header.Get("Content-Type") || a.header.Get("Content-Language") != "" {
			t.Errorf("%s: headers %v differ from the unknown code's %v", name, a.header, unknown.header)
		}
	}
	var env struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(unknown.body, &env); err != nil || env.Error.Code == "" || env.Error.Message == "" {
		t.Errorf("404 body is not the error envelope: %s", unknown.body)
	}
	// The right PIN still works after a few failures.
	if a := e.track(d); a.status != http.StatusOK {
		t.Fatalf("right PIN after failures: %d %s", a.status, a.body)
	}
	// No PIN at all is a malformed request naming the field, not a failed guess.
	if a := e.get(defaultClient, "/api/v1/track/"+d.code); a.status != http.StatusUnprocessableEntity || a.json(t)["error"].(map[string]any)["field"] != "pin" {
		t.Errorf("no PIN: %d %s, want 422 naming pin", a.status, a.body)
	}
}

// assertTooMany checks a 429 with a Retry-After of a whole number of seconds.
func assertTooMany(t *testing.T, name string, a answer, maxWait int) {
	t.Helper()
	if a.status != http.StatusTooManyRequests {
		t.Fatalf("%s: %d %s, want 429", name, a.status, a.body)
	}
	secs, err := strconv.Atoi(a.header.Get("Retry-After"))
	if err != nil || secs < 1 || secs > maxWait {
		t.Errorf("%s: Retry-After %q, want 1..%d seconds", name, a.header.Get("Retry-After"), maxWait)
	}
	if a.json(t)["error"].(map[string]any)["code"] == "" {
		t.Errorf("%s: no error code in %s", name, a.body)
	}
}

func TestTrackLimitsRepeatedFailures(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	target := e.newDossier(time.Now().Add(24 * time.Hour))
	other := e.newDossier(time.Now().Add(24 * time.Hour))
	e.received(target)
	e.received(other)
	e.waitVisible(target)
	e.waitVisible(other)

	guess := func(c *http.Client, code string, i int) answer {
		return e.get(c, trackPath(code, fmt.Sprintf("ZZ%08d", i)))
	}
	// One client guesses against other codes until it is refused (10 failures allowed).
	a, b, c := defaultClient, client("127.0.0.2"), client("127.0.0.3")
	failures := 0
	for ; failures < 10; failures++ {
		if r := guess(a, fmt.Sprintf("000.00.16.H19-260310-%04d", 5000+failures), failures); r.status != http.StatusNotFound {
			t.Fatalf("guess %d: %d %s, want 404", failures+1, r.status, r.body)
		}
	}
	assertTooMany(t, "the 11th guess", guess(a, "000.00.16.H19-260310-6000", 11), 6)
	// Blocked means blocked: even the right PIN gets no answer from that client.
	assertTooMany(t, "the right PIN from a blocked client", e.track(target), 6)
	// Other citizens are not punished for it.
	if r := e.get(b, trackPath(target.code, target.pin)); r.status != http.StatusOK {
		t.Fatalf("another client: %d %s, want 200", r.status, r.body)
	}

	// Guesses against one code from several clients: after 20 the code is locked for a
	// while to the clients that guessed at it, and to them only.
	for i := 0; i < 9; i++ {
		if r := guess(b, target.code, i); r.status != http.StatusNotFound {
			t.Fatalf("client b guess %d: %d %s, want 404", i+1, r.status, r.body)
		}
	}
	for i := 0; i < 9; i++ {
		if r := guess(c, target.code, i); r.status != http.StatusNotFound {
			t.Fatalf("client c guess %d: %d %s, want 404", i+1, r.status, r.body)
		}
	}
	// 18 failures on the code so far: a fourth client may still look it up.
	d := client("127.0.0.4")
	if r := e.get(d, trackPath(target.code, target.pin)); r.status != http.StatusOK {
		t.Fatalf("right PIN after 18 failures on the code: %d %s, want 200", r.status, r.body)
	}
	for i := 0; i < 2; i++ {
		if r := guess(d, target.code, i); r.status != http.StatusNotFound {
			t.Fatalf("client d guess %d: %d %s, want 404", i+1, r.status, r.body)
		}
	}
	assertTooMany(t, "the right PIN, once the code is locked, from a client that guessed at it", e.get(d, trackPath(target.code, target.pin)), 60)
	if r := e.get(client("127.0.0.5"), trackPath(target.code, target.pin)); r.status != http.StatusOK {
		t.Fatalf("the owner's right PIN from another client once the code is locked: %d %s, want 200", r.status, r.body)
	}
	// Other codes stay open to clients that are not blocked.
	if r := e.get(d, trackPath(other.code, other.pin)); r.status != http.StatusOK {
		t.Fatalf("another code: %d %s, want 200", r.status, r.body)
	}
}

// shortDedupe shrinks the duplicate window of DOSSIER to its minimum, so the test can
// store a second message under a Nats-Msg-Id the stream has already taken, as a relay
// that published twice long apart would.
func (e *env) shortDedupe() {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := e.js.Stream(ctx, messaging.DossierStream)
	if err != nil {
		e.t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	cfg := info.Config
	cfg.Duplicates = 100 * time.Millisecond
	if _, err := e.js.UpdateStream(ctx, cfg); err != nil {
		e.t.Fatal(err)
	}
}

func TestEachEventIsFoldedOnce(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	e.shortDedupe()

	d := e.receivedDossier(time.Now().Add(24 * time.Hour))
	e.waitVisible(d)

	// A replay: the same event under another message id. The inbox lets it through;
	// the read model must not change.
	replayID := uuid.NewString()
	e.publishNew(d.subject(), replayID, d.payload(t))

	// The same message id again, once the stream's duplicate window has let go of it.
	// Its payload is another dossier: only the inbox can keep it out.
	decoy := e.newDossier(time.Now().Add(24 * time.Hour))
	decoyData := decoy.payload(t)
	waitfor.Until(t, "the duplicate window to pass", func() bool {
		return !e.publish(decoy.subject(), d.eventID.String(), decoyData)
	})

	after := e.receivedDossier(time.Now().Add(24 * time.Hour))
	e.waitVisible(after)
	e.waitSettled()

	e.assertFoldedOnce(d, after)
	if a := e.track(d); a.status != http.StatusOK || len(a.json(t)["timeline"].([]any)) != 1 {
		t.Errorf("after the replay: %d %s, want one timeline step", a.status, a.body)
	}
	if n := e.count("SELECT count(*) FROM status.dossiers WHERE id = $1 OR code = $2", decoy.id, decoy.code); n != 0 {
		t.Errorf("a redelivered message id was applied: the decoy dossier is in the read model")
	}
	if a := e.track(decoy); a.status != http.StatusNotFound {
		t.Errorf("decoy dossier: %d %s, want 404", a.status, a.body)
	}
	e.assertInbox(d.eventID.String(), replayID, after.eventID.String())
	if n := e.count("SELECT count(*) FROM status.dossiers"); n != 2 {
		t.Errorf("%d dossiers in the read model, want 2", n)
	}
}

func TestPoisonEventsAreDeadLettered(t *testing.T) {
	t.Parallel()
	e := startEnv(t)

	// Not protobuf at all: 0x6e opens field 13 with wire type 6, which does not exist.
	garbage := []byte("not protobuf at all")
	garbageSubject := "dossier.v1." + uuid.NewString() + ".received"
	garbageID := uuid.NewString()
	e.publishNew(garbageSubject, garbageID, garbage)

	// A well-formed event that does not say which dossier it is about.
	anon := e.newDossier(time.Now().Add(24 * time.Hour))
	anon.ev.DossierId = ""
	anonData := anon.payload(t)
	e.publishNew(anon.subject(), anon.eventID.String(), anonData)

	good := e.receivedDossier(time.Now().Add(24 * time.Hour))
	e.waitVisible(good)

	// Another dossier claiming a code that is already taken: no retry can apply it.
	clash := e.newDossier(time.Now().Add(24 * time.Hour))
	clash.code = good.code
	clash.ev.GetReceived().Code = good.code
	clashData := clash.payload(t)
	e.publishNew(clash.subject(), clash.eventID.String(), clashData)

	var dls []*jetstream.RawStreamMsg
	waitfor.Until(t, "three dead letters", func() bool { dls = e.deadLetters(dossierEvents); return len(dls) >= 3 })
	e.waitSettled()
	if dls = e.deadLetters(dossierEvents); len(dls) != 3 {
		t.Fatalf("%d dead letters, want 3", len(dls))
	}
	want := map[string]struct {
		data   []byte
		reason string
	}{
		garbageSubject:  {garbage, "decode"},
		anon.subject():  {anonData, "dossier id"},
		clash.subject(): {clashData, "another dossier"},
	}
	for _, dl := range dls {
		orig := dl.Header.Get("Motcua-Original-Subject")
		w, ok := want[orig]
		if !ok {
			t.Errorf("dead letter from unexpected subject %q", orig)
			continue
		}
		delete(want, orig)
		if got := dl.Header.Get("Motcua-Error"); !strings.Contains(got, w.reason) {
			t.Errorf("dead letter of %s: Motcua-Error %q, want it to mention %q", orig, got, w.reason)
		}
		if got := dl.Header.Get("Motcua-Consumer"); got != durable {
			t.Errorf("dead letter of %s: Motcua-Consumer %q", orig, got)
		}
		if got := dl.Header.Get("Motcua-Stream"); got != messaging.DossierStream {
			t.Errorf("dead letter of %s: Motcua-Stream %q", orig, got)
		}
		if !bytes.Equal(dl.Data, w.data) {
			t.Errorf("dead letter of %s: payload %q, want the original %q", orig, dl.Data, w.data)
		}
	}
	for subject := range want {
		t.Errorf("nothing dead-lettered from %s", subject)
	}
	e.assertFoldedOnce(good)
	if n := e.count("SELECT count(*) FROM status.dossiers"); n != 1 {
		t.Errorf("%d dossiers in the read model, want 1", n)
	}
	// Nothing of the poison messages was kept, not even their inbox rows.
	e.assertInbox(good.eventID.String())
}

func TestRestartCatchesUpOnMissedEvents(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	first := e.receivedDossier(time.Now().Add(24 * time.Hour))
	e.waitVisible(first)
	e.waitSettled()
	e.stop()

	// Published while status is down.
	missed := make([]*dossier, 5)
	for i := range missed {
		missed[i] = e.newDossier(time.Now().Add(24 * time.Hour))
		e.received(missed[i])
	}
	replayID := uuid.NewString()
	e.publishNew(first.subject(), replayID, first.payload(t))

	e.start()
	for _, d := range missed {
		e.waitVisible(d)
	}
	e.waitSettled()
	e.waitVisible(first)
	all := append([]*dossier{first}, missed...)
	e.assertFoldedOnce(all...)
	ids := []string{first.eventID.String(), replayID}
	for _, d := range missed {
		ids = append(ids, d.eventID.String())
	}
	e.assertInbox(ids...)
	if n := e.count("SELECT count(*) FROM status.dossiers"); n != len(all) {
		t.Errorf("%d dossiers in the read model, want %d", n, len(all))
	}
}
