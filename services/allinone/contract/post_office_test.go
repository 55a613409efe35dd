package contract

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/worktime"
)

// counterReceipt is the answer to a registration at a post office's counter.
type counterReceipt struct {
	Code       string          `json:"code"`
	LookupPIN  string          `json:"lookup_pin"`
	Status     string          `json:"status"`
	StatusCode int             `json:"status_code"`
	ReceivedAt json.RawMessage `json:"received_at"`
	Shipment   struct {
		TrackingNumber string `json:"tracking_number"`
	} `json:"shipment"`
}

// shipmentSeen is a shipment as GET /api/v1/shipments/{tracking_number} shows it.
type shipmentSeen struct {
	Kind             string `json:"kind"`
	Status           string `json:"status"`
	SealNumber       string `json:"seal_number"`
	PostageVND       int64  `json:"postage_vnd"`
	OriginPostOffice struct {
		Code string `json:"code"`
	} `json:"origin_post_office"`
	To *struct {
		Code string `json:"code"`
	} `json:"to"`
}

// atCounter is a registration at the Bảo Hòa postal point for the district's desk, the
// result to be collected back at that postal point.
func atCounter(t *testing.T, postOffice string) []byte {
	return apitest.JSON(t, map[string]any{
		"procedure_code": "2.000720", "receiving_office": demo.DistrictDesk, "channel": "post",
		"post_office": postOffice, "seal_number": "NP-2026-000451", "postage_vnd": 26000, "fee_paid_vnd": 100000,
		"applicant":       map[string]string{"full_name": "Lê Văn Cường", "id_number": "075123456781", "phone": "0912345679"},
		"documents":       []map[string]any{{"name": "Giấy đề nghị đăng ký hộ kinh doanh", "kind": "original"}},
		"result_delivery": map[string]string{"method": "post_office", "post_office": postOffice},
	})
}

// event records a shipment's step as a postal worker's phone sends it.
func event(t *testing.T, s servertest.Served, tracking, worker, kind string, proof map[string]any) {
	t.Helper()
	body := map[string]any{"event_id": uuid.NewString(), "type": kind, "occurred_at": time.Now().Format(time.RFC3339Nano)}
	if proof != nil {
		body["proof"] = proof
	}
	call(t, s, http.MethodPost, "/api/v1/shipments/"+tracking+"/events", worker, apitest.JSON(t, body)).
		Expect(t, http.StatusOK)
}

// TestCounterIntake drives the post office as a door through the contract: a postal
// worker registers a dossier at the counter, the pickup is accepted at once under the
// seal, the desk cannot receive it until the post delivers it there, and receives it
// from that delivery's time; the result goes back to the post office the citizen
// chose, who collects it there with proof, and the dossier is returned.
func TestCounterIntake(t *testing.T) {
	s := servertest.Start(t, dbURL, nil)
	baohoa := demo.PostOfficeOf("000.02.16.H19")
	worker, district := token(t, s, "postal.baohoa"), token(t, s, "postal.xuanloc")
	desk := token(t, s, "desk.xuanloc")

	// The refusals first: another post office, a desk giving a seal, a bad seal.
	call(t, s, http.MethodPost, "/api/v1/dossiers", worker, atCounter(t, demo.DistrictPostOffice)).
		ExpectError(t, http.StatusForbidden, "forbidden", "")
	call(t, s, http.MethodPost, "/api/v1/dossiers", desk, atCounter(t, baohoa)).
		ExpectError(t, http.StatusUnprocessableEntity, "counter_only", "post_office")
	badSeal := strings.Replace(string(atCounter(t, baohoa)), "NP-2026-000451", "NP 451", 1)
	call(t, s, http.MethodPost, "/api/v1/dossiers", worker, []byte(badSeal)).
		ExpectError(t, http.StatusUnprocessableEntity, "invalid_seal", "seal_number")

	var got counterReceipt
	call(t, s, http.MethodPost, "/api/v1/dossiers", worker, atCounter(t, baohoa), "Idempotency-Key", "quay-1").
		Expect(t, http.StatusCreated).Decode(t, &got)
	tn, err := s10.Parse(got.Shipment.TrackingNumber)
	if got.Status != "submitted" || got.StatusCode != 1 || got.Code == "" || got.LookupPIN == "" ||
		string(got.ReceivedAt) != "null" || err != nil || tn.Service() != s10.ServiceFromCounter {
		t.Fatalf("the counter's answer: %+v (%v)", got, err)
	}
	var again counterReceipt
	call(t, s, http.MethodPost, "/api/v1/dossiers", worker, atCounter(t, baohoa), "Idempotency-Key", "quay-1").
		Expect(t, http.StatusCreated).Decode(t, &again)
	if again.Code != got.Code || again.LookupPIN != got.LookupPIN || again.Shipment != got.Shipment {
		t.Errorf("the same request again: %+v, want %+v", again, got)
	}
	tracking := got.Shipment.TrackingNumber

	// The slip both sign, and nothing more of the dossier for the post.
	slip := "/api/v1/dossiers/" + got.Code + "/forms/dispatch-slip"
	status, ctype, body := bytesOf(t, s, slip, worker)
	if status != http.StatusOK || !strings.HasPrefix(ctype, "text/html") || !strings.Contains(string(body), tracking) ||
		!strings.Contains(string(body), "NP-2026-000451") || strings.Contains(string(body), "075123456781") {
		t.Errorf("the dispatch slip: %d %s, with the number and seal, without the ID number? %q", status, ctype, body)
	}
	if status, ctype, _ := bytesOf(t, s, slip+"?format=pdf", worker); status != http.StatusOK || ctype != "application/pdf" {
		t.Errorf("the dispatch slip as PDF: %d %s", status, ctype)
	}
	if status, _, _ := bytesOf(t, s, slip, district); status != http.StatusNotFound {
		t.Errorf("another post office's worker prints the slip: %d, want 404 as for a stranger", status)
	}
	if status, _, _ := bytesOf(t, s, "/api/v1/dossiers/"+got.Code+"/forms/receipt", worker); status != http.StatusForbidden {
		t.Errorf("the worker prints the desk's receipt: %d, want 403 (the post prints only its slip)", status)
	}
	call(t, s, http.MethodGet, "/api/v1/dossiers/"+got.Code, worker, nil).ExpectError(t, http.StatusForbidden, "forbidden", "")

	// The pickup exists, accepted under the seal, with what the counter collected.
	var seen shipmentSeen
	waitfor.Until(t, "the pickup "+tracking+" to be accepted", func() bool {
		r := call(t, s, http.MethodGet, "/api/v1/shipments/"+tracking, worker, nil)
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &seen) == nil && seen.Status == "accepted"
	})
	if seen.Kind != "pickup" || seen.SealNumber != "NP-2026-000451" || seen.PostageVND != 26000 ||
		seen.OriginPostOffice.Code != baohoa || seen.To == nil || seen.To.Code != demo.DistrictDesk {
		t.Errorf("the counter's pickup: %+v", seen)
	}

	lookup := "/api/v1/track/" + got.Code + "?pin=" + url.QueryEscape(got.LookupPIN)
	var tr tracked
	waitfor.Until(t, "status to show "+got.Code, func() bool {
		r := call(t, s, http.MethodGet, lookup, "", nil)
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &tr) == nil
	})
	if tr.Status != "submitted" || tr.StatusCode != 1 || string(tr.ReceivedAt) != "null" {
		t.Errorf("the lookup before the papers reach the desk: %+v", tr)
	}

	// The desk cannot receive papers it does not have.
	receive := "/api/v1/dossiers/" + got.Code + "/actions/receive"
	call(t, s, http.MethodPost, receive, desk, []byte(`{}`)).ExpectError(t, http.StatusConflict, "action_not_allowed", "")

	// The post carries them; the district post office delivers them to the desk's clerk.
	event(t, s, tracking, worker, "in_transit", nil)
	event(t, s, tracking, district, "arrived", nil)
	event(t, s, tracking, district, "delivered", map[string]any{"recipient_name": "Trần Văn Đức", "relation": "office_clerk", "id_last4": "4321",
		"signature_png": apitest.SignaturePNG()})
	var papers struct {
		AllowedActions []string `json:"allowed_actions"`
		Steps          []struct {
			Action string    `json:"action"`
			At     time.Time `json:"at"`
		} `json:"steps"`
	}
	waitfor.Until(t, "intake to learn the papers reached the desk", func() bool {
		call(t, s, http.MethodGet, "/api/v1/dossiers/"+got.Code, desk, nil).Expect(t, http.StatusOK).Decode(t, &papers)
		return slices.Contains(papers.AllowedActions, "receive")
	})
	if status, _, _ := bytesOf(t, s, slip, worker); status != http.StatusNotFound {
		t.Errorf("the worker reprints the slip, with its PIN, once the desk has the papers: %d, want 404", status)
	}
	var delivered time.Time
	for _, st := range papers.Steps {
		if st.Action == "bring-in" {
			delivered = st.At
		}
	}
	var received struct {
		Status     string    `json:"status"`
		ReceivedAt time.Time `json:"received_at"`
	}
	call(t, s, http.MethodPost, receive, desk, []byte(`{}`)).Expect(t, http.StatusOK).Decode(t, &received)
	if delivered.IsZero() || received.Status != "received" || !received.ReceivedAt.Equal(delivered) {
		t.Errorf("received %+v, want received at the delivery, %v (steps %+v)", received, delivered, papers.Steps)
	}
	waitfor.Until(t, "status to show "+got.Code+" received", func() bool {
		r := call(t, s, http.MethodGet, lookup, "", nil)
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &tr) == nil && tr.Status == "received"
	})

	// The result goes to the post office the citizen chose, who collects it there.
	for _, action := range []string{"accept", "complete"} {
		call(t, s, http.MethodPost, "/api/v1/dossiers/"+got.Code+"/actions/"+action, desk,
			[]byte(`{"outcome":"approved"}`)).Expect(t, http.StatusOK)
	}
	var result string
	waitfor.Until(t, "the delivery of the result to "+baohoa, func() bool {
		var list struct {
			Items []struct {
				TrackingNumber string `json:"tracking_number"`
				Kind           string `json:"kind"`
				To             *struct {
					Code string `json:"code"`
				} `json:"to"`
			} `json:"items"`
		}
		call(t, s, http.MethodGet, "/api/v1/shipments?dossier="+url.QueryEscape(got.Code), worker, nil).
			Expect(t, http.StatusOK).Decode(t, &list)
		for _, it := range list.Items {
			if it.Kind == "delivery" && it.To != nil && it.To.Code == baohoa {
				result = it.TrackingNumber
			}
		}
		return result != ""
	})
	event(t, s, result, district, "picked_up", nil)
	event(t, s, result, worker, "arrived", nil)
	event(t, s, result, worker, "delivered", map[string]any{"recipient_name": "Lê Văn Cường", "relation": "self",
		"id_last4": "6781", "signature_png": apitest.SignaturePNG()})
	waitfor.Until(t, "status to show "+got.Code+" returned", func() bool {
		r := call(t, s, http.MethodGet, lookup, "", nil)
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &tr) == nil && tr.Status == "returned"
	})
}

// TestPickupAtHome: a citizen asks online for the post to pick their dossier up at
// home; the pickup is on the serving post office's run sheet for the day asked, and the
// worker registers the dossier at the door naming it, which opens its shipment under
// that number, picked up from the address asked at. A number no citizen asked for, or
// one taken already, is refused.
func TestPickupAtHome(t *testing.T) {
	mails := mailtest.Start(t)
	s := servertest.Start(t, dbURL, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	citizen := s.ContactToken(t, http.DefaultClient, mails, "thu.gom@example.vn")
	worker := token(t, s, "postal.xuanloc")
	day := time.Now().In(worktime.VietnamLocation()).AddDate(0, 0, 1).Format(time.DateOnly)
	const address = "Số 5, đường Trần Phú, Khu 2, thị trấn Gia Ray"

	ask := apitest.JSON(t, map[string]string{"procedure_code": "2.000720", "receiving_office": demo.DistrictDesk,
		"address": address, "date": day, "slot": "morning"})
	call(t, s, http.MethodPost, "/api/v1/public/pickups", citizen, []byte(strings.Replace(string(ask), "morning", "evening", 1))).
		ExpectError(t, http.StatusUnprocessableEntity, "invalid_slot", "slot")
	var asked struct {
		TrackingNumber string `json:"tracking_number"`
	}
	// The post learns the offices from intake's reference events: until then the desk
	// is unknown to it, and a request sent again with its key is the same request.
	waitfor.Until(t, "the post to take the pickup asked", func() bool {
		r := call(t, s, http.MethodPost, "/api/v1/public/pickups", citizen, ask, "Idempotency-Key", "thu-gom-1")
		return r.Status == http.StatusCreated && json.Unmarshal(r.Body, &asked) == nil
	})
	if _, err := s10.Parse(asked.TrackingNumber); err != nil {
		t.Fatalf("the pickup's number %q: %v", asked.TrackingNumber, err)
	}

	var sheet struct {
		Pickups []struct {
			TrackingNumber string `json:"tracking_number"`
			Address        string `json:"address"`
			PickupSlot     string `json:"pickup_slot"`
		} `json:"pickups"`
	}
	call(t, s, http.MethodGet, "/api/v1/manifests?office="+demo.DistrictPostOffice+"&date="+day, worker, nil).
		Expect(t, http.StatusOK).Decode(t, &sheet)
	if len(sheet.Pickups) != 1 || sheet.Pickups[0].TrackingNumber != asked.TrackingNumber ||
		sheet.Pickups[0].Address != address || sheet.Pickups[0].PickupSlot != "morning" {
		t.Errorf("the run sheet of %s: %+v, want the pickup asked", day, sheet.Pickups)
	}

	atDoor := func(number string) []byte {
		return apitest.JSON(t, map[string]any{
			"procedure_code": "2.000720", "receiving_office": demo.DistrictDesk, "channel": "post",
			"post_office": demo.DistrictPostOffice, "seal_number": "NP-2026-000452", "postage_vnd": 26000,
			"pickup_tracking_number": number,
			"applicant":              map[string]string{"full_name": "Phạm Thị Dung", "phone": "0912345670", "address": address},
		})
	}
	never, err := s10.New(s10.ServiceToAuthority, 4242)
	if err != nil {
		t.Fatal(err)
	}
	call(t, s, http.MethodPost, "/api/v1/dossiers", worker, atDoor(never.String())).
		ExpectError(t, http.StatusUnprocessableEntity, "not_a_pickup", "pickup_tracking_number")
	var got, again counterReceipt
	waitfor.Until(t, "intake to learn of the pickup asked", func() bool {
		r := call(t, s, http.MethodPost, "/api/v1/dossiers", worker, atDoor(asked.TrackingNumber), "Idempotency-Key", "cua-1")
		return r.Status == http.StatusCreated && json.Unmarshal(r.Body, &got) == nil
	})
	if got.Status != "submitted" || got.Shipment.TrackingNumber != asked.TrackingNumber {
		t.Fatalf("registered at the door: %+v", got)
	}
	call(t, s, http.MethodPost, "/api/v1/dossiers", worker, atDoor(asked.TrackingNumber), "Idempotency-Key", "cua-1").
		Expect(t, http.StatusCreated).Decode(t, &again)
	if again.Code != got.Code || again.Shipment != got.Shipment {
		t.Errorf("the door's registration sent again: %+v, want the first, %+v", again, got)
	}
	call(t, s, http.MethodPost, "/api/v1/dossiers", worker, atDoor(asked.TrackingNumber)).
		ExpectError(t, http.StatusUnprocessableEntity, "not_a_pickup", "pickup_tracking_number")

	var seen struct {
		shipmentSeen
		DossierCode string `json:"dossier_code"`
		Address     string `json:"address"`
	}
	waitfor.Until(t, "the pickup "+asked.TrackingNumber+" to be picked up", func() bool {
		r := call(t, s, http.MethodGet, "/api/v1/shipments/"+asked.TrackingNumber, worker, nil)
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &seen) == nil && seen.Status == "picked_up"
	})
	if seen.DossierCode != got.Code || seen.Kind != "pickup" || seen.SealNumber != "NP-2026-000452" ||
		seen.Address != address || seen.OriginPostOffice.Code != demo.DistrictPostOffice {
		t.Errorf("the pickup taken at the door: %+v", seen)
	}
	call(t, s, http.MethodGet, "/api/v1/manifests?office="+demo.DistrictPostOffice+"&date="+day, worker, nil).
		Expect(t, http.StatusOK).Decode(t, &sheet)
	if len(sheet.Pickups) != 0 {
		t.Errorf("the pickup taken is still asked on %s's run sheet: %+v", day, sheet.Pickups)
	}

	// What the worker collected at the door is on the post office's cash statement.
	var cash struct {
		Dossiers   int   `json:"dossiers"`
		PostageVND int64 `json:"postage_vnd"`
	}
	call(t, s, http.MethodGet, "/api/v1/postal/cash?office="+demo.DistrictPostOffice, worker, nil).
		Expect(t, http.StatusOK).Decode(t, &cash)
	if cash.Dossiers != 1 || cash.PostageVND != 26000 {
		t.Errorf("the day's cash statement: %+v, want the dossier taken at the door and its postage", cash)
	}
}
