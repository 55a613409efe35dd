package security

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/allinone/users"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/apitest"
)

// handovers are the hand-over records the table's {id} names, by variant: the district
// post office's to the district desk ("own" for the callers, each of one of its two
// sides), Gia Ray's post office's to its commune office ("other"), and none ("missing").
var handovers = map[string]string{}

// setUpHandovers draws up the two records: each side's desk registers a dossier and
// opens its pickup, the side's postal worker collects it and hands it over with a record.
// Gia Ray's post office gets a worker of its own for it.
func setUpHandovers(t *testing.T, s servertest.Served) {
	t.Helper()
	err := users.Add(context.Background(), []string{"--username", "security.postal.giaray", "--role", "postal",
		"--office", demo.PostOfficeOf(otherCommune)}, strings.NewReader(demo.Password+"\n"), &strings.Builder{},
		s.DatabaseURL, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("users add: %v", err)
	}
	c := newClient(t, s.Base, "127.0.0.2")
	give := func(desk, worker, office, procedure string, i int) string {
		tok, postal := c.token(desk, demo.Password), c.token(worker, demo.Password)
		a := c.do(call{method: http.MethodPost, path: "/api/v1/dossiers", json: json.RawMessage(apiclient.Registration(office, procedure, i)), token: tok})
		var d struct {
			Code string `json:"code"`
		}
		if a.status != http.StatusCreated || json.Unmarshal([]byte(a.body), &d) != nil {
			t.Fatalf("registration at %s: %s", office, a)
		}
		var s struct {
			TrackingNumber string `json:"tracking_number"`
		}
		eventually(t, "a pickup for "+d.Code, func() bool {
			a = c.do(call{method: http.MethodPost, path: "/api/v1/shipments", token: tok,
				json: map[string]string{"dossier_code": d.Code, "kind": "pickup", "address": "Khu 3, thị trấn Gia Ray"}})
			return a.status == http.StatusCreated && json.Unmarshal([]byte(a.body), &s) == nil
		})
		a = c.do(call{method: http.MethodPost, path: "/api/v1/shipments/" + s.TrackingNumber + "/events", token: postal,
			json: map[string]string{"event_id": uuid.NewString(), "type": "picked_up", "occurred_at": time.Now().Format(time.RFC3339Nano)}})
		if a.status != http.StatusOK {
			t.Fatalf("picked up %s: %s", s.TrackingNumber, a)
		}
		a = c.do(call{method: http.MethodPost, path: "/api/v1/handovers", token: postal,
			json: map[string]any{"to_office": office, "tracking_numbers": []string{s.TrackingNumber}}})
		var h struct {
			ID string `json:"id"`
		}
		if a.status != http.StatusCreated || json.Unmarshal([]byte(a.body), &h) != nil {
			t.Fatalf("the record to %s: %s", office, a)
		}
		return h.ID
	}
	handovers[own] = give("desk.xuanloc", "postal.xuanloc", demo.DistrictDesk, "2.000720", 7101)
	handovers[other] = give("desk.giaray", "security.postal.giaray", otherCommune, "1.004873", 7102)
	handovers[missing] = uuid.NewString()
}

// signature is a receiving officer's signature, as a confirmation carries it (base64).
var signature = base64.StdEncoding.EncodeToString(apitest.SignaturePNG())
