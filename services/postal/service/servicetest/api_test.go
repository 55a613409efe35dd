package servicetest

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/worktime"
)

// ofKind is the one shipment of kind in list.
func ofKind(t testing.TB, list []apiclient.Shipment, kind string) apiclient.Shipment {
	t.Helper()
	var found []apiclient.Shipment
	for _, s := range list {
		if s.Kind == kind {
			found = append(found, s)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d shipments of kind %s in %+v", len(found), kind, list)
	}
	return found[0]
}

func find(list []apiclient.Shipment, tn string) *apiclient.Shipment {
	for i := range list {
		if list[i].TrackingNumber == tn {
			return &list[i]
		}
	}
	return nil
}

func TestShipmentsAPI(t *testing.T) {
	e := start(t)
	now := time.Now()

	// byPost was sent by post and its result goes back by post, from the district desk.
	byPost := newDossier(districtDesk)
	e.publishDossier(t, byPost.received(now, dossierv1.Channel_CHANNEL_POST, pickupAddress))
	e.publishDossier(t, byPost.completed(now, districtDesk, dossierv1.DeliveryMethod_DELIVERY_METHOD_POST, deliveryAddress))
	opened := e.waitShipments(t, byPost, 2)
	pickup, delivery := ofKind(t, opened, "pickup"), ofKind(t, opened, "delivery")
	// atDesk was handed in at the desk, and its result is collected there.
	atDesk := newDossier(districtDesk)
	e.publishDossier(t, atDesk.received(now, dossierv1.Channel_CHANNEL_DESK, ""))
	e.waitDossiersApplied(t)

	var leg apiclient.Shipment
	t.Run("a desk opens a transfer leg", func(t *testing.T) {
		r := e.create(t, "desk.xuanloc", map[string]any{"dossier_code": atDesk.Code, "kind": "transfer",
			"from": districtDesk, "to": baoHoa}).Expect(t, http.StatusCreated)
		r.Decode(t, &leg)
		if leg.Kind != "transfer" || leg.Status != "created" || codeOf(leg.From) != districtDesk || codeOf(leg.To) != baoHoa ||
			leg.OriginPostOffice.Code != districtPostOffice || leg.DestinationPostOffice.Code != baoHoaPostOffice ||
			leg.DossierCode != atDesk.Code {
			t.Errorf("leg: %+v", leg)
		}
		if loc := r.Header.Get("Location"); loc != "/api/v1/shipments/"+leg.TrackingNumber {
			t.Errorf("Location %q", loc)
		}
		checkS10(t, leg.TrackingNumber, "EA")
		e.waitPostal(t, "the leg's creation", created(leg.TrackingNumber))
		// An officer of the office holding it may ask too.
		e.create(t, "officer.xuanloc", map[string]any{"dossier_code": atDesk.Code, "kind": "transfer",
			"from": districtDesk, "to": baoHoa}).Expect(t, http.StatusCreated)
	})

	t.Run("the same Idempotency-Key gives the same shipment", func(t *testing.T) {
		body := map[string]any{"dossier_code": atDesk.Code, "kind": "pickup", "address": "Số 9, ấp 3, xã Bảo Hòa"}
		key := uuid.NewString()
		var first, again apiclient.Shipment
		e.create(t, "desk.xuanloc", body, "Idempotency-Key", key).Expect(t, http.StatusCreated).Decode(t, &first)
		r := e.create(t, "desk.xuanloc", body, "Idempotency-Key", key).Expect(t, http.StatusOK)
		r.Decode(t, &again)
		if again.TrackingNumber != first.TrackingNumber || r.Header.Get("Idempotent-Replayed") != "true" {
			t.Errorf("again: %s (replayed %q), first %s", again.TrackingNumber, r.Header.Get("Idempotent-Replayed"), first.TrackingNumber)
		}
		// Another member of staff's key is theirs alone.
		var other apiclient.Shipment
		e.create(t, "officer.xuanloc", map[string]any{"dossier_code": atDesk.Code, "kind": "transfer", "from": districtDesk,
			"to": baoHoa}, "Idempotency-Key", key).Expect(t, http.StatusCreated).Decode(t, &other)
		if other.TrackingNumber == first.TrackingNumber {
			t.Error("another member of staff's key replayed the desk's shipment")
		}
		// Without a key, each request is a new shipment.
		var a, b apiclient.Shipment
		e.create(t, "desk.xuanloc", body).Expect(t, http.StatusCreated).Decode(t, &a)
		e.create(t, "desk.xuanloc", body).Expect(t, http.StatusCreated).Decode(t, &b)
		if a.TrackingNumber == b.TrackingNumber {
			t.Error("two requests without a key gave one shipment")
		}
	})

	t.Run("the same Idempotency-Key with another body", func(t *testing.T) {
		key := uuid.NewString()
		e.create(t, "desk.xuanloc", map[string]any{"dossier_code": atDesk.Code, "kind": "pickup", "address": "Số 9"},
			"Idempotency-Key", key).Expect(t, http.StatusCreated)
		e.create(t, "desk.xuanloc", map[string]any{"dossier_code": atDesk.Code, "kind": "transfer", "from": districtDesk, "to": baoHoa},
			"Idempotency-Key", key).ExpectError(t, http.StatusUnprocessableEntity, "idempotency_key_reused", "Idempotency-Key")
	})

	t.Run("concurrent requests with one Idempotency-Key give one shipment", func(t *testing.T) {
		for round := 0; round < 5; round++ {
			key := uuid.NewString()
			body := apitest.JSON(t, map[string]any{"dossier_code": atDesk.Code, "kind": "pickup", "address": "Số 9, ấp 3, xã Bảo Hòa"})
			tok := e.token(t, "desk.xuanloc")
			const n = 6
			answers := make([]apitest.Reply, n)
			errs := make([]error, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() {
					answers[i], errs[i] = e.do("POST", "/api/v1/shipments", tok, body, "Idempotency-Key", key)
				})
			}
			wg.Wait()
			tns := map[string]bool{}
			for i, r := range answers {
				if errs[i] != nil {
					t.Fatal(errs[i])
				}
				r.Check(t, "concurrent POST")
				var v apiclient.Shipment
				r.Decode(t, &v)
				tns[v.TrackingNumber] = true
			}
			if len(tns) != 1 {
				t.Errorf("round %d: %d tracking numbers for one key: %v", round, len(tns), tns)
			}
			for tn := range tns {
				if r := e.call(t, "GET", "/api/v1/shipments/"+tn, tok, nil); r.Status != http.StatusOK {
					t.Errorf("round %d: answered %s, which GET does not find: %d", round, tn, r.Status)
				}
			}
		}
	})

	t.Run("who may open a shipment", func(t *testing.T) {
		body := map[string]any{"dossier_code": atDesk.Code, "kind": "transfer", "from": districtDesk, "to": baoHoa}
		e.create(t, "desk.giaray", body).ExpectError(t, http.StatusUnprocessableEntity, "unknown_dossier", "dossier_code")
		e.create(t, "postal.xuanloc", body).ExpectError(t, http.StatusForbidden, "forbidden", "")
		e.call(t, "POST", "/api/v1/shipments", "", apitest.JSON(t, body)).ExpectError(t, http.StatusUnauthorized, "", "")
		e.call(t, "POST", "/api/v1/shipments", "not-a-token", apitest.JSON(t, body)).ExpectError(t, http.StatusUnauthorized, "", "")
	})

	t.Run("invalid requests", func(t *testing.T) {
		for _, c := range []struct {
			name  string
			body  map[string]any
			code  string
			field string
		}{
			{"unknown dossier", map[string]any{"dossier_code": districtDesk + "-261201-9999", "kind": "transfer", "from": districtDesk, "to": baoHoa}, "unknown_dossier", "dossier_code"},
			{"no dossier", map[string]any{"kind": "transfer", "from": districtDesk, "to": baoHoa}, "required", "dossier_code"},
			{"unknown kind", map[string]any{"dossier_code": atDesk.Code, "kind": "parcel", "from": districtDesk, "to": baoHoa}, "invalid_kind", "kind"},
			{"no kind", map[string]any{"dossier_code": atDesk.Code, "from": districtDesk, "to": baoHoa}, "invalid_kind", "kind"},
			{"pickup without an address", map[string]any{"dossier_code": atDesk.Code, "kind": "pickup"}, "required", "address"},
			{"delivery without an address", map[string]any{"dossier_code": atDesk.Code, "kind": "delivery", "from": districtDesk}, "required", "address"},
			{"delivery without its office", map[string]any{"dossier_code": byPost.Code, "kind": "delivery"}, "required", "from"},
			{"transfer without its office", map[string]any{"dossier_code": atDesk.Code, "kind": "transfer", "to": baoHoa}, "required", "from"},
			{"transfer to the same office", map[string]any{"dossier_code": atDesk.Code, "kind": "transfer", "from": districtDesk, "to": districtDesk}, "same_office", "to"},
			{"unknown office", map[string]any{"dossier_code": atDesk.Code, "kind": "transfer", "from": districtDesk, "to": "000.99.16.H19"}, "unknown_office", ""},
			{"negative postage", map[string]any{"dossier_code": atDesk.Code, "kind": "transfer", "from": districtDesk, "to": baoHoa, "postage_vnd": -1}, "out_of_range", "postage_vnd"},
		} {
			t.Run(c.name, func(t *testing.T) {
				e.create(t, "desk.xuanloc", c.body).ExpectError(t, http.StatusUnprocessableEntity, c.code, c.field)
			})
		}
		e.call(t, "POST", "/api/v1/shipments", e.token(t, "desk.xuanloc"), []byte(`{"dossier_code":`)).
			ExpectError(t, http.StatusBadRequest, "", "")
		// A delivery for a dossier whose result address the post knows needs none.
		var v apiclient.Shipment
		e.create(t, "desk.xuanloc", map[string]any{"dossier_code": byPost.Code, "kind": "delivery", "from": districtDesk}).
			Expect(t, http.StatusCreated).Decode(t, &v)
		if v.Address != deliveryAddress {
			t.Errorf("delivery address %q, want the dossier's", v.Address)
		}
	})

	t.Run("reading a shipment", func(t *testing.T) {
		v := e.get(t, "desk.xuanloc", leg.TrackingNumber)
		if v.TrackingNumber != leg.TrackingNumber || len(v.Events) != 1 || v.Events[0].Type != "created" {
			t.Errorf("get: %+v", v)
		}
		e.get(t, "officer.baohoa", leg.TrackingNumber) // the office it goes to
		e.get(t, "postal.xuanloc", leg.TrackingNumber) // the post office that picks it up
		e.get(t, "postal.baohoa", leg.TrackingNumber)  // the one that delivers it
		e.get(t, "supervisor.xuanloc", leg.TrackingNumber)
		for _, who := range []string{"postal.giaray", "desk.giaray", "supervisor.giaray", "admin.giaray"} {
			e.call(t, "GET", "/api/v1/shipments/"+leg.TrackingNumber, e.token(t, who), nil).ExpectError(t, http.StatusNotFound, "not_found", "")
		}
		tok := e.token(t, "desk.xuanloc")
		e.call(t, "GET", "/api/v1/shipments/"+wrongCheckDigit(leg.TrackingNumber), tok, nil).
			ExpectError(t, http.StatusUnprocessableEntity, "invalid_tracking_number", "tracking_number")
		e.call(t, "GET", "/api/v1/shipments/EE12345678VN", tok, nil).
			ExpectError(t, http.StatusUnprocessableEntity, "invalid_tracking_number", "tracking_number")
		e.call(t, "GET", "/api/v1/shipments/EE123456785VN", tok, nil).ExpectError(t, http.StatusNotFound, "", "")
		// Written in lower case, it is the same number.
		e.get(t, "desk.xuanloc", leg.TrackingNumber[:2]+leg.TrackingNumber[2:11]+"vn")
	})

	t.Run("the shipments of a dossier", func(t *testing.T) {
		list := e.shipments(t, "desk.xuanloc", byPost.Code)
		if len(list) != 3 || find(list, pickup.TrackingNumber) == nil || find(list, delivery.TrackingNumber) == nil {
			t.Fatalf("shipments of %s: %+v", byPost.Code, list)
		}
		if p := find(list, pickup.TrackingNumber); p.Address != pickupAddress {
			t.Errorf("pickup address %q", p.Address)
		}
		// Those who may see none of them are told the dossier has none to show.
		for _, who := range []string{"desk.giaray", "postal.giaray"} {
			e.call(t, "GET", "/api/v1/shipments?dossier="+byPost.Code, e.token(t, who), nil).ExpectError(t, http.StatusNotFound, "not_found", "")
		}
		tok := e.token(t, "desk.xuanloc")
		e.call(t, "GET", "/api/v1/shipments", tok, nil).ExpectError(t, http.StatusUnprocessableEntity, "", "dossier")
		e.call(t, "GET", "/api/v1/shipments?dossier="+districtDesk+"-261201-9999", tok, nil).ExpectError(t, http.StatusNotFound, "", "")
	})

	t.Run("the day's run sheet", func(t *testing.T) {
		today := worktime.DateOf(time.Now().In(worktime.VietnamLocation())).String()
		// The result is collected at the desk: from then on it is on the way to the citizen.
		e.recordOK(t, "postal.xuanloc", delivery.TrackingNumber, newStep("picked_up", time.Now()))
		var m apiclient.Manifest
		e.call(t, "GET", "/api/v1/manifests?office="+districtPostOffice+"&date="+today, e.token(t, "postal.xuanloc"), nil).
			Expect(t, http.StatusOK).Decode(t, &m)
		if m.Date != today || m.PostOffice.Code != districtPostOffice {
			t.Errorf("manifest of %s on %s", m.PostOffice.Code, m.Date)
		}
		if p := find(m.Pickups, pickup.TrackingNumber); p == nil || p.Address != pickupAddress {
			t.Errorf("pickups %+v: want %s at %q", m.Pickups, pickup.TrackingNumber, pickupAddress)
		}
		if d := find(m.Deliveries, delivery.TrackingNumber); d == nil || d.Address != deliveryAddress {
			t.Errorf("deliveries %+v: want %s to %q", m.Deliveries, delivery.TrackingNumber, deliveryAddress)
		}
		if find(m.Pickups, leg.TrackingNumber) == nil {
			t.Errorf("the leg from the desk is not on the pickups")
		}
		for _, s := range m.Deliveries {
			if s.DestinationPostOffice.Code != districtPostOffice {
				t.Errorf("another post office's delivery on the sheet: %+v", s)
			}
		}
		// The delivering end of the leg sees nothing to pick up.
		var other apiclient.Manifest
		e.call(t, "GET", "/api/v1/manifests?office="+baoHoaPostOffice+"&date="+today, e.token(t, "postal.baohoa"), nil).
			Expect(t, http.StatusOK).Decode(t, &other)
		if find(other.Pickups, leg.TrackingNumber) != nil {
			t.Errorf("the delivering post office has the leg to pick up")
		}
		// A day before any shipment is empty.
		var old apiclient.Manifest
		e.call(t, "GET", "/api/v1/manifests?office="+districtPostOffice+"&date=2020-01-06", e.token(t, "postal.xuanloc"), nil).
			Expect(t, http.StatusOK).Decode(t, &old)
		if len(old.Pickups)+len(old.Deliveries) != 0 {
			t.Errorf("a run sheet of 2020: %+v", old)
		}
		// Only the post office's own workers read its run sheet: other roles may never,
		// another post office's worker is told it has none.
		for _, who := range []string{"supervisor.xuanloc", "desk.xuanloc"} {
			e.call(t, "GET", "/api/v1/manifests?office="+districtPostOffice+"&date="+today, e.token(t, who), nil).
				ExpectError(t, http.StatusForbidden, "forbidden", "")
		}
		e.call(t, "GET", "/api/v1/manifests?office="+districtPostOffice+"&date="+today, e.token(t, "postal.baohoa"), nil).
			ExpectError(t, http.StatusNotFound, "not_found", "")
		tok := e.token(t, "postal.xuanloc")
		for _, bad := range []string{"2026-13-01", "01-12-2026", "tomorrow", "2026-02-30"} {
			e.call(t, "GET", "/api/v1/manifests?office="+districtPostOffice+"&date="+bad, tok, nil).
				ExpectError(t, http.StatusUnprocessableEntity, "invalid_date", "date")
		}
		e.call(t, "GET", "/api/v1/manifests?date="+today, tok, nil).ExpectError(t, http.StatusUnprocessableEntity, "", "office")
		e.call(t, "GET", "/api/v1/manifests?office="+districtDesk+"&date="+today, tok, nil).
			ExpectError(t, http.StatusNotFound, "", "")
	})
}
