package servicetest

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/png"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/apitest"
)

// paths reach each status from created, as the district post office records them.
var paths = map[string][]string{
	"created":          {},
	"accepted":         {"accepted"},
	"picked_up":        {"picked_up"},
	"in_transit":       {"picked_up", "in_transit"},
	"arrived":          {"picked_up", "arrived"},
	"out_for_delivery": {"picked_up", "out_for_delivery"},
	"delivery_failed":  {"picked_up", "out_for_delivery", "delivery_failed"},
	"delivered":        {"picked_up", "delivered"},
	"returned":         {"picked_up", "out_for_delivery", "delivery_failed", "returned"},
}

var eventTypes = []string{"accepted", "picked_up", "in_transit", "arrived", "out_for_delivery", "delivered",
	"delivery_failed", "returned"}

// newShipment opens a shipment of kind for d at the district desk.
func (e *env) newShipment(t testing.TB, d *dossier, kind string) string {
	t.Helper()
	body := map[string]any{"dossier_code": d.Code, "kind": kind, "from": districtDesk, "to": baoHoa}
	if kind == "delivery" {
		body = map[string]any{"dossier_code": d.Code, "kind": kind, "from": districtDesk, "address": deliveryAddress}
	}
	var v apiclient.Shipment
	e.create(t, "desk.xuanloc", body).Expect(t, http.StatusCreated).Decode(t, &v)
	return v.TrackingNumber
}

// reach opens a shipment of kind and records the steps that bring it to status.
func (e *env) reach(t testing.TB, d *dossier, kind, status string) apiclient.Shipment {
	t.Helper()
	tn := e.newShipment(t, d, kind)
	v := e.get(t, "postal.xuanloc", tn)
	for _, typ := range paths[status] {
		v = e.recordOK(t, "postal.xuanloc", tn, newStep(typ, time.Now()))
	}
	if v.Status != status {
		t.Fatalf("reached %s, want %s", v.Status, status)
	}
	return v
}

func TestWorkersSteps(t *testing.T) {
	e := start(t)
	d := newDossier(districtDesk)
	e.publishDossier(t, d.received(time.Now(), dossierv1.Channel_CHANNEL_DESK, ""))
	e.waitDossiersApplied(t)

	t.Run("the order of the steps", func(t *testing.T) {
		// What may follow each status; a delivery to the citizen may also fail, and only
		// an item whose delivery failed goes back.
		allowed := map[string][]string{
			"created":          {"accepted", "picked_up"},
			"accepted":         {"picked_up", "in_transit"},
			"picked_up":        {"in_transit", "arrived", "out_for_delivery", "delivered"},
			"in_transit":       {"in_transit", "arrived", "out_for_delivery", "delivered"},
			"arrived":          {"out_for_delivery", "delivered"},
			"out_for_delivery": {"delivered"},
			"delivery_failed":  {"out_for_delivery", "delivered", "returned"},
			"delivered":        {},
			"returned":         {},
		}
		for _, kind := range []string{"transfer", "delivery"} {
			for _, status := range []string{"created", "accepted", "picked_up", "in_transit", "arrived", "out_for_delivery",
				"delivery_failed", "delivered", "returned"} {
				next := allowed[status]
				if kind == "delivery" && status == "out_for_delivery" {
					next = append(slices.Clone(next), "delivery_failed")
				}
				if kind != "delivery" && (status == "delivery_failed" || status == "returned") {
					continue // a leg between offices never gets there
				}
				t.Run(kind+" "+status, func(t *testing.T) {
					v := e.reach(t, d, kind, status)
					for _, typ := range eventTypes {
						if slices.Contains(next, typ) {
							continue
						}
						e.record(t, "postal.xuanloc", v.TrackingNumber, newStep(typ, time.Now())).
							ExpectError(t, http.StatusConflict, "event_out_of_order", "")
					}
					if after := e.get(t, "postal.xuanloc", v.TrackingNumber); after.Version != v.Version || after.Status != status {
						t.Errorf("refused steps changed the shipment: %s v%d → %s v%d", status, v.Version, after.Status, after.Version)
					}
					for _, typ := range next {
						w := e.reach(t, d, kind, status)
						got := e.recordOK(t, "postal.xuanloc", w.TrackingNumber, newStep(typ, time.Now()))
						if got.Status != typ || got.Version != w.Version+1 {
							t.Errorf("%s after %s: status %s version %d (was %d)", typ, status, got.Status, got.Version, w.Version)
						}
					}
				})
			}
		}
	})

	t.Run("the same event id again", func(t *testing.T) {
		tn := e.newShipment(t, d, "transfer")
		s := newStep("accepted", time.Now())
		first := e.record(t, "postal.xuanloc", tn, s).Expect(t, http.StatusOK)
		if first.Header.Get("Idempotent-Replayed") != "" {
			t.Error("the first answer says it is replayed")
		}
		for range 2 {
			again := e.record(t, "postal.xuanloc", tn, s).Expect(t, http.StatusOK)
			if !bytes.Equal(again.Body, first.Body) || again.Header.Get("Idempotent-Replayed") != "true" {
				t.Errorf("resend: %s (replayed %q), first %s", again.Body, again.Header.Get("Idempotent-Replayed"), first.Body)
			}
		}
		// Even after the shipment moved on, the resend answers as the first time.
		e.recordOK(t, "postal.xuanloc", tn, newStep("picked_up", time.Now()))
		if again := e.record(t, "postal.xuanloc", tn, s).Expect(t, http.StatusOK); !bytes.Equal(again.Body, first.Body) {
			t.Errorf("late resend: %s, first %s", again.Body, first.Body)
		}
		if n := e.count(t, "SELECT count(*) FROM shipment_events WHERE event_id = $1", s["event_id"]); n != 1 {
			t.Errorf("%d steps stored for one event id", n)
		}
		if v := e.get(t, "postal.xuanloc", tn); len(v.Events) != 3 { // created, accepted, picked_up
			t.Errorf("steps after resends: %+v", v.Events)
		}
		evs := e.waitPostal(t, "the accepted step", recorded(tn, "accepted"))
		if len(evs) != 1 || evs[0].GetEventId() != s["event_id"] || evs[0].MsgID != s["event_id"] {
			t.Errorf("accepted published %d times: %+v", len(evs), evs)
		}
	})

	t.Run("concurrent resends", func(t *testing.T) {
		tn := e.newShipment(t, d, "transfer")
		body := apitest.JSON(t, newStep("picked_up", time.Now()))
		tok := e.token(t, "postal.xuanloc")
		const n = 4 // fewer than the pool's connections: see the test below
		answers := make([]apitest.Reply, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { answers[i], errs[i] = e.do("POST", "/api/v1/shipments/"+tn+"/events", tok, body) })
		}
		wg.Wait()
		replayed := 0
		for i, r := range answers {
			if errs[i] != nil {
				t.Fatal(errs[i])
			}
			r.Check(t, "concurrent resend")
			r.Expect(t, http.StatusOK)
			if !bytes.Equal(r.Body, answers[0].Body) {
				t.Errorf("answers differ: %s / %s", r.Body, answers[0].Body)
			}
			if r.Header.Get("Idempotent-Replayed") == "true" {
				replayed++
			}
		}
		if replayed != n-1 {
			t.Errorf("%d answers replayed, want %d", replayed, n-1)
		}
		if v := e.get(t, "postal.xuanloc", tn); len(v.Events) != 2 || v.Version != 2 {
			t.Errorf("after concurrent resends: version %d, %d steps", v.Version, len(v.Events))
		}
	})

	t.Run("concurrent steps as many as the database connections", func(t *testing.T) {
		// The answer must come, whatever it is; a client that gives up frees the service.
		impatient := &http.Client{Timeout: 10 * time.Second}
		tok := e.token(t, "postal.xuanloc")
		const n = 16 // twice the test service's MOTCUA_DB_MAX_CONNS
		for _, sameShipment := range []bool{true, false} {
			var tns []string
			for range n {
				tns = append(tns, e.newShipment(t, d, "transfer"))
			}
			body := apitest.JSON(t, newStep("picked_up", time.Now()))
			errs := make([]error, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() {
					tn, b := tns[0], body
					if !sameShipment {
						tn, b = tns[i], apitest.JSON(t, newStep("picked_up", time.Now()))
					}
					var r apitest.Reply
					r, errs[i] = e.doWith(impatient, "POST", "/api/v1/shipments/"+tn+"/events", tok, b)
					if errs[i] == nil && r.Status != http.StatusOK {
						t.Errorf("step: %d %s", r.Status, r.Body)
					}
				})
			}
			wg.Wait()
			hung := 0
			for _, err := range errs {
				if err != nil {
					hung++
				}
			}
			if hung > 0 {
				t.Errorf("same shipment %v: %d of %d concurrent steps got no answer in 10s", sameShipment, hung, n)
			}
		}
	})

	t.Run("an event id reused with other content", func(t *testing.T) {
		tn := e.newShipment(t, d, "transfer")
		s := newStep("accepted", time.Now())
		e.recordOK(t, "postal.xuanloc", tn, s)
		other := step{}
		for k, v := range s {
			other[k] = v
		}
		other["seal_number"] = "SEAL-0002"
		e.record(t, "postal.xuanloc", tn, other).ExpectError(t, http.StatusUnprocessableEntity, "event_id_reused", "event_id")
		// Or for another shipment.
		e.record(t, "postal.xuanloc", e.newShipment(t, d, "transfer"), s).
			ExpectError(t, http.StatusUnprocessableEntity, "event_id_reused", "event_id")
	})

	t.Run("what a step must carry", func(t *testing.T) {
		v := e.reach(t, d, "delivery", "out_for_delivery")
		tn := v.TrackingNumber
		noProof := newStep("delivered", time.Now())
		delete(noProof, "proof")
		e.record(t, "postal.xuanloc", tn, noProof).ExpectError(t, http.StatusUnprocessableEntity, "required", "proof")

		// A signature over 256 KiB (a real PNG of random pixels, so it does not shrink).
		big := newStep("delivered", time.Now())
		img := image.NewGray(image.Rect(0, 0, 560, 520))
		for i := range img.Pix {
			img.Pix[i] = byte(rand.IntN(256))
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		if b.Len() <= 256<<10 || base64.StdEncoding.EncodedLen(b.Len()) > 480<<10 {
			t.Fatalf("signature of %d bytes", b.Len())
		}
		p := proof("Trần Thị Bích", "family")
		p["signature_png"] = b.Bytes()
		big["proof"] = p
		e.record(t, "postal.xuanloc", tn, big).ExpectError(t, http.StatusRequestEntityTooLarge, "signature_too_large", "proof.signature_png")

		// A body far over any signature.
		huge := newStep("delivered", time.Now())
		p = proof("Trần Thị Bích", "family")
		p["signature_png"] = bytes.Repeat([]byte{1}, 600<<10)
		huge["proof"] = p
		if r := e.record(t, "postal.xuanloc", tn, huge); r.Status != http.StatusRequestEntityTooLarge {
			t.Errorf("a body of 800 KiB: %d %s", r.Status, r.Body)
		}

		for name, sig := range map[string][]byte{
			"JPEG":          {0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F'},
			"text":          []byte("signed: Bích"),
			"truncated PNG": signaturePNG(40, 20)[:20],
		} {
			s := newStep("delivered", time.Now())
			p := proof("Trần Thị Bích", "family")
			p["signature_png"] = sig
			s["proof"] = p
			r := e.record(t, "postal.xuanloc", tn, s)
			if r.Status != http.StatusUnprocessableEntity {
				t.Errorf("%s signature: %d %s", name, r.Status, r.Body)
				continue
			}
			r.ExpectError(t, http.StatusUnprocessableEntity, "not_png", "proof.signature_png")
		}
		failed := newStep("delivery_failed", time.Now())
		failed["reason_code"] = "dog"
		e.record(t, "postal.xuanloc", tn, failed).ExpectError(t, http.StatusUnprocessableEntity, "invalid_reason_code", "reason_code")
		e.record(t, "postal.xuanloc", tn, newStep("delivered", time.Now().Add(time.Hour))).
			ExpectError(t, http.StatusUnprocessableEntity, "in_the_future", "occurred_at")
		e.record(t, "postal.xuanloc", tn, newStep("delivered", time.Now().Add(-24*time.Hour))).
			ExpectError(t, http.StatusUnprocessableEntity, "before_last_event", "occurred_at")
		e.record(t, "postal.xuanloc", tn, step{"event_id": "not-a-uuid", "type": "delivered", "occurred_at": time.Now()}).
			ExpectError(t, http.StatusUnprocessableEntity, "", "event_id")
		if after := e.get(t, "postal.xuanloc", tn); after.Version != v.Version {
			t.Errorf("refused steps changed the shipment: version %d → %d", v.Version, after.Version)
		}
	})

	t.Run("only the shipment's post offices record its steps", func(t *testing.T) {
		tn := e.newShipment(t, d, "transfer")
		e.record(t, "postal.giaray", tn, newStep("accepted", time.Now())).ExpectError(t, http.StatusNotFound, "", "")
		e.record(t, "desk.xuanloc", tn, newStep("accepted", time.Now())).ExpectError(t, http.StatusForbidden, "", "")
		e.record(t, "supervisor.xuanloc", tn, newStep("accepted", time.Now())).ExpectError(t, http.StatusForbidden, "", "")
		e.record(t, "postal.xuanloc", tn, newStep("picked_up", time.Now())).Expect(t, http.StatusOK)
		e.record(t, "postal.baohoa", tn, newStep("arrived", time.Now())).Expect(t, http.StatusOK) // the delivering end
		e.record(t, "postal.xuanloc", wrongCheckDigit(tn), newStep("delivered", time.Now())).
			ExpectError(t, http.StatusUnprocessableEntity, "invalid_tracking_number", "")
		e.record(t, "postal.xuanloc", "EE123456785VN", newStep("delivered", time.Now())).ExpectError(t, http.StatusNotFound, "", "")
	})

	t.Run("a resend by a postal worker of another post office", func(t *testing.T) {
		tn := e.newShipment(t, d, "transfer")
		s := newStep("accepted", time.Now())
		e.recordOK(t, "postal.xuanloc", tn, s)
		e.record(t, "postal.giaray", tn, s).ExpectError(t, http.StatusNotFound, "", "")
	})

	t.Run("the published steps carry no recipient's name", func(t *testing.T) {
		v := e.reach(t, d, "delivery", "out_for_delivery")
		const name = "Lê Thị Diệu Hiền"
		s := newStep("delivered", time.Now())
		s["proof"] = proof(name, "self")
		e.recordOK(t, "postal.xuanloc", v.TrackingNumber, s)
		ev := e.waitPostal(t, "the delivery", recorded(v.TrackingNumber, "delivered"))[0]
		r := ev.GetRecorded()
		if r.GetRecipientRelation() != "self" || ev.GetEventId() != s["event_id"] || r.GetDossierCode() != d.Code ||
			r.GetPostOfficeCode() != districtPostOffice {
			t.Errorf("delivered event: %v", r)
		}
		for _, leak := range []string{name, "Diệu Hiền", deliveryAddress} {
			if strings.Contains(string(ev.Data), leak) {
				t.Errorf("the published event carries %q", leak)
			}
		}
		// The desk reads the proof.
		got := e.get(t, "desk.xuanloc", v.TrackingNumber)
		last := got.Events[len(got.Events)-1]
		if last.Proof == nil || last.Proof.RecipientName != name || last.Proof.IDLast4 != "0427" || last.By != "postal.xuanloc" {
			t.Errorf("the delivered step as the desk reads it: %+v", last)
		}
	})

	t.Run("a resend of a refused step is judged again", func(t *testing.T) {
		tn := e.newShipment(t, d, "transfer")
		s := newStep("in_transit", time.Now())
		e.record(t, "postal.xuanloc", tn, s).ExpectError(t, http.StatusConflict, "event_out_of_order", "")
		e.recordOK(t, "postal.xuanloc", tn, newStep("picked_up", time.Now()))
		s["occurred_at"] = time.Now().Format(time.RFC3339Nano)
		e.recordOK(t, "postal.xuanloc", tn, s)
	})
}
