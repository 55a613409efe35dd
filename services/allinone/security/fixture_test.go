package security

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/allinone/users"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/postal/domain/s10"
)

// Roles are the callers the suite tries every route as; anonymous carries nothing.
var roles = []string{"anonymous", "desk", "officer", "postal", "supervisor", "admin"}

// callers are the accounts that play each role. Each belongs to the Xuân Lộc district
// desk's side (its post office for the postal worker), where the fixture's "own"
// dossier and shipment are, and none to Gia Ray's, where the "other" ones are. The demo
// supervisor oversees every commune, so the suite adds one who oversees the district
// desk only.
var callers = map[string]string{
	"desk": "desk.xuanloc", "officer": "officer.xuanloc", "postal": "postal.xuanloc",
	"supervisor": "security.supervisor", "admin": "admin.xuanloc",
}

// otherCommune is Gia Ray's commune office, where the "other" dossier is.
const otherCommune = "000.01.16.H19"

// side is a dossier with its lookup PIN, the applicant's ID number and a shipment.
type side struct {
	code, pin, idNumber, tracking string
}

// fixture is what the route table speaks of.
type fixture struct {
	own, other side
	// missingCode and missingTracking are well-formed and name nothing.
	missingCode, missingTracking string
	// scratch is an account made for the routes that change an account.
	scratch string
}

// setUp makes the fixture on a served all-in-one: the extra supervisor and a scratch
// account, one dossier at each side registered by its desk, and a pickup shipment for
// each opened by that desk (once postal has heard of the dossier).
func setUp(t *testing.T, s servertest.Served) *fixture {
	t.Helper()
	ctx := context.Background()
	add := func(username, role, office string) {
		err := users.Add(ctx, []string{"--username", username, "--role", role, "--office", office},
			strings.NewReader(demo.Password+"\n"), &strings.Builder{}, s.DatabaseURL, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatalf("users add %s: %v", username, err)
		}
	}
	add("security.supervisor", "supervisor", demo.DistrictDesk)
	add("security.scratch", "desk", demo.DistrictDesk)

	c := newClient(t, s.Base, "127.0.0.1")
	f := &fixture{scratch: "security.scratch"}
	registerAt := func(desk, office, procedure string, i int) side {
		tok := c.token(desk, demo.Password)
		body := json.RawMessage(apiclient.Registration(office, procedure, i))
		a := c.do(call{method: http.MethodPost, path: "/api/v1/dossiers", json: body, token: tok})
		var r struct {
			Code      string `json:"code"`
			LookupPIN string `json:"lookup_pin"`
		}
		if a.status != http.StatusCreated || json.Unmarshal([]byte(a.body), &r) != nil {
			t.Fatalf("registration at %s: %s", office, a)
		}
		sd := side{code: r.Code, pin: r.LookupPIN, idNumber: fmt.Sprintf("%012d", 100000000000+i)}
		ship := map[string]string{"dossier_code": r.Code, "kind": "pickup", "address": "Khu 2, thị trấn Gia Ray"}
		eventually(t, "a pickup for "+r.Code, func() bool {
			a = c.do(call{method: http.MethodPost, path: "/api/v1/shipments", json: ship, token: tok})
			var v struct {
				TrackingNumber string `json:"tracking_number"`
			}
			if a.status == http.StatusCreated && json.Unmarshal([]byte(a.body), &v) == nil {
				sd.tracking = v.TrackingNumber
				return true
			}
			return false
		})
		eventually(t, "status hears of "+r.Code, func() bool {
			return c.do(call{method: http.MethodGet, path: "/api/v1/track/" + r.Code + "?pin=" + r.LookupPIN}).status == http.StatusOK
		})
		return sd
	}
	f.own = registerAt("desk.xuanloc", demo.DistrictDesk, "2.000720", 7001)
	f.other = registerAt("desk.giaray", otherCommune, "1.004873", 7002)

	f.missingCode = strings.TrimSuffix(f.own.code, f.own.code[len(f.own.code)-4:]) + "9999"
	n, err := s10.New(f.own.tracking[:2], 99999999)
	if err != nil {
		t.Fatal(err)
	}
	f.missingTracking = string(n)
	return f
}
