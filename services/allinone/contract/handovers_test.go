package contract

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/worktime"
)

// handoverAnswer is a hand-over record as the API answers it.
type handoverAnswer struct {
	ID          string `json:"id"`
	Number      int64  `json:"number"`
	Status      string `json:"status"`
	ConfirmedBy string `json:"confirmed_by"`
	ItemCount   int    `json:"item_count"`
	Items       []struct {
		TrackingNumber string `json:"tracking_number"`
		DossierCode    string `json:"dossier_code"`
		SealNumber     string `json:"seal_number"`
		Status         string `json:"status"`
	} `json:"items"`
}

// takenAtCounter registers n dossiers at Bảo Hòa's counter for the district desk, each
// under a seal of its own, and waits until the post has each pickup accepted; it
// returns the dossiers' codes and the pickups' numbers.
func takenAtCounter(t *testing.T, s servertest.Served, worker string, n int) (codes, tns []string) {
	t.Helper()
	baohoa := demo.PostOfficeOf("000.02.16.H19")
	for i := range n {
		var body map[string]any
		if err := json.Unmarshal(atCounter(t, baohoa), &body); err != nil {
			t.Fatal(err)
		}
		body["seal_number"] = fmt.Sprintf("NP-2026-%06d", 700+i)
		var got counterReceipt
		call(t, s, http.MethodPost, "/api/v1/dossiers", worker, apitest.JSON(t, body)).
			Expect(t, http.StatusCreated).Decode(t, &got)
		codes, tns = append(codes, got.Code), append(tns, got.Shipment.TrackingNumber)
	}
	for _, tn := range tns {
		waitfor.Until(t, "the pickup "+tn+" to be accepted", func() bool {
			var seen shipmentSeen
			r := call(t, s, http.MethodGet, "/api/v1/shipments/"+tn, worker, nil)
			return r.Status == http.StatusOK && json.Unmarshal(r.Body, &seen) == nil && seen.Status == "accepted"
		})
	}
	return codes, tns
}

// TestHandoverOfTwenty: Bảo Hòa's post office takes 20 dossiers at its counter for the
// district desk and sends them on; the district post office hands all 20 to the desk
// with one hand-over record, which the desk confirms in one go with a signature. Each
// pickup is then delivered, intake lets the desk receive each dossier (the papers are
// there), the printed record lists them all, and Bảo Hòa's cash statement for the day
// has the 20 fees and postages for the desk.
func TestHandoverOfTwenty(t *testing.T) {
	s := servertest.Start(t, dbURL, nil)
	counter, district := token(t, s, "postal.baohoa"), token(t, s, "postal.xuanloc")
	desk := token(t, s, "desk.xuanloc")
	day := time.Now().In(worktime.VietnamLocation()).Format(time.DateOnly)
	codes, tns := takenAtCounter(t, s, counter, 20)
	for _, tn := range tns {
		event(t, s, tn, counter, "in_transit", nil)
	}

	var h handoverAnswer
	call(t, s, http.MethodPost, "/api/v1/handovers", district,
		apitest.JSON(t, map[string]any{"to_office": demo.DistrictDesk, "tracking_numbers": tns})).
		Expect(t, http.StatusCreated).Decode(t, &h)
	if h.Status != "open" || h.ItemCount != 20 || len(h.Items) != 20 {
		t.Fatalf("the record drawn up: %+v", h)
	}
	for i, it := range h.Items {
		if it.TrackingNumber != tns[i] || it.DossierCode != codes[i] || it.SealNumber != fmt.Sprintf("NP-2026-%06d", 700+i) {
			t.Errorf("item %d: %+v", i+1, it)
		}
	}
	// The desk cannot receive papers the post has not handed over yet.
	call(t, s, http.MethodPost, "/api/v1/dossiers/"+codes[0]+"/actions/receive", desk, []byte(`{}`)).
		ExpectError(t, http.StatusConflict, "action_not_allowed", "")

	var done handoverAnswer
	call(t, s, http.MethodPost, "/api/v1/handovers/"+h.ID+"/confirm", desk,
		apitest.JSON(t, map[string]any{"signature_png": apitest.SignaturePNG()})).Expect(t, http.StatusOK).Decode(t, &done)
	if done.Status != "confirmed" || done.ConfirmedBy != "desk.xuanloc" || len(done.Items) != 20 {
		t.Fatalf("the record confirmed: %+v", done)
	}
	for i, tn := range tns {
		var seen shipmentSeen
		call(t, s, http.MethodGet, "/api/v1/shipments/"+tn, desk, nil).Expect(t, http.StatusOK).Decode(t, &seen)
		if seen.Status != "delivered" || done.Items[i].Status != "delivered" {
			t.Errorf("%s after the record: %s", tn, seen.Status)
		}
	}

	// Intake heard each delivery: every dossier's papers are at the desk.
	for _, code := range codes {
		var papers struct {
			AllowedActions []string `json:"allowed_actions"`
			Steps          []struct {
				Action string    `json:"action"`
				At     time.Time `json:"at"`
			} `json:"steps"`
		}
		waitfor.Until(t, "intake to learn the papers of "+code+" reached the desk", func() bool {
			call(t, s, http.MethodGet, "/api/v1/dossiers/"+code, desk, nil).Expect(t, http.StatusOK).Decode(t, &papers)
			return slices.Contains(papers.AllowedActions, "receive")
		})
		if !slices.ContainsFunc(papers.Steps, func(st struct {
			Action string    `json:"action"`
			At     time.Time `json:"at"`
		}) bool {
			return st.Action == "bring-in"
		}) {
			t.Errorf("%s: no step says the post brought the papers in: %+v", code, papers.Steps)
		}
	}
	call(t, s, http.MethodPost, "/api/v1/dossiers/"+codes[0]+"/actions/receive", desk, []byte(`{}`)).Expect(t, http.StatusOK)

	// The printed record, and Bảo Hòa's cash for the day.
	status, ctype, body := bytesOf(t, s, "/api/v1/handovers/"+h.ID+"/form?format=pdf", district)
	if status != http.StatusOK || ctype != "application/pdf" || len(body) < 10_000 {
		t.Errorf("the printed record: %d %s, %d bytes", status, ctype, len(body))
	}
	var cash struct {
		Dossiers    int   `json:"dossiers"`
		FeeVND      int64 `json:"fee_vnd"`
		PostageVND  int64 `json:"postage_vnd"`
		Authorities []struct {
			Office struct {
				Code string `json:"code"`
			} `json:"office"`
			Dossiers []struct {
				DossierCode string `json:"dossier_code"`
			} `json:"dossiers"`
		} `json:"authorities"`
	}
	call(t, s, http.MethodGet, "/api/v1/postal/cash?office="+demo.PostOfficeOf("000.02.16.H19")+"&date="+day, counter, nil).
		Expect(t, http.StatusOK).Decode(t, &cash)
	if time.Now().In(worktime.VietnamLocation()).Format(time.DateOnly) != day {
		t.Log("the day ended while the dossiers were taken: their cash is over two statements")
		return
	}
	if cash.Dossiers != 20 || cash.FeeVND != 20*100000 || cash.PostageVND != 20*26000 || len(cash.Authorities) != 1 ||
		cash.Authorities[0].Office.Code != demo.DistrictDesk || len(cash.Authorities[0].Dossiers) != 20 {
		t.Errorf("Bảo Hòa's cash for the day: %+v", cash)
	}
}
