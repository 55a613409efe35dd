package contract

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/allinone/custody"
	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// custodyChain is the answer of GET /api/v1/dossiers/{code}/custody.
type custodyChain struct {
	DossierID string `json:"dossier_id"`
	Entries   []struct {
		Seq            int64  `json:"seq"`
		Event          string `json:"event"`
		From           string `json:"from"`
		To             string `json:"to"`
		By             string `json:"by"`
		TrackingNumber string `json:"tracking_number"`
		PrevHash       string `json:"prev_hash"`
		Hash           string `json:"hash"`
	} `json:"entries"`
	Verified bool   `json:"verified"`
	Broken   string `json:"broken"`
}

// custodyStep is an entry without its hashes, to compare.
type custodyStep struct{ event, from, to, by, tracking string }

// custodyOf reads the chain of the dossier with code.
func custodyOf(t *testing.T, s servertest.Served, code, token string) custodyChain {
	t.Helper()
	var c custodyChain
	call(t, s, http.MethodGet, "/api/v1/dossiers/"+code+"/custody", token, nil).Expect(t, http.StatusOK).Decode(t, &c)
	return c
}

// awaitCustody waits until the chain of the dossier with code has n entries, and
// returns it.
func awaitCustody(t *testing.T, s servertest.Served, code, token string, n int) custodyChain {
	t.Helper()
	var c custodyChain
	waitfor.Until(t, "the custody chain of "+code+" to have its entries", func() bool {
		c = custodyOf(t, s, code, token)
		return len(c.Entries) >= n
	})
	if len(c.Entries) != n {
		t.Fatalf("the custody chain of %s: %d entries, want %d: %+v", code, len(c.Entries), n, c.Entries)
	}
	return c
}

// TestCustodyChain drives the custody chain through the contract: a dossier registered
// at the district desk and sent by post to Bảo Hòa has a chain of every step, the desk's
// and the post's, in order, which verifies, as motcua custody verify says of every
// chain; a row of it altered in the database is found by both, at that entry.
func TestCustodyChain(t *testing.T) {
	s := servertest.Start(t, dbURL, nil)
	desk := token(t, s, "desk.xuanloc")
	district, commune := token(t, s, "postal.xuanloc"), token(t, s, "postal.baohoa")
	const baoHoa = "000.02.16.H19"
	districtPost, communePost := demo.DistrictPostOffice, demo.PostOfficeOf(baoHoa)

	var d struct {
		Code string `json:"code"`
	}
	call(t, s, http.MethodPost, "/api/v1/dossiers", desk, apitest.JSON(t, map[string]any{
		"procedure_code": "1.004873", "receiving_office": demo.DistrictDesk, "handling_office": baoHoa, "channel": "desk",
		"applicant":       map[string]string{"full_name": "Nguyễn Văn An", "id_number": "075123456789", "phone": "0912345678"},
		"documents":       []map[string]any{{"name": "Tờ khai xác nhận tình trạng hôn nhân", "kind": "original", "copies": 1}},
		"result_delivery": map[string]string{"method": "desk"},
	})).Expect(t, http.StatusCreated).Decode(t, &d)
	call(t, s, http.MethodPost, "/api/v1/dossiers/"+d.Code+"/actions/transfer", desk,
		apitest.JSON(t, map[string]string{"to_office": baoHoa, "via": "post"})).Expect(t, http.StatusOK)

	// The post opens the leg from the transfer; its steps are recorded once that is
	// chained, so that the chain's order is the order of the steps.
	var shipments struct {
		Items []struct {
			TrackingNumber string `json:"tracking_number"`
		} `json:"items"`
	}
	waitfor.Until(t, "the post to open the transfer of "+d.Code, func() bool {
		r := call(t, s, http.MethodGet, "/api/v1/shipments?dossier="+url.QueryEscape(d.Code), district, nil)
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &shipments) == nil && len(shipments.Items) == 1
	})
	tracking := shipments.Items[0].TrackingNumber
	awaitCustody(t, s, d.Code, desk, 3)
	call(t, s, http.MethodPost, "/api/v1/shipments/"+tracking+"/events", district, apitest.JSON(t, map[string]any{
		"event_id": uuid.NewString(), "type": "accepted", "occurred_at": time.Now().Format(time.RFC3339Nano),
		"seal_number": "XL-2026-000118"})).Expect(t, http.StatusOK)
	event(t, s, tracking, district, "picked_up", nil)
	event(t, s, tracking, district, "in_transit", nil)
	event(t, s, tracking, commune, "arrived", nil)
	event(t, s, tracking, commune, "delivered", map[string]any{"recipient_name": "Lê Văn Cường", "relation": "office_clerk",
		"id_last4": "1289", "signature_png": apitest.SignaturePNG()})

	c := awaitCustody(t, s, d.Code, desk, 9)
	var got []custodyStep
	for _, e := range c.Entries {
		got = append(got, custodyStep{e.Event, e.From, e.To, e.By, e.TrackingNumber})
	}
	// The transfer and the leg the post opens from it, and the leg's delivery and the
	// arrival intake records from it, are each told by both services at once: within
	// each pair, either may be chained first.
	for _, pair := range [][2]int{{1, 2}, {7, 8}} {
		slices.SortFunc(got[pair[0]:pair[1]+1], func(a, b custodyStep) int { return cmp.Compare(a.event, b.event) })
	}
	want := []custodyStep{
		{"received", "citizen", demo.DistrictDesk, "desk.xuanloc", ""},
		{"shipment.created", demo.DistrictDesk, baoHoa, "motcua", tracking},
		{"transferred", demo.DistrictDesk, baoHoa, "desk.xuanloc", ""},
		{"shipment.accepted", demo.DistrictDesk, districtPost, districtPost, tracking},
		{"shipment.picked_up", demo.DistrictDesk, districtPost, districtPost, tracking},
		{"shipment.in_transit", districtPost, districtPost, districtPost, tracking},
		{"shipment.arrived", communePost, communePost, communePost, tracking},
		{"arrived", "post", baoHoa, "postal", tracking},
		{"shipment.delivered", communePost, baoHoa, communePost, tracking},
	}
	if !slices.Equal(got, want) {
		t.Errorf("the chain:\n got %+v\nwant %+v", got, want)
	}
	if !c.Verified || c.Broken != "" {
		t.Errorf("the untouched chain: verified %v, broken %q", c.Verified, c.Broken)
	}
	for i, e := range c.Entries[1:] {
		if e.PrevHash != c.Entries[i].Hash {
			t.Errorf("entry %d's prev_hash %s, not entry %d's hash %s", e.Seq, e.PrevHash, i+1, c.Entries[i].Hash)
		}
	}

	// motcua custody verify finds every chain whole.
	log := slog.New(slog.DiscardHandler)
	var out strings.Builder
	if err := custody.Verify(context.Background(), nil, &out, s.DatabaseURL, log); err != nil || !strings.Contains(out.String(), "none broken") {
		t.Fatalf("custody verify of untouched chains: %v\n%s", err, out.String())
	}

	// A row altered with SQL: the API says the chain no longer verifies and where, and
	// so does the command, naming the dossier.
	db, err := pgxpool.New(t.Context(), s.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	if _, err := db.Exec(t.Context(), "UPDATE intake.custody_entries SET to_party = $2 WHERE dossier_id = $1 AND seq = 4",
		c.DossierID, demo.DistrictDesk); err != nil {
		t.Fatal(err)
	}
	altered := "entry 4: stored hash " + c.Entries[3].Hash + ", recomputed "
	if c := custodyOf(t, s, d.Code, desk); c.Verified || !strings.HasPrefix(c.Broken, altered) {
		t.Errorf("an altered row: verified %v, broken %q", c.Verified, c.Broken)
	}
	out.Reset()
	err = custody.Verify(context.Background(), nil, &out, s.DatabaseURL, log)
	if !errors.Is(err, custody.ErrBroken) || !strings.Contains(out.String(), "broken: dossier "+d.Code+" (id "+c.DossierID+"), "+altered) {
		t.Errorf("custody verify of an altered row: %v\n%s", err, out.String())
	}
}
