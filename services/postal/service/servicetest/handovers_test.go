package servicetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/s10"
)

// handoverSeen is a hand-over record as the API answers it.
type handoverSeen struct {
	ID          string     `json:"id"`
	Number      int64      `json:"number"`
	Status      string     `json:"status"`
	StatusLabel string     `json:"status_label"`
	GivenBy     string     `json:"given_by"`
	CreatedAt   time.Time  `json:"created_at"`
	ConfirmedBy string     `json:"confirmed_by"`
	ConfirmedAt *time.Time `json:"confirmed_at"`
	ItemCount   int        `json:"item_count"`
	FormURL     string     `json:"form_url"`
	FromOffice  struct {
		Code string `json:"code"`
	} `json:"from_office"`
	ToOffice struct {
		Code, Name string
	} `json:"to_office"`
	Items []struct {
		TrackingNumber string `json:"tracking_number"`
		DossierCode    string `json:"dossier_code"`
		SealNumber     string `json:"seal_number"`
		Status         string `json:"status"`
	} `json:"items"`
}

// counter is the dossier's Received event as intake publishes it for a dossier the post
// office took at its counter for the desk: sealed, numbered tn, with what it collected.
func (d *dossier) counter(at time.Time, postOffice, tn string, postage, fee int64) *dossierv1.Event {
	ev := d.received(at, dossierv1.Channel_CHANNEL_POST, "")
	ev.Actor = &dossierv1.Actor{Username: "postal.counter", OfficeCode: postOffice}
	r := ev.GetReceived()
	r.FeePaidVnd = fee
	r.Counter = &dossierv1.Counter{PostOffice: ref(postOffice), SealNumber: "NP-" + tn[2:10], PostageVnd: postage, TrackingNumber: tn}
	return ev
}

// counterNumber is the n-th number of the series intake gives the dossiers a post office
// takes.
func counterNumber(t testing.TB, n int) string {
	t.Helper()
	tn, err := s10.New(s10.ServiceFromCounter, n)
	if err != nil {
		t.Fatal(err)
	}
	return tn.String()
}

// onTheWay makes n items on their way to the district desk: pickups from citizens'
// homes, collected by the district post office, and dossiers Bảo Hòa's post office took
// at its counter, in transit. It returns their numbers and dossiers' codes.
func (e *env) onTheWay(t *testing.T, n int, serial int) (tns, codes []string) {
	t.Helper()
	now := time.Now()
	for i := range n {
		d := newDossier(districtDesk)
		if i%2 == 0 {
			e.publishDossier(t, d.received(now, dossierv1.Channel_CHANNEL_POST, pickupAddress))
			s := e.waitShipments(t, d, 1)[0]
			e.recordOK(t, "postal.xuanloc", s.TrackingNumber, newStep("picked_up", time.Now()))
			tns = append(tns, s.TrackingNumber)
		} else {
			tn := counterNumber(t, serial+i)
			e.publishDossier(t, d.counter(now, baoHoaPostOffice, tn, 26000, 100000))
			e.waitShipments(t, d, 1)
			e.recordOK(t, "postal.baohoa", tn, newStep("in_transit", time.Now()))
			tns = append(tns, tn)
		}
		codes = append(codes, d.Code)
	}
	return tns, codes
}

// give draws a record up as who.
func (e *env) give(t testing.TB, who string, body map[string]any, headers ...string) apitest.Reply {
	t.Helper()
	return e.call(t, "POST", "/api/v1/handovers", e.token(t, who), apitest.JSON(t, body), headers...)
}

// confirmHandover confirms the record id as who with signature.
func (e *env) confirmHandover(t testing.TB, who, id string, signature []byte) apitest.Reply {
	t.Helper()
	return e.call(t, "POST", "/api/v1/handovers/"+id+"/confirm", e.token(t, who),
		apitest.JSON(t, map[string]any{"signature_png": signature}))
}

// TestHandovers drives the hand-over records through the API: the district post office
// hands the district desk 20 items in one record, which the desk confirms with a
// signature in one go: each item is delivered with the record as its proof, published
// as a delivered step is; the record's refusals name the first bad item, and only the
// two sides see it.
func TestHandovers(t *testing.T) {
	e := start(t)
	tns, codes := e.onTheWay(t, 20, 1)
	typed := append([]string{}, tns...)
	typed[3] = strings.ToLower(typed[3][:2]) + " " + typed[3][2:6] + " " + typed[3][6:] // as a person types it

	var h handoverSeen
	t.Run("the post office draws the record up", func(t *testing.T) {
		r := e.give(t, "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": typed},
			"Idempotency-Key", "ban-giao-20").Expect(t, http.StatusCreated)
		r.Decode(t, &h)
		if h.Status != "open" || h.ItemCount != 20 || len(h.Items) != 20 || h.FromOffice.Code != districtPostOffice ||
			h.ToOffice.Code != districtDesk || h.GivenBy != "postal.xuanloc" || h.Number < 1 || h.ConfirmedAt != nil ||
			h.FormURL != "/api/v1/handovers/"+h.ID+"/form" {
			t.Fatalf("the record: %+v", h)
		}
		if loc := r.Header.Get("Location"); loc != "/api/v1/handovers/"+h.ID {
			t.Errorf("Location %q", loc)
		}
		for i, it := range h.Items {
			if it.TrackingNumber != tns[i] || it.DossierCode != codes[i] {
				t.Errorf("item %d: %+v, want %s of %s", i, it, tns[i], codes[i])
			}
		}
		if h.Items[1].SealNumber == "" {
			t.Errorf("a counter's item without its seal: %+v", h.Items[1])
		}
	})

	t.Run("the whole record is refused for its first bad item", func(t *testing.T) {
		other := newDossier(districtDesk)
		e.publishDossier(t, other.received(time.Now(), dossierv1.Channel_CHANNEL_DESK, ""))
		e.publishDossier(t, other.transferred(time.Now(), districtDesk, giaRay, dossierv1.Via_VIA_POST))
		elsewhere := e.waitShipments(t, other, 1)[0] // a transfer to Gia Ray, from the district post office
		e.recordOK(t, "postal.xuanloc", elsewhere.TrackingNumber, newStep("picked_up", time.Now()))
		waiting := newDossier(districtDesk)
		e.publishDossier(t, waiting.received(time.Now(), dossierv1.Channel_CHANNEL_POST, pickupAddress))
		notYet := e.waitShipments(t, waiting, 1)[0] // still at the citizen's home
		wrong := wrongCheckDigit(tns[5])
		long := make([]string, 501)
		for i := range long {
			long[i] = counterNumber(t, 1000+i)
		}
		for _, c := range []struct {
			name        string
			who         string
			body        map[string]any
			status      int
			code, field string
		}{
			{"no office", "postal.xuanloc", map[string]any{"tracking_numbers": tns[:2]}, 422, "required", "to_office"},
			{"an unknown office", "postal.xuanloc", map[string]any{"to_office": "000.99.16.H19", "tracking_numbers": tns[:2]}, 422, "unknown_office", "to_office"},
			{"a post office", "postal.xuanloc", map[string]any{"to_office": baoHoaPostOffice, "tracking_numbers": tns[:2]}, 422, "not_an_authority", "to_office"},
			{"no items", "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": []string{}}, 422, "required", "tracking_numbers"},
			{"too many", "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": long}, 422, "too_many", "tracking_numbers"},
			{"a wrong check digit", "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": []string{tns[0], wrong}}, 422, "invalid_tracking_number", "tracking_numbers[1]"},
			{"twice", "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": []string{tns[0], tns[1], tns[0]}}, 422, "duplicate", "tracking_numbers[2]"},
			{"one for another office", "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": []string{tns[0], elsewhere.TrackingNumber}}, 422, "not_for_office", "tracking_numbers[1]"},
			{"one not taken in yet", "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": []string{notYet.TrackingNumber}}, 422, "not_deliverable", "tracking_numbers[0]"},
			{"one no post office has", "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": []string{counterNumber(t, 99999)}}, 422, "unknown_shipment", "tracking_numbers[0]"},
			{"another post office's items", "postal.giaray", map[string]any{"to_office": districtDesk, "tracking_numbers": tns[:1]}, 422, "unknown_shipment", "tracking_numbers[0]"},
			{"for a post office not the worker's", "postal.giaray", map[string]any{"from_office": districtPostOffice, "to_office": districtDesk, "tracking_numbers": tns[:1]}, 403, "not_your_post_office", "from_office"},
			{"by a desk", "desk.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": tns[:1]}, 403, "forbidden", ""},
		} {
			t.Run(c.name, func(t *testing.T) {
				e.give(t, c.who, c.body).ExpectError(t, c.status, c.code, c.field)
			})
		}
		e.call(t, "POST", "/api/v1/handovers", e.token(t, "postal.xuanloc"), []byte(`{"to_office":`)).ExpectError(t, 400, "", "")
		if n := e.count(t, "SELECT count(*) FROM handovers"); n != 1 {
			t.Errorf("%d records kept, want the one drawn up", n)
		}
	})

	t.Run("the same Idempotency-Key gives the same record", func(t *testing.T) {
		key := uuid.NewString()
		body := map[string]any{"to_office": districtDesk, "tracking_numbers": tns[:2]}
		var first, again handoverSeen
		e.give(t, "postal.xuanloc", body, "Idempotency-Key", key).Expect(t, http.StatusCreated).Decode(t, &first)
		r := e.give(t, "postal.xuanloc", map[string]any{"to_office": " " + districtDesk, "tracking_numbers": tns[:2]},
			"Idempotency-Key", key).Expect(t, http.StatusOK)
		r.Decode(t, &again)
		if again.ID != first.ID || r.Header.Get("Idempotent-Replayed") != "true" {
			t.Errorf("again: %s (replayed %q), first %s", again.ID, r.Header.Get("Idempotent-Replayed"), first.ID)
		}
		e.give(t, "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": tns[:3]}, "Idempotency-Key", key).
			ExpectError(t, http.StatusUnprocessableEntity, "idempotency_key_reused", "Idempotency-Key")
	})

	t.Run("only the two sides see it", func(t *testing.T) {
		for _, who := range []string{"postal.xuanloc", "desk.xuanloc", "officer.xuanloc", "supervisor.xuanloc"} {
			var seen handoverSeen
			e.call(t, "GET", "/api/v1/handovers/"+h.ID, e.token(t, who), nil).Expect(t, http.StatusOK).Decode(t, &seen)
			if seen.ID != h.ID || len(seen.Items) != 20 {
				t.Errorf("%s reads %+v", who, seen)
			}
		}
		for _, who := range []string{"postal.giaray", "desk.giaray", "officer.baohoa", "supervisor.giaray", "admin.giaray"} {
			e.call(t, "GET", "/api/v1/handovers/"+h.ID, e.token(t, who), nil).ExpectError(t, http.StatusNotFound, "not_found", "")
		}
		for _, id := range []string{uuid.NewString(), "not-an-id"} {
			e.call(t, "GET", "/api/v1/handovers/"+id, e.token(t, "desk.xuanloc"), nil).ExpectError(t, http.StatusNotFound, "not_found", "")
		}
	})

	t.Run("who may confirm it, and with what", func(t *testing.T) {
		e.confirmHandover(t, "postal.xuanloc", h.ID, apitest.SignaturePNG()).ExpectError(t, http.StatusForbidden, "forbidden", "")
		for _, who := range []string{"desk.giaray", "officer.baohoa"} {
			e.confirmHandover(t, who, h.ID, apitest.SignaturePNG()).ExpectError(t, http.StatusNotFound, "not_found", "")
		}
		e.confirmHandover(t, "desk.xuanloc", h.ID, nil).ExpectError(t, http.StatusUnprocessableEntity, "required", "signature_png")
		e.confirmHandover(t, "desk.xuanloc", h.ID, []byte("GIF89a")).ExpectError(t, http.StatusUnprocessableEntity, "not_png", "signature_png")
		big := append(apitest.SignaturePNG(), make([]byte, 300<<10)...)
		e.confirmHandover(t, "desk.xuanloc", h.ID, big).ExpectError(t, http.StatusRequestEntityTooLarge, "signature_too_large", "signature_png")
		if n := e.count(t, "SELECT count(*) FROM shipment_events WHERE type = 'delivered'"); n != 0 {
			t.Fatalf("%d items delivered by refused confirmations", n)
		}
	})

	t.Run("the desk confirms it: every item is delivered", func(t *testing.T) {
		var done handoverSeen
		r := e.confirmHandover(t, "desk.xuanloc", h.ID, apitest.SignaturePNG()).Expect(t, http.StatusOK)
		r.Decode(t, &done)
		if done.Status != "confirmed" || done.ConfirmedBy != "desk.xuanloc" || done.ConfirmedAt == nil || len(done.Items) != 20 {
			t.Fatalf("the confirmed record: %+v", done)
		}
		for _, it := range done.Items {
			if it.Status != "delivered" {
				t.Errorf("%s is %s after the confirmation", it.TrackingNumber, it.Status)
			}
		}
		for _, tn := range tns {
			v := e.get(t, "desk.xuanloc", tn)
			last := v.Events[len(v.Events)-1]
			if v.Status != "delivered" || last.Type != "delivered" || last.Proof == nil || last.Proof.RecipientName != "desk.xuanloc" ||
				last.Proof.Relation != "office_clerk" || last.Proof.IDLast4 != "" {
				t.Errorf("%s after the record: %s, its last step %+v", tn, v.Status, last)
			}
			evs := e.waitPostal(t, "the delivery of "+tn, recorded(tn, "delivered"))
			if len(evs) != 1 || evs[0].GetRecorded().GetRecipientRelation() != "office_clerk" ||
				evs[0].GetRecorded().GetToOfficeCode() != districtDesk {
				t.Errorf("%s: %d delivered events published: %+v", tn, len(evs), evs)
			}
		}
		var steps []struct {
			By         string `json:"by"`
			HandoverID string `json:"handover_id"`
			Type       string `json:"type"`
		}
		var raw struct {
			Events json.RawMessage `json:"events"`
		}
		e.call(t, "GET", "/api/v1/shipments/"+tns[1], e.token(t, "postal.baohoa"), nil).Expect(t, http.StatusOK).Decode(t, &raw)
		_ = json.Unmarshal(raw.Events, &steps)
		if last := steps[len(steps)-1]; last.Type != "delivered" || last.By != "postal.xuanloc" || last.HandoverID != h.ID {
			t.Errorf("the delivered step names %+v, want by postal.xuanloc with the record %s", last, h.ID)
		}
		if n := e.count(t, "SELECT count(*) FROM handover_items WHERE handover_id = $1 AND event_id IS NOT NULL", h.ID); n != 20 {
			t.Errorf("%d items name their delivered step", n)
		}
		// The signature is kept once, sealed.
		var sealed []byte
		if err := e.DB.QueryRow(t.Context(), "SELECT signature_sealed FROM handovers WHERE id = $1", h.ID).Scan(&sealed); err != nil ||
			len(sealed) == 0 || bytes.Contains(sealed, []byte("PNG")) {
			t.Errorf("the signature kept: %d bytes, %v", len(sealed), err)
		}

		// Again, by another of the desk's staff: the same answer, nothing recorded.
		again := e.confirmHandover(t, "officer.xuanloc", h.ID, nil).Expect(t, http.StatusOK)
		if !bytes.Equal(again.Body, r.Body) || again.Header.Get("Idempotent-Replayed") != "true" {
			t.Errorf("confirmed again: %s (replayed %q)\nthe first: %s", again.Body, again.Header.Get("Idempotent-Replayed"), r.Body)
		}
		if n := e.count(t, "SELECT count(*) FROM shipment_events WHERE type = 'delivered'"); n != 20 {
			t.Errorf("%d delivered steps after confirming twice", n)
		}
		// The worker's request sent again, its items delivered by now: the same record.
		var resent handoverSeen
		e.give(t, "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": typed},
			"Idempotency-Key", "ban-giao-20").Expect(t, http.StatusOK).Decode(t, &resent)
		if resent.ID != h.ID || resent.Status != "confirmed" {
			t.Errorf("the record drawn up again after its confirmation: %s %s, want %s confirmed", resent.ID, resent.Status, h.ID)
		}
	})

	t.Run("the printed record", func(t *testing.T) {
		res, body := e.raw(t, "desk.xuanloc", h.FormURL)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") ||
			res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("the form: %d %v", res.StatusCode, res.Header)
		}
		for _, want := range []string{"BIÊN BẢN GIAO NHẬN BƯU GỬI", fmt.Sprintf("Số: %d/BBGN", h.Number), tns[19], codes[19],
			"NP-" + tns[1][2:10], "Bưu điện huyện Xuân Lộc (" + districtPostOffice + ")", "Bộ phận Một cửa huyện Xuân Lộc",
			"postal.xuanloc", "desk.xuanloc", "nhận đủ 20 bưu gửi", "data:image/png;base64,"} {
			if !strings.Contains(body, want) {
				t.Errorf("the printed record lacks %q", want)
			}
		}
		res, body = e.raw(t, "postal.xuanloc", h.FormURL+"?format=pdf")
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") ||
			!strings.Contains(res.Header.Get("Content-Disposition"), fmt.Sprintf("bien-ban-giao-nhan-%d.pdf", h.Number)) {
			t.Errorf("the PDF: %d %v", res.StatusCode, res.Header)
		}
		e.call(t, "GET", h.FormURL+"?format=xml", e.token(t, "desk.xuanloc"), nil).ExpectError(t, 422, "invalid_format", "format")
		e.call(t, "GET", h.FormURL, e.token(t, "desk.giaray"), nil).ExpectError(t, 404, "not_found", "")
	})
}

// raw reads a path as who, whatever its type.
func (e *env) raw(t testing.TB, who, path string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.token(t, who))
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b bytes.Buffer
	if _, err := b.ReadFrom(res.Body); err != nil {
		t.Fatal(err)
	}
	return res, b.String()
}

// TestHandoverAllOrNothing: a record whose item another record delivered first cannot be
// confirmed, and delivers none of its items; records confirmed at the same moment
// deliver each item once.
func TestHandoverAllOrNothing(t *testing.T) {
	e := start(t)
	tns, _ := e.onTheWay(t, 4, 2001)
	// tns[0] is a pickup from a home (EA…), tns[1] a counter's (EC…): a confirmation
	// delivers tns[0] first, then finds tns[1] gone.
	var first, second handoverSeen
	e.give(t, "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": tns[1:2]}).
		Expect(t, http.StatusCreated).Decode(t, &first)
	e.give(t, "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": tns[:2]}).
		Expect(t, http.StatusCreated).Decode(t, &second)
	e.confirmHandover(t, "desk.xuanloc", first.ID, apitest.SignaturePNG()).Expect(t, http.StatusOK)
	e.confirmHandover(t, "desk.xuanloc", second.ID, apitest.SignaturePNG()).ExpectError(t, http.StatusConflict, "handover_item_gone", "")
	if v := e.get(t, "desk.xuanloc", tns[0]); v.Status != "picked_up" {
		t.Errorf("the other item of the refused record is %s", v.Status)
	}
	var still handoverSeen
	e.call(t, "GET", "/api/v1/handovers/"+second.ID, e.token(t, "desk.xuanloc"), nil).Expect(t, http.StatusOK).Decode(t, &still)
	if still.Status != "open" {
		t.Errorf("the refused record is %s", still.Status)
	}

	var both handoverSeen
	e.give(t, "postal.xuanloc", map[string]any{"to_office": districtDesk, "tracking_numbers": tns[2:]}).
		Expect(t, http.StatusCreated).Decode(t, &both)
	var wg sync.WaitGroup
	answers := make([]apitest.Reply, 4)
	errs := make([]error, 4)
	tok := e.token(t, "desk.xuanloc")
	body := apitest.JSON(t, map[string]any{"signature_png": apitest.SignaturePNG()})
	for i := range answers {
		wg.Go(func() { answers[i], errs[i] = e.do("POST", "/api/v1/handovers/"+both.ID+"/confirm", tok, body) })
	}
	wg.Wait()
	for i, r := range answers {
		if errs[i] != nil || r.Status != http.StatusOK {
			t.Fatalf("a confirmation at the same moment: %v %d %s", errs[i], r.Status, r.Body)
		}
	}
	for _, tn := range tns[2:] {
		if n := e.count(t, `SELECT count(*) FROM shipment_events v JOIN shipments s ON s.id = v.shipment_id
			WHERE s.tracking_number = $1 AND v.type = 'delivered'`, tn); n != 1 {
			t.Errorf("%s delivered %d times", tn, n)
		}
	}
}
