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
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/s10"
)

// Roles are the callers the suite tries every route as: anonymous carries nothing, the
// citizen a contact token (from the verification of an e-mail address), the others a
// staff account's token.
var roles = []string{"anonymous", "citizen", "desk", "officer", "postal", "supervisor", "admin"}

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

// filed is a dossier a citizen submitted online, with its lookup PIN and its one file.
type filed struct {
	code, pin, fileID string
	file              []byte
}

// fixture is what the route table speaks of.
type fixture struct {
	own, other side
	// ownOnline and otherOnline were submitted online to the Xuân Lộc district desk
	// and to Gia Ray's commune office.
	ownOnline, otherOnline filed
	// missingCode and missingTracking are well-formed and name nothing.
	missingCode, missingTracking string
	// scratch is an account made for the routes that change an account.
	scratch string
}

// setUp makes the fixture on a served all-in-one that mails through mails: the extra
// supervisor and a scratch account, one dossier at each side registered by its desk, a
// pickup shipment for each opened by that desk (once postal has heard of the dossier),
// and one dossier at each side submitted online by a citizen with a file.
func setUp(t *testing.T, s servertest.Served, mails *mailtest.Server) *fixture {
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
	citizen := s.ContactToken(t, c.http, mails, "security.fixture@example.vn")
	f.ownOnline = submitAt(t, c, citizen, demo.DistrictDesk, "2.000720")
	f.otherOnline = submitAt(t, c, citizen, otherCommune, "1.004873")

	f.missingCode = strings.TrimSuffix(f.own.code, f.own.code[len(f.own.code)-4:]) + "9999"
	n, err := s10.New(f.own.tracking[:2], 99999999)
	if err != nil {
		t.Fatal(err)
	}
	f.missingTracking = string(n)
	return f
}

// submitAt submits a dossier online to office as the citizen of token, with one PDF,
// and waits until the citizen's lookup finds it.
func submitAt(t *testing.T, c *client, token, office, procedure string) filed {
	t.Helper()
	application, err := json.Marshal(map[string]any{"procedure_code": procedure, "receiving_office": office,
		"applicant":       map[string]string{"full_name": "Lê Thị Hoa", "id_number": "079912340001", "address": "Khu 6, thị trấn Gia Ray"},
		"documents":       []map[string]string{{"name": "Bản sao căn cước công dân", "kind": "copy", "file": "scan"}},
		"result_delivery": map[string]string{"method": "desk"}})
	if err != nil {
		t.Fatal(err)
	}
	file := apitest.PDF("security fixture, submitted to " + office)
	body, ctype := apitest.Multipart(t, map[string]string{"application": string(application)},
		apitest.File{Part: "scan", Name: "cccd.pdf", Body: file})
	a := c.do(call{method: http.MethodPost, path: "/api/v1/public/dossiers", token: token, body: body, ctype: ctype})
	var r struct {
		Code      string `json:"code"`
		LookupPIN string `json:"lookup_pin"`
		Files     []struct {
			ID string `json:"id"`
		} `json:"files"`
	}
	if a.status != http.StatusCreated || json.Unmarshal([]byte(a.body), &r) != nil || len(r.Files) != 1 {
		t.Fatalf("submission online to %s: %s", office, a)
	}
	eventually(t, "status hears of "+r.Code, func() bool {
		return c.do(call{method: http.MethodGet, path: "/api/v1/track/" + r.Code + "?pin=" + r.LookupPIN}).status == http.StatusOK
	})
	return filed{code: r.Code, pin: r.LookupPIN, fileID: r.Files[0].ID, file: file}
}
