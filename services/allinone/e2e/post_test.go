package e2e

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
)

// TestPost drives the public post (domain §5) through the HTTP APIs of the separate
// processes: a dossier sent by post, carried to a commune and its result delivered to the
// applicant; a delivery that fails and comes back to the desk; a confirmation a phone
// sends three times. Shipments open by themselves from the dossier's events (postal),
// a delivered leg moves the dossier on (intake), and the citizen reads every leg (status).
func TestPost(t *testing.T) {
	e := start(t)
	l := newLife(e)
	var first *made
	var legs []apiclient.Shipment
	t.Run("sent by post, carried to a commune, delivered with proof", func(t *testing.T) {
		first, legs = l.postRoad(t)
	})
	t.Run("post offices keep to their own", func(t *testing.T) {
		if len(legs) != 3 {
			t.Skip("the first dossier did not travel its three legs")
		}
		l.postAccess(t, first, legs)
	})
	t.Run("a delivery that fails twice returns to the desk", l.postReturn)
	t.Run("the same confirmation three times counts once", l.postOnce)
}

// idLast4 is the last four digits of the applicant's identity number in body.
func idLast4(body map[string]any) string {
	id := body["applicant"].(map[string]string)["id_number"]
	return id[len(id)-4:]
}

// postRoad: registered at the district desk from a dossier the post collects at the
// applicant's home, sent by post to Bảo Hòa, decided there, the result delivered to the
// applicant's address; every leg signed for. It returns the dossier and its three legs.
func (l *life) postRoad(t *testing.T) (*made, []apiclient.Shipment) {
	desk, officer := demo.DistrictDesk, "officer.baohoa"
	body := l.registration(marital, baoHoa, "post")
	body["result_delivery"] = map[string]string{"method": "post", "address": resultAddress}
	d, _ := l.registerBody(t, marital, baoHoa, "post", body, "")
	road := []roadStep{dossierStep("received", desk, d.receipt.ReceivedAt)}

	// 1. The pickup, from the applicant's address to the desk, all in the district post
	// office's hands.
	pk := l.awaitShipment(t, workerXL, d, "pickup", 1)
	if !validS10(pk.TrackingNumber, "EA") || pk.Status != "created" || pk.DossierCode != d.code() || pk.From != nil ||
		pk.To == nil || pk.To.Code != desk || pk.Address != pickupAddress || pk.OriginPostOffice.Code != postXuanLoc ||
		pk.DestinationPostOffice.Code != postXuanLoc || pk.Version != 1 {
		t.Fatalf("the pickup: %+v", pk)
	}
	road = append(road, shipStep(pk, "created", desk, time.Time{}))
	m := l.manifestOK(t, workerXL, postXuanLoc)
	if s, ok := find(m.Pickups, pk.TrackingNumber); !ok || s.Address != pickupAddress {
		t.Errorf("the district post office's run sheet does not send anyone to %q for %s: %+v", pickupAddress, pk.TrackingNumber, m.Pickups)
	}

	s, at := l.stepOK(t, workerXL, pk.TrackingNumber, "accepted",
		map[string]any{"seal_number": "XL-2026-000117", "postage_vnd": 25000, "paid_by": "citizen"})
	if s.SealNumber != "XL-2026-000117" || s.PostageVND != 25000 || s.PaidBy != "citizen" || s.Version != 2 ||
		!s.UpdatedAt.Equal(at) {
		t.Errorf("the pickup accepted: %+v", s)
	}
	road = append(road, shipStep(pk, "accepted", desk, at))
	_, at = l.stepOK(t, workerXL, pk.TrackingNumber, "picked_up", nil)
	road = append(road, shipStep(pk, "picked_up", desk, at))
	_, at = l.stepOK(t, workerXL, pk.TrackingNumber, "delivered",
		map[string]any{"proof": proof(t, "Trần Thị Bình", "office_clerk", "0427")})
	road = append(road, shipStep(pk, "delivered", desk, at))
	pk = l.shipment(t, workerXL, pk.TrackingNumber)
	if !slices.Equal(pk.EventTypes(), []string{"created", "accepted", "picked_up", "delivered"}) {
		t.Fatalf("the pickup's steps: %v", pk.EventTypes())
	}
	if ev := pk.Events[1]; ev.SealNumber != "XL-2026-000117" || ev.By != workerXL || ev.PostOffice == nil || ev.PostOffice.Code != postXuanLoc {
		t.Errorf("the pickup's acceptance: %+v", ev)
	}
	if ev := pk.Events[3]; ev.Proof == nil || ev.Proof.RecipientName != "Trần Thị Bình" || ev.Proof.Relation != "office_clerk" ||
		ev.Proof.IDLast4 != "0427" || ev.By != workerXL || !ev.OccurredAt.Equal(at) {
		t.Errorf("the pickup's delivery and its proof: %+v (proof %+v)", ev, ev.Proof)
	}
	if ev := pk.Events[0]; ev.By != "motcua" || !ev.Automatic {
		t.Errorf("the pickup was opened by %q (automatic %v), want the product itself", ev.By, ev.Automatic)
	}

	// 2. The desk sends the dossier to the commune by post: a leg from the desk to Bảo Hòa,
	// picked up by the district post office and delivered by the commune's postal point.
	st := l.actOK(t, deskUser, d, "transfer", map[string]any{"to_office": baoHoa, "via": "post", "note": "Gửi qua bưu điện"},
		"transferred", baoHoa)
	road = append(road, dossierStep("transferred", baoHoa, st.LastStep.At))
	tr := l.awaitShipment(t, workerXL, d, "transfer", 1)
	if !validS10(tr.TrackingNumber, "EA") || tr.Status != "created" || tr.From == nil || tr.From.Code != desk ||
		tr.To == nil || tr.To.Code != baoHoa || tr.OriginPostOffice.Code != postXuanLoc ||
		tr.DestinationPostOffice.Code != postBaoHoa || tr.PaidBy != "authority" {
		t.Fatalf("the transfer leg: %+v", tr)
	}
	road = append(road, shipStep(tr, "created", baoHoa, time.Time{}))
	road = append(road, l.walk(t, tr, baoHoa,
		legStep{workerXL, "accepted", map[string]any{"seal_number": "XL-2026-000118"}},
		legStep{workerXL, "picked_up", nil},
		legStep{workerXL, "in_transit", nil},
		legStep{workerBH, "arrived", nil},
	)...)
	// Not yet delivered: the dossier is still on its way, nobody at Bảo Hòa has it.
	if w := l.wholeOf(t, officer, d); w.Status != "in_transit" || slices.Contains(w.Actions(), "arrive") {
		t.Errorf("before the leg is delivered intake has %s, steps %v", w.Status, w.Actions())
	}
	_, at = l.stepOK(t, workerBH, tr.TrackingNumber, "delivered",
		map[string]any{"proof": proof(t, "Lê Văn Cường", "office_clerk", "1289")})
	w := l.awaitIntake(t, officer, d, "arrive")
	if last := w.Steps[len(w.Steps)-1]; last.By != "postal" || last.Office.Code != baoHoa || last.TrackingNumber != tr.TrackingNumber ||
		!last.At.Equal(at) {
		t.Errorf("intake's arrive step: %+v, want by postal at %s for %s at %s", last, baoHoa, tr.TrackingNumber, at)
	}
	if w.Status != "in_transit" || w.PendingOffice == nil || w.PendingOffice.Code != baoHoa || !slices.Contains(w.AllowedActions, "accept") {
		t.Errorf("arrived at Bảo Hòa: status %s, pending %+v, officer.baohoa may %v; want in_transit awaiting acceptance",
			w.Status, w.PendingOffice, w.AllowedActions)
	}
	road = append(road, dossierStep("arrived", baoHoa, at), shipStep(tr, "delivered", baoHoa, at))

	// 3. Decided at the commune; the result goes to the applicant's address by post.
	st = l.actOK(t, officer, d, "accept", nil, "accepted", baoHoa)
	road = append(road, dossierStep("accepted", baoHoa, st.LastStep.At))
	st = l.actOK(t, officer, d, "complete", map[string]any{"outcome": "approved", "note": "Đủ điều kiện"}, "completed", baoHoa)
	road = append(road, dossierStep("completed", baoHoa, st.LastStep.At))
	dl := l.awaitShipment(t, workerBH, d, "delivery", 1)
	if !validS10(dl.TrackingNumber, "EB") || dl.Status != "created" || dl.From == nil || dl.From.Code != baoHoa || dl.To != nil ||
		dl.Address != resultAddress || dl.OriginPostOffice.Code != postBaoHoa || dl.DestinationPostOffice.Code != postXuanLoc {
		t.Fatalf("the delivery: %+v", dl)
	}
	road = append(road, shipStep(dl, "created", baoHoa, time.Time{}))
	m = l.manifestOK(t, workerBH, postBaoHoa)
	if s, ok := find(m.Pickups, dl.TrackingNumber); !ok || s.Address != resultAddress {
		t.Errorf("Bảo Hòa's run sheet does not send anyone to collect %s: %+v", dl.TrackingNumber, m.Pickups)
	}
	road = append(road, l.walk(t, dl, baoHoa,
		legStep{workerBH, "accepted", map[string]any{"seal_number": "BH-2026-000031"}},
		legStep{workerBH, "picked_up", nil},
		legStep{workerBH, "in_transit", nil},
	)...)
	// The delivering post office's run sheet sends its postman to the result's address.
	m = l.manifestOK(t, workerXL, postXuanLoc)
	if s, ok := find(m.Deliveries, dl.TrackingNumber); !ok || s.Address != resultAddress || s.Kind != "delivery" {
		t.Errorf("the district post office's run sheet does not deliver %s to %q: %+v", dl.TrackingNumber, resultAddress, m.Deliveries)
	}
	road = append(road, l.walk(t, dl, baoHoa, legStep{workerXL, "arrived", nil}, legStep{workerXL, "out_for_delivery", nil})...)
	if w := l.wholeOf(t, officer, d); w.Status != "processed" {
		t.Errorf("out for delivery, intake has %s, want processed", w.Status)
	}
	_, at = l.stepOK(t, workerXL, dl.TrackingNumber, "delivered",
		map[string]any{"proof": proof(t, applicantName, "self", idLast4(body))})

	// The dossier is returned by itself.
	w = l.awaitIntake(t, officer, d, "deliver")
	if w.Status != "returned" || w.StatusCode != 10 || len(w.AllowedActions) != 0 {
		t.Errorf("delivered: intake has %s (%d), allows %v; want returned (10), nothing more", w.Status, w.StatusCode, w.AllowedActions)
	}
	if last := w.Steps[len(w.Steps)-1]; last.By != "postal" || last.TrackingNumber != dl.TrackingNumber || !last.At.Equal(at) {
		t.Errorf("intake's deliver step: %+v", last)
	}
	if got := w.Actions(); !slices.Equal(got, []string{"transfer", "arrive", "accept", "complete", "deliver"}) {
		t.Errorf("intake's hand-over log: %v", got)
	}
	road = append(road, dossierStep("result_delivered", baoHoa, at), shipStep(dl, "delivered", baoHoa, at))

	// The citizen reads every leg.
	tr, dl = l.shipment(t, workerBH, tr.TrackingNumber), l.shipment(t, workerXL, dl.TrackingNumber)
	legs := []apiclient.Shipment{pk, tr, dl}
	for lang, code := range []string{"", "en"} {
		trk := l.awaitPostTrack(t, d, code, "the result returned after three legs delivered", func(p apiclient.Track) bool {
			return p.Status == "returned" && len(p.Timeline) == len(road) && len(p.Shipments) == 3 &&
				p.Shipments[2].Status == "delivered"
		})
		if trk.StatusCode != 10 || trk.StatusLabel != statuses["returned"].label(lang) {
			t.Errorf("lookup (%s): %s %d %q", code, trk.Status, trk.StatusCode, trk.StatusLabel)
		}
		for i, s := range trk.Shipments {
			want := legs[i]
			last := want.Events[len(want.Events)-1].OccurredAt
			if s.TrackingNumber != want.TrackingNumber || s.Kind != want.Kind || s.Status != "delivered" ||
				s.StatusLabel != shipmentStatusWords["delivered"][lang] || !s.UpdatedAt.Equal(last.Truncate(time.Second)) {
				t.Errorf("lookup (%s): shipments[%d] = %+v, want %s %s delivered at %s", code, i, s, want.Kind,
					want.TrackingNumber, last.Truncate(time.Second))
			}
		}
		checkRoad(t, "lookup ("+code+")", trk, road, lang)
	}
	return d, legs
}

// postAccess: a run sheet shows a post office only its own legs; a postal worker reads
// the run sheet of their post office only and records steps of its shipments only.
func (l *life) postAccess(t *testing.T, d *made, legs []apiclient.Shipment) {
	pk, tr, dl := legs[0], legs[1], legs[2]
	// Run sheets, with the citizens' addresses, are for the post office's own workers:
	// a supervisor may not read one.
	_, a := l.manifest(t, "supervisor.xuanloc", postGiaRay)
	expectError(t, "a supervisor reading a run sheet", a, http.StatusForbidden, "forbidden")
	// Each post office's run sheet lists what it collected and what it delivered today.
	for _, tc := range []struct {
		user, office                   string
		pickups, deliveries, notListed []apiclient.Shipment
	}{
		{workerXL, postXuanLoc, []apiclient.Shipment{pk, tr}, []apiclient.Shipment{pk, dl}, nil},
		{workerBH, postBaoHoa, []apiclient.Shipment{dl}, []apiclient.Shipment{tr}, []apiclient.Shipment{pk}},
	} {
		m := l.manifestOK(t, tc.user, tc.office)
		for _, part := range []struct {
			name string
			list []apiclient.Shipment
			want []apiclient.Shipment
		}{{"pickups", m.Pickups, tc.pickups}, {"deliveries", m.Deliveries, tc.deliveries}} {
			for _, s := range part.want {
				if _, ok := find(part.list, s.TrackingNumber); !ok {
					t.Errorf("the run sheet of %s does not list %s (%s) among its %s", tc.office, s.TrackingNumber, s.Kind, part.name)
				}
			}
		}
		for _, s := range tc.notListed {
			if _, ok := find(append(m.Pickups, m.Deliveries...), s.TrackingNumber); ok {
				t.Errorf("the run sheet of %s lists %s (%s), another post office's", tc.office, s.TrackingNumber, s.Kind)
			}
		}
	}

	// Bảo Hòa's postal worker and the district post office's run sheet and pickup: told
	// what a wrong code is told.
	_, a = l.manifest(t, workerBH, postXuanLoc)
	expectError(t, "postal.baohoa reading the district post office's run sheet", a, http.StatusNotFound, "not_found")
	before := l.shipment(t, workerXL, pk.TrackingNumber)
	a, _ = l.record(t, workerBH, pk.TrackingNumber, "in_transit", nil)
	expectError(t, "postal.baohoa recording a step of the district post office's pickup", a, http.StatusNotFound, "not_found")
	a = l.call(t, l.e.cl.Postal.Addr, http.MethodGet, "/api/v1/shipments/"+pk.TrackingNumber, workerBH, "", nil)
	expectError(t, "postal.baohoa reading the district post office's pickup", a, http.StatusNotFound, "not_found")
	if after := l.shipment(t, workerXL, pk.TrackingNumber); after.Version != before.Version || len(after.Events) != len(before.Events) {
		t.Errorf("a refused step changed the pickup: version %d → %d, %d → %d steps", before.Version, after.Version,
			len(before.Events), len(after.Events))
	}
	// The legs it worked on, it sees; the pickup it had nothing to do with, it does not.
	var seen []string
	for _, s := range l.shipmentsOf(t, workerBH, d) {
		seen = append(seen, s.TrackingNumber)
	}
	if want := []string{tr.TrackingNumber, dl.TrackingNumber}; !slices.Equal(seen, want) {
		t.Errorf("postal.baohoa sees the shipments %v of %s, want %v", seen, d.code(), want)
	}
}

// postReturn: a result decided at the desk goes out by post; the applicant is out twice
// and the second time the postman sends it back; the return leg brings it to the desk,
// where the applicant collects it.
func (l *life) postReturn(t *testing.T) {
	desk, officer := demo.DistrictDesk, "officer.xuanloc"
	body := l.registration(household, desk, "desk")
	body["result_delivery"] = map[string]string{"method": "post", "address": resultAddress}
	d, _ := l.registerBody(t, household, desk, "desk", body, "")
	road := []roadStep{dossierStep("received", desk, d.receipt.ReceivedAt)}
	st := l.actOK(t, officer, d, "accept", nil, "accepted", desk)
	road = append(road, dossierStep("accepted", desk, st.LastStep.At))
	st = l.actOK(t, officer, d, "complete", map[string]any{"outcome": "approved"}, "completed", desk)
	road = append(road, dossierStep("completed", desk, st.LastStep.At))

	dl := l.awaitShipment(t, workerXL, d, "delivery", 1)
	if !validS10(dl.TrackingNumber, "EB") || dl.From == nil || dl.From.Code != desk || dl.Address != resultAddress ||
		dl.OriginPostOffice.Code != postXuanLoc || dl.DestinationPostOffice.Code != postXuanLoc {
		t.Fatalf("the delivery: %+v", dl)
	}
	tn := dl.TrackingNumber
	road = append(road, shipStep(dl, "created", desk, time.Time{}))
	road = append(road, l.walk(t, dl, desk, legStep{workerXL, "accepted", map[string]any{"seal_number": "XL-2026-000200"}},
		legStep{workerXL, "picked_up", nil}, legStep{workerXL, "out_for_delivery", nil})...)

	// The first attempt: nobody in, a notice left. The item stays with the post.
	s, at := l.stepOK(t, workerXL, tn, "delivery_failed", map[string]any{"reason_code": "recipient_absent", "action_code": "leave_notice"})
	if s.FailedAttempts != 1 {
		t.Errorf("after the first failed attempt: %d attempts counted", s.FailedAttempts)
	}
	failed := shipStep(dl, "delivery_failed", desk, at)
	failed.reason = "recipient_absent"
	road = append(road, failed)
	if list := l.shipmentsOf(t, workerXL, d); len(list) != 1 {
		t.Errorf("after one failed attempt %s has %d shipments, want the delivery alone", d.code(), len(list))
	}
	_, at = l.stepOK(t, workerXL, tn, "out_for_delivery", nil)
	road = append(road, shipStep(dl, "out_for_delivery", desk, at))

	// The second attempt: nobody in again, and the postman sends it back.
	s, at = l.stepOK(t, workerXL, tn, "delivery_failed",
		map[string]any{"reason_code": "recipient_absent", "action_code": "return_to_sender"}, "returned")
	if s.FailedAttempts != 2 || s.Version != 8 {
		t.Errorf("sent back after the second attempt: %d attempts, version %d; want 2 and 8 (the return recorded with it)",
			s.FailedAttempts, s.Version)
	}
	failed = shipStep(dl, "delivery_failed", desk, at)
	failed.reason = "recipient_absent"
	road = append(road, failed, shipStep(dl, "returned", desk, at))
	dl = l.shipment(t, workerXL, tn)
	if want := []string{"created", "accepted", "picked_up", "out_for_delivery", "delivery_failed", "out_for_delivery",
		"delivery_failed", "returned"}; !slices.Equal(dl.EventTypes(), want) {
		t.Fatalf("the delivery's steps: %v, want %v", dl.EventTypes(), want)
	}
	if ev := dl.Events[4]; ev.ReasonCode != "recipient_absent" || ev.ActionCode != "leave_notice" || ev.By != workerXL {
		t.Errorf("the first failed attempt: %+v", ev)
	}
	if ev := dl.Events[7]; !ev.Automatic || ev.By != "motcua" || ev.ReasonCode != "recipient_absent" ||
		ev.ActionCode != "return_to_sender" || !ev.OccurredAt.Equal(at) {
		t.Errorf("the return after the second attempt: %+v", ev)
	}
	// A failed delivery leaves the dossier where it was.
	if w := l.wholeOf(t, deskUser, d); w.Status != "processed" || w.CurrentOffice.Code != desk {
		t.Errorf("after the failed delivery intake has %s at %s, want processed at the desk", w.Status, w.CurrentOffice.Code)
	}

	// The return leg, back to the district desk.
	ret := l.awaitShipment(t, workerXL, d, "return", 1)
	if !validS10(ret.TrackingNumber, "EB") || ret.Status != "created" || ret.ReturnsTrackingNumber != tn ||
		ret.PaidBy != "authority" || ret.OriginPostOffice.Code != postXuanLoc || ret.DestinationPostOffice.Code != postXuanLoc {
		t.Fatalf("the return: %+v", ret)
	}
	if ret.To == nil || ret.To.Code != desk {
		t.Errorf("the return of %s goes to %+v, want the district desk %s that received the dossier", tn, ret.To, desk)
	}
	road = append(road, shipStep(ret, "created", desk, time.Time{}))

	// The citizen reads both attempts, why they failed, and that the result is coming back.
	trk := l.awaitPostTrack(t, d, "", "the failed attempts and the return", func(p apiclient.Track) bool {
		return len(p.Timeline) == len(road) && len(p.Shipments) == 2
	})
	if trk.Status != "processed" || trk.CurrentOffice.Code != desk {
		t.Errorf("lookup while the result comes back: %s at %+v, want processed at the desk", trk.Status, trk.CurrentOffice)
	}
	if s := trk.Shipments[0]; s.TrackingNumber != tn || s.Status != "returned" || s.StatusLabel != shipmentStatusWords["returned"][0] {
		t.Errorf("lookup while the result comes back: the delivery is %+v, want returned", s)
	}
	checkRoad(t, "lookup while the result comes back", trk, road, 0)

	road = append(road, l.walk(t, ret, desk, legStep{workerXL, "accepted", map[string]any{"seal_number": "XL-2026-000201"}},
		legStep{workerXL, "in_transit", nil})...)
	_, at = l.stepOK(t, workerXL, ret.TrackingNumber, "delivered",
		map[string]any{"proof": proof(t, "Phạm Thị Dung", "office_clerk", "5531")})

	// The result is back at the desk, waiting for the applicant.
	w := l.awaitIntake(t, deskUser, d, "bring-back")
	last := w.Steps[len(w.Steps)-1]
	if w.Status != "processed" || w.StatusCode != 9 || w.CurrentOffice.Code != desk || !slices.Contains(w.AllowedActions, "return") {
		t.Errorf("brought back: intake has %s (%d) at %+v, the desk may %v; want processed (9) at %s, return allowed",
			w.Status, w.StatusCode, w.CurrentOffice, w.AllowedActions, desk)
	}
	if last.By != "postal" || last.TrackingNumber != ret.TrackingNumber || last.Office.Code != desk ||
		last.ToOffice == nil || last.ToOffice.Code != desk || !last.At.Equal(at) {
		t.Errorf("intake's bring-back step: %+v (to %+v)", last, last.ToOffice)
	}
	road = append(road, dossierStep("result_back", desk, at), shipStep(ret, "delivered", desk, at))

	st = l.actOK(t, deskUser, d, "return", nil, "returned", desk)
	if st.Status != "returned" || st.StatusCode != 10 {
		t.Errorf("handed over at the desk: %+v", st)
	}
	road = append(road, dossierStep("returned", desk, st.LastStep.At))
	if got := l.wholeOf(t, deskUser, d).Actions(); !slices.Equal(got, []string{"accept", "complete", "bring-back", "return"}) {
		t.Errorf("intake's hand-over log: %v", got)
	}

	for lang, code := range []string{"", "en"} {
		trk := l.awaitPostTrack(t, d, code, "the result returned at the desk after the post brought it back", func(p apiclient.Track) bool {
			return p.Status == "returned" && len(p.Timeline) == len(road) && len(p.Shipments) == 2 &&
				p.Shipments[1].Status == "delivered"
		})
		if trk.StatusCode != 10 || trk.CurrentOffice.Code != desk {
			t.Errorf("lookup (%s): %s %d at %+v", code, trk.Status, trk.StatusCode, trk.CurrentOffice)
		}
		for i, want := range []struct{ tn, kind, status string }{{tn, "delivery", "returned"}, {ret.TrackingNumber, "return", "delivered"}} {
			s := trk.Shipments[i]
			if s.TrackingNumber != want.tn || s.Kind != want.kind || s.Status != want.status ||
				s.StatusLabel != shipmentStatusWords[want.status][lang] {
				t.Errorf("lookup (%s): shipments[%d] = %+v, want %s %s %s", code, i, s, want.kind, want.tn, want.status)
			}
		}
		checkRoad(t, "lookup ("+code+")", trk, road, lang)
	}
}

// postOnce: a phone sends the confirmation of a delivery three times (it lost the
// answer); the post records it once and the dossier moves once. And what the post refuses:
// a step out of order, a delivery without its proof, a mistyped tracking number.
func (l *life) postOnce(t *testing.T) {
	desk, officer := demo.DistrictDesk, "officer.xuanloc"
	body := l.registration(household, desk, "desk")
	body["result_delivery"] = map[string]string{"method": "post", "address": resultAddress}
	d, _ := l.registerBody(t, household, desk, "desk", body, "")
	l.actOK(t, officer, d, "accept", nil, "accepted", desk)
	l.actOK(t, officer, d, "complete", map[string]any{"outcome": "approved"}, "completed", desk)
	dl := l.awaitShipment(t, workerXL, d, "delivery", 1)
	tn := dl.TrackingNumber
	for _, step := range []struct {
		typ    string
		fields map[string]any
	}{{"accepted", map[string]any{"seal_number": "XL-2026-000300"}}, {"picked_up", nil}, {"out_for_delivery", nil}} {
		l.stepOK(t, workerXL, tn, step.typ, step.fields)
	}
	sig := proof(t, applicantName, "self", idLast4(body))

	// What the post refuses, changing nothing.
	a, _ := l.record(t, workerXL, tn, "delivered", nil)
	if e := expectError(t, "delivered without proof", a, http.StatusUnprocessableEntity, "required"); a.Status == 422 && e.Error.Field != "proof" {
		t.Errorf("delivered without proof names the field %q, want proof", e.Error.Field)
	}
	bad := wrongCheckDigit(tn)
	a, _ = l.record(t, workerXL, bad, "delivered", map[string]any{"proof": sig})
	expectError(t, "a step of "+bad+" (wrong check digit)", a, http.StatusUnprocessableEntity, "invalid_tracking_number")
	a = l.call(t, l.e.cl.Postal.Addr, http.MethodGet, "/api/v1/shipments/"+bad, workerXL, "", nil)
	expectError(t, "reading "+bad+" (wrong check digit)", a, http.StatusUnprocessableEntity, "invalid_tracking_number")
	a, _ = l.record(t, workerXL, tn, "arrived", nil)
	if e := expectError(t, "arrived while out for delivery", a, http.StatusConflict, "event_out_of_order"); a.Status == 409 &&
		!strings.Contains(e.Error.Message, "delivered") {
		t.Errorf("the 409 does not say what may come next: %q", e.Error.Message)
	}
	if s := l.shipment(t, workerXL, tn); s.Status != "out_for_delivery" || s.Version != 4 {
		t.Fatalf("after the refused steps the delivery is %s, version %d; want out_for_delivery, 4", s.Status, s.Version)
	}

	// The confirmation, three times: once, then twice at the same moment.
	ev, at := eventBody("delivered", map[string]any{"proof": sig})
	raw, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	answers := []apiclient.Answer{l.recordRaw(t, workerXL, tn, raw)}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	ctx, tok := l.ctx(t), l.token(t, workerXL)
	for range 2 {
		wg.Go(func() {
			a, err := l.e.client.Do(ctx, http.MethodPost, "http://"+l.e.cl.Postal.Addr+"/api/v1/shipments/"+tn+"/events",
				tok, "", raw, nil)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return
			}
			answers = append(answers, a)
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("sending the confirmation again: %v", errs)
	}
	for i, a := range answers {
		replayed := a.Header.Get("Idempotent-Replayed")
		if a.Status != http.StatusOK || !bytes.Equal(a.Body, answers[0].Body) || (i == 0) != (replayed == "") ||
			(i > 0 && replayed != "true") {
			t.Errorf("confirmation #%d: %d %s (Idempotent-Replayed %q); the first: %d %s", i+1, a.Status, a.Body,
				replayed, answers[0].Status, answers[0].Body)
		}
	}
	var s apiclient.Shipment
	decode(t, answers[0], &s)
	if s.Status != "delivered" || s.Version != 5 {
		t.Errorf("the confirmation's answer: %s", answers[0].Body)
	}
	// The same event id with another body is another event: refused.
	ev["proof"] = proof(t, "Nguyễn Thị Hoa", "family", "7788")
	a = l.call(t, l.e.cl.Postal.Addr, http.MethodPost, "/api/v1/shipments/"+tn+"/events", workerXL, "", ev)
	expectError(t, "the confirmation's event id with another proof", a, http.StatusUnprocessableEntity, "event_id_reused")
	// A new confirmation of a delivered item: nothing may follow.
	a, _ = l.record(t, workerXL, tn, "delivered", map[string]any{"proof": sig})
	expectError(t, "delivered again under a new event id", a, http.StatusConflict, "event_out_of_order")

	got := l.shipment(t, workerXL, tn)
	if want := []string{"created", "accepted", "picked_up", "out_for_delivery", "delivered"}; !slices.Equal(got.EventTypes(), want) ||
		got.Version != 5 || got.Events[4].EventID != ev["event_id"] || !got.Events[4].OccurredAt.Equal(at) {
		t.Errorf("the delivery's steps: %v, version %d, last %+v; want %v, version 5, the confirmation's event",
			got.EventTypes(), got.Version, got.Events[len(got.Events)-1], want)
	}

	w := l.awaitIntake(t, deskUser, d, "deliver")
	if got := w.Actions(); !slices.Equal(got, []string{"accept", "complete", "deliver"}) || w.Status != "returned" || w.Version != 4 {
		t.Errorf("intake after three confirmations: %s, version %d, steps %v; want returned, 4, one deliver", w.Status, w.Version, got)
	}
	// Status folds each shipment event on its own: wait for every step, created included.
	want := []string{"received", "accepted", "completed", "shipment_created[" + tn + "]", "shipment_accepted[" + tn + "]",
		"shipment_picked_up[" + tn + "]", "shipment_out_for_delivery[" + tn + "]", "result_delivered",
		"shipment_delivered[" + tn + "]"}
	trk := l.awaitPostTrack(t, d, "", "the result delivered, every step folded", func(p apiclient.Track) bool {
		return p.Status == "returned" && len(p.Shipments) == 1 && p.Shipments[0].Status == "delivered" &&
			len(timelineKeys(p)) >= len(want)
	})
	count := func(typ string) int {
		n := 0
		for _, s := range trk.Timeline {
			if s.Type == typ {
				n++
			}
		}
		return n
	}
	if count("shipment_delivered") != 1 || count("result_delivered") != 1 {
		t.Errorf("the citizen reads %d shipment_delivered and %d result_delivered steps, want one of each: %v",
			count("shipment_delivered"), count("result_delivered"), timelineKeys(trk))
	}
	if !slices.Equal(timelineKeys(trk), want) {
		t.Errorf("the citizen's timeline: %v, want %v", timelineKeys(trk), want)
	}
}
