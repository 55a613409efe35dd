package servicetest

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/logging"
	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/platform/natstest"
	"github.com/motcua/motcua/services/platform/pgtest"
	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/postal/projection"
	"github.com/motcua/motcua/services/postal/service"
)

// dbURL is this package's own database; each test environment creates a fresh one next
// to it, so tests can run in parallel and count tracking serials from 1.
var dbURL string

func TestMain(m *testing.M) { pgtest.Main(m, &dbURL) }

// clock is the service's clock: the real time until a test fixes it.
type clock struct {
	mu    sync.Mutex
	fixed time.Time
}

// Now is the fixed time, or the real one when none is set.
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fixed.IsZero() {
		return time.Now()
	}
	return c.fixed
}

// Set fixes the clock at t.
func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fixed = t
}

// env is one running postal service: its own database, NATS server, workers and HTTP
// server, and the demo geography published as intake would.
type env struct {
	URL    string
	DB     *pgxpool.Pool // the service's database (search_path postal), for looking behind the API
	JS     jetstream.JetStream
	Clock  *clock
	Logs   *logging.Capture
	issuer *auth.Issuer
}

// The demo geography: the district desk and the commune of Bảo Hòa, each served by its
// post office; Gia Ray, another commune with its postal point, for the staff of other
// offices.
const (
	districtDesk       = "000.00.16.H19"
	districtPostOffice = "000.30.16.H19"
	baoHoa             = "000.02.16.H19"
	baoHoaPostOffice   = "000.32.16.H19"
	giaRay             = "000.01.16.H19"
	giaRayPostOffice   = "000.31.16.H19"
)

// office is an office as intake publishes it.
type office struct {
	Code, Name, Kind, Parent, Address, PostOffice string
}

var geography = []office{
	{districtPostOffice, "Bưu điện huyện Xuân Lộc", "post_office", "", "Đường Hùng Vương, thị trấn Gia Ray, huyện Xuân Lộc", ""},
	{baoHoaPostOffice, "Điểm Bưu điện - Văn hóa xã Bảo Hòa", "post_office", districtPostOffice, "xã Bảo Hòa, huyện Xuân Lộc", ""},
	{giaRayPostOffice, "Điểm Bưu điện - Văn hóa thị trấn Gia Ray", "post_office", districtPostOffice, "thị trấn Gia Ray, huyện Xuân Lộc", ""},
	{districtDesk, "Bộ phận Một cửa huyện Xuân Lộc", "district_desk", "", "267 Hùng Vương, Khu 1, thị trấn Gia Ray", districtPostOffice},
	{baoHoa, "UBND xã Bảo Hòa", "commune_centre", districtDesk, "Trụ sở UBND xã Bảo Hòa, huyện Xuân Lộc", baoHoaPostOffice},
	{giaRay, "UBND thị trấn Gia Ray", "commune_centre", districtDesk, "Trụ sở UBND thị trấn Gia Ray, huyện Xuân Lộc", giaRayPostOffice},
}

// start brings up a postal service with the demo geography known to it; everything
// stops when the test ends.
func start(t *testing.T) *env {
	t.Helper()
	e := startBare(t)
	for _, o := range geography {
		e.publishOffice(t, o, 1)
	}
	waitfor.Until(t, "the offices to reach the post", func() bool {
		return e.count(t, "SELECT count(*) FROM offices") == len(geography)
	})
	return e
}

// startBare brings up a postal service that knows no office yet.
func startBare(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	u := pgtest.NewDatabase(t, dbURL)
	ns := natstest.Start(t)

	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := service.ReadConfig(config.NewReaderFrom(map[string]string{
		"DATABASE_URL":           u,
		"NATS_URL":               ns.ClientURL(),
		"MOTCUA_DB_MAX_CONNS":    "8",
		"MOTCUA_AUTH_PUBLIC_KEY": base64.StdEncoding.EncodeToString(pub),
		"MOTCUA_DATA_KEY":        base64.StdEncoding.EncodeToString(randomKey()),
		"MOTCUA_EVENT_KEY":       base64.StdEncoding.EncodeToString(eventKey),
	}))
	if err != nil {
		t.Fatal(err)
	}
	clk := &clock{}
	cfg.Now = clk.Now
	// Everything the service logs is kept, to look for personal data in it, and shown
	// when the test fails.
	logs := &logging.Capture{}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the service's log:\n%s", logs.String())
		}
	})
	log := logs.Logger(slog.LevelDebug)
	svc, err := service.New(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)

	url := apitest.Serve(t, "postal", svc, log)
	js := natstest.Client(t, ns.ClientURL())
	// The workers make the durable consumers as they start: a test that reads a
	// consumer's state must not ask before it exists.
	for _, c := range []messaging.ConsumerOptions{projection.OfficeConsumer, projection.DossierConsumer} {
		waitfor.Until(t, "the consumer "+c.Durable, func() bool {
			_, err := js.Consumer(ctx, c.Stream, c.Durable)
			return err == nil
		})
	}
	return &env{URL: url, DB: svc.Pool, JS: js, Clock: clk, Logs: logs, issuer: auth.NewIssuer(priv, time.Hour)}
}

func randomKey() []byte {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return b
}

// count runs a query that returns one number.
func (e *env) count(t testing.TB, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := e.DB.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// The staff of the tests: one account per role and office, signed as intake signs them.
var staff = map[string]auth.Principal{
	"desk.xuanloc":       {Username: "desk.xuanloc", Role: auth.RoleDesk, Offices: []string{districtDesk}},
	"desk.giaray":        {Username: "desk.giaray", Role: auth.RoleDesk, Offices: []string{giaRay}},
	"officer.baohoa":     {Username: "officer.baohoa", Role: auth.RoleOfficer, Offices: []string{baoHoa}},
	"officer.xuanloc":    {Username: "officer.xuanloc", Role: auth.RoleOfficer, Offices: []string{districtDesk}},
	"postal.xuanloc":     {Username: "postal.xuanloc", Role: auth.RolePostal, Offices: []string{districtPostOffice}},
	"postal.baohoa":      {Username: "postal.baohoa", Role: auth.RolePostal, Offices: []string{baoHoaPostOffice}},
	"postal.giaray":      {Username: "postal.giaray", Role: auth.RolePostal, Offices: []string{giaRayPostOffice}},
	"supervisor.xuanloc": {Username: "supervisor.xuanloc", Role: auth.RoleSupervisor, Offices: []string{districtDesk, baoHoa, giaRay}},
	"supervisor.giaray":  {Username: "supervisor.giaray", Role: auth.RoleSupervisor, Offices: []string{giaRay}},
	"admin.giaray":       {Username: "admin.giaray", Role: auth.RoleAdmin, Offices: []string{giaRay}},
}

// token returns a token for one of staff, valid for an hour of real time.
func (e *env) token(t testing.TB, username string) string {
	t.Helper()
	p, ok := staff[username]
	if !ok {
		t.Fatalf("no test account %s", username)
	}
	tok, err := e.issuer.Issue(p, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}
